// Cinder's list parameters: limit (at most osapi_max_limit = 1000), marker, and sorting by
// `sort=key:dir,…` or the older sort_key/sort_dir.

import { ApiError } from '../../http/api-error';
import { badRequest } from './errors';
import type { Query } from './register';

export const MAX_LIMIT = 1000;

export interface Page {
  limit: number;
  marker: string | undefined;
}

export function parsePage(query: Query): Page {
  let limit = MAX_LIMIT;
  if (query.limit !== undefined) {
    if (!/^-?\d+$/.test(query.limit)) throw badRequest('limit param must be an integer');
    limit = Number(query.limit);
    if (limit < 0) throw badRequest('limit param must be positive');
    limit = Math.min(limit, MAX_LIMIT);
  }
  return { limit, marker: query.marker };
}

/** Cuts one page after the marker; `more` tells whether a next link is due. */
export function paginate<T extends { id: string }>(items: T[], page: Page): { items: T[]; more: boolean } {
  let start = 0;
  if (page.marker !== undefined) {
    const index = items.findIndex((item) => item.id === page.marker);
    if (index < 0) throw new ApiError(404, `Marker ${page.marker} could not be found.`);
    start = index + 1;
  }
  const slice = items.slice(start, start + page.limit);
  return { items: slice, more: start + page.limit < items.length };
}

export function parseSort<K extends string>(query: Query, keys: readonly K[]): { key: K; dir: 'asc' | 'desc' }[] | undefined {
  const entries: string[] = [];
  if (query.sort !== undefined) entries.push(...query.sort.split(','));
  else if (query.sort_key !== undefined) entries.push(`${query.sort_key}:${query.sort_dir ?? 'desc'}`);
  if (entries.length === 0) return undefined;
  return entries.map((entry) => {
    const [rawKey = '', rawDir = 'desc'] = entry.trim().split(':');
    const key = rawKey === 'name' || rawKey === 'display_name' ? 'name' : rawKey;
    if (!(keys as readonly string[]).includes(key)) throw badRequest(`Invalid input received: Invalid sort key ${rawKey}`);
    if (rawDir !== 'asc' && rawDir !== 'desc') throw badRequest(`Invalid input received: Invalid sort dirs passed: ${rawDir}`);
    return { key: key as K, dir: rawDir };
  });
}

/** The `…_links` array with a next link carrying the same query and the last id as marker. */
export function nextLinks(url: string, lastId: string | undefined, more: boolean, limit: number) {
  if (!more || lastId === undefined) return undefined;
  const next = new URL(url);
  next.searchParams.set('marker', lastId);
  next.searchParams.set('limit', String(limit));
  return [{ href: next.toString(), rel: 'next' }];
}
