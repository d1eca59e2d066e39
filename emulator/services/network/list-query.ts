// Neutron's list machinery, shared by every collection: filters on any top-level attribute
// (repeating one ORs it, an empty value matches empty, an unknown one is refused as with the
// filter-validation extension), `fields` projection, sort_key/sort_dir pairs, and
// limit/marker/page_reverse paging with `<collection>_links`. It works on rendered wire
// objects, so what a client filters and sorts on is exactly what it reads back.

import { badRequest } from './errors';

export type WireObject = Record<string, unknown>;
/** Fastify's parsed query: a repeated parameter arrives as an array. */
export type RawQuery = Record<string, string | string[] | undefined>;

/** A resource-specific filter: true when `item` matches one of `values`. */
export type CustomFilter = (item: WireObject, values: string[]) => boolean;

export interface CollectionSpec {
  /** Collection key in the body, e.g. "networks", "floatingips". */
  collection: string;
  /** Every attribute a client may filter on (normally all of the view's keys). */
  attributes: readonly string[];
  /** Attributes a client may sort on; defaults to the scalar ones among `attributes`. */
  sortKeys?: readonly string[];
  /** Filters that need more than equality, e.g. ports' fixed_ips=ip_address=10.0.0.3. */
  custom?: Record<string, CustomFilter>;
}

export interface ListQuery {
  filters: Map<string, string[]>;
  fields: string[] | undefined;
  sorts: { key: string; asc: boolean }[];
  /** 0 means no limit, as Neutron's default pagination_max_limit = -1. */
  limit: number;
  marker: string | undefined;
  pageReverse: boolean;
}

const NOT_FILTERS = new Set(['fields', 'sort_key', 'sort_dir', 'limit', 'marker', 'page_reverse']);

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Python's repr of a list of strings, which Neutron puts in its messages. */
export const pyList = (values: readonly string[]): string => `[${values.map((v) => `'${v}'`).join(', ')}]`;

/** neutron-lib's convert_to_boolean. */
export function toBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
  if (typeof value === 'string') {
    const lowered = value.toLowerCase();
    if (lowered === 'true' || lowered === '1') return true;
    if (lowered === 'false' || lowered === '0') return false;
  }
  throw badRequest(`'${String(value)}' cannot be converted to boolean`, 'InvalidInput');
}

export function parseListQuery(query: RawQuery, spec: CollectionSpec): ListQuery {
  const filters = new Map<string, string[]>();
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (NOT_FILTERS.has(key) || value === undefined) continue;
    if (!spec.attributes.includes(key) && !(spec.custom && key in spec.custom)) unknown.push(key);
    else filters.set(key, asList(value));
  }
  if (unknown.length > 0) throw badRequest(`${pyList(unknown)} is invalid attribute for filtering`, 'HTTPBadRequest');

  const sortKeys = asList(query.sort_key);
  const sortDirs = asList(query.sort_dir);
  if (sortKeys.length !== sortDirs.length && sortDirs.length > 0) {
    throw badRequest('The number of sort_keys and sort_dirs must be same', 'HTTPBadRequest');
  }
  const allowed = spec.sortKeys ?? spec.attributes;
  const badKeys = sortKeys.filter((key) => !allowed.includes(key));
  if (badKeys.length > 0) throw badRequest(`${pyList(badKeys)} is invalid attribute for sort_keys`, 'HTTPBadRequest');
  const badDirs = sortDirs.filter((dir) => dir !== 'asc' && dir !== 'desc');
  if (badDirs.length > 0) {
    throw badRequest(`${pyList(badDirs)} is invalid value for sort_dirs, valid value is 'asc' and 'desc'`, 'HTTPBadRequest');
  }

  const rawLimit = asList(query.limit)[0];
  let limit = 0;
  if (rawLimit !== undefined) {
    limit = /^\d+$/.test(rawLimit) ? Number(rawLimit) : -1;
    if (limit < 0) throw badRequest(`Limit must be an integer 0 or greater and not '${rawLimit}'`, 'HTTPBadRequest');
  }
  const rawReverse = asList(query.page_reverse)[0];
  const fields = asList(query.fields).flatMap((f) => f.split(',')).filter((f) => f !== '');

  return {
    filters,
    fields: fields.length > 0 ? fields : undefined,
    sorts: sortKeys.map((key, i) => ({ key, asc: (sortDirs[i] ?? 'asc') === 'asc' })),
    limit,
    marker: asList(query.marker)[0],
    pageReverse: rawReverse === undefined ? false : toBoolean(rawReverse),
  };
}

/**
 * The rows a plain forward page needs (no filter, no sort): the marker's row and limit + 1
 * after it, in id order, which a store can read with one LIMIT query. listBody then cuts the
 * same page and links as from the whole collection. Undefined when the query needs it all.
 */
export function pageWindow(query: RawQuery, spec: CollectionSpec): { fromId?: string; limit: number } | undefined {
  const list = parseListQuery(query, spec);
  if (list.filters.size > 0 || list.sorts.length > 0 || list.pageReverse || list.limit === 0) return undefined;
  return list.marker === undefined ? { limit: list.limit + 1 } : { fromId: list.marker, limit: list.limit + 2 };
}

/** Whether a wire value equals a filter value given as query text. */
function matchesValue(actual: unknown, wanted: string): boolean {
  if (Array.isArray(actual)) return actual.some((entry) => matchesValue(entry, wanted));
  if (actual === null || actual === undefined) return false;
  if (typeof actual === 'boolean') return toBoolean(wanted) === actual;
  if (typeof actual === 'number') return wanted !== '' && Number(wanted) === actual;
  if (typeof actual === 'string') return actual === wanted;
  return false;
}

export function applyFilters(items: WireObject[], filters: Map<string, string[]>, spec: CollectionSpec): WireObject[] {
  if (filters.size === 0) return items;
  return items.filter((item) =>
    [...filters].every(([key, values]) => {
      const custom = spec.custom?.[key];
      if (custom) return custom(item, values);
      return values.some((value) => matchesValue(item[key], value));
    }),
  );
}

function compare(a: unknown, b: unknown): number {
  // SQL order: NULL first when ascending.
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

export function sortItems(items: WireObject[], sorts: ListQuery['sorts']): WireObject[] {
  if (sorts.length === 0) return items;
  return [...items].sort((x, y) => {
    for (const { key, asc } of sorts) {
      const order = compare(x[key], y[key]);
      if (order !== 0) return asc ? order : -order;
    }
    return 0;
  });
}

export function project(item: WireObject, fields: string[] | undefined): WireObject {
  if (!fields) return item;
  const out: WireObject = {};
  for (const field of fields) if (field in item) out[field] = item[field];
  return out;
}

export interface PageResult {
  items: WireObject[];
  links: { href: string; rel: 'next' | 'previous' }[];
}

/**
 * Cuts one page. As Neutron does when paginating, the primary key is the last sort key so
 * that markers are stable. `notFound` builds the resource's 404 for an unknown marker.
 */
export function paginate(
  items: WireObject[],
  list: ListQuery,
  requestUrl: string,
  notFound: (id: string) => Error,
): PageResult {
  if (list.limit === 0 && list.marker === undefined) return { items, links: [] };
  const sorts = list.sorts.some((s) => s.key === 'id') ? list.sorts : [...list.sorts, { key: 'id', asc: true }];
  const sorted = sortItems(items, sorts);
  let start = 0;
  let end = sorted.length;
  if (list.marker !== undefined) {
    const index = sorted.findIndex((item) => item.id === list.marker);
    if (index < 0) throw notFound(list.marker);
    if (list.pageReverse) end = index;
    else start = index + 1;
  }
  if (list.limit > 0) {
    if (list.pageReverse) start = Math.max(start, end - list.limit);
    else end = Math.min(end, start + list.limit);
  }
  const page = sorted.slice(start, end);
  const moreAfter = end < sorted.length;
  const moreBefore = start > 0;
  const links: PageResult['links'] = [];
  if (list.limit > 0 && page.length > 0) {
    const first = String(page[0]?.id);
    const last = String(page.at(-1)?.id);
    if (moreAfter) links.push({ rel: 'next', href: pageLink(requestUrl, last, false) });
    if (moreBefore) links.push({ rel: 'previous', href: pageLink(requestUrl, first, true) });
  }
  return { items: page, links };
}

function pageLink(requestUrl: string, marker: string, reverse: boolean): string {
  const url = new URL(requestUrl);
  url.searchParams.set('marker', marker);
  url.searchParams.delete('page_reverse');
  if (reverse) url.searchParams.set('page_reverse', 'True');
  return url.toString();
}

/**
 * The whole list answer: filter, sort, page, project. `requestUrl` is the absolute URL the
 * client called (links repeat its query with a new marker).
 */
export function listBody(
  items: WireObject[],
  query: RawQuery,
  spec: CollectionSpec,
  requestUrl: string,
  notFound: (id: string) => Error,
): Record<string, unknown> {
  const list = parseListQuery(query, spec);
  const filtered = sortItems(applyFilters(items, list.filters, spec), list.sorts);
  const { items: page, links } = paginate(filtered, list, requestUrl, notFound);
  const body: Record<string, unknown> = { [spec.collection]: page.map((item) => project(item, list.fields)) };
  if (links.length > 0) body[`${spec.collection}_links`] = links;
  return body;
}

/** `fields` for a show call (GET /networks/{id}?fields=name). */
export function showFields(query: RawQuery): string[] | undefined {
  const fields = asList(query.fields).flatMap((f) => f.split(',')).filter((f) => f !== '');
  return fields.length > 0 ? fields : undefined;
}
