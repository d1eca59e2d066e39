// GET /servers and /servers/detail: Nova's query parameters turned into a store filter and
// page, and the `servers_links` next link, present only when the page is full.

import { ApiError } from '../../http/api-error';
import { statesForStatus } from '../../sim/server-lifecycle';
import type { Server, ServerFilter, ServerPage, ServerSortKey, ServerStore } from '../../store/servers';
import type { ServerContext } from './server-context';

/** Nova's [api] max_limit. */
export const MAX_LIMIT = 1000;

const SORT_KEYS: readonly ServerSortKey[] = ['created_at', 'updated_at', 'name', 'display_name', 'id', 'vm_state', 'host'];

type Query = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.at(-1) : value;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['', '1', 'true', 'yes', 'on', 't', 'y'].includes(value.toLowerCase());
}

export interface ListRequest {
  filter: ServerFilter;
  limit: number;
  markerId?: string;
  sortKey: ServerSortKey;
  sortDir: 'asc' | 'desc';
}

export function parseListQuery(query: Query, context: ServerContext): ListRequest {
  const filter: ServerFilter = {};
  const allTenants = context.admin && query.all_tenants !== undefined && (one(query.all_tenants) === '' || isTrue(one(query.all_tenants)));
  // A non-admin's all_tenants is dropped and they see their own project, as Nova did.
  const projectFilter = one(query.project_id) ?? one(query.tenant_id);
  if (!allTenants) filter.projectId = context.admin && projectFilter ? projectFilter : context.projectId;
  else if (projectFilter) filter.projectId = projectFilter;

  const name = one(query.name);
  if (name !== undefined && name !== '') filter.name = name;
  const status = one(query.status);
  if (status !== undefined) Object.assign(filter, statesForStatus(status));
  const flavor = one(query.flavor);
  if (flavor) filter.flavorId = flavor;
  const image = one(query.image);
  if (image) filter.imageId = image;
  const ip = one(query.ip);
  if (ip) filter.ip = ip;
  const reservation = one(query.reservation_id);
  if (reservation) filter.reservationId = reservation;
  const since = one(query['changes-since']);
  if (since !== undefined) {
    const parsed = Date.parse(since);
    if (Number.isNaN(parsed)) throw new ApiError(400, `Invalid input for query parameters changes-since. Value: ${since}. '${since}' is not a 'date-time'`);
    filter.changesSince = new Date(parsed).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
  }
  const locked = one(query.locked);
  if (locked !== undefined && context.atLeast('2.73')) {
    const text = locked.toLowerCase();
    if (!['true', 'false', '1', '0', 'yes', 'no'].includes(text)) {
      throw new ApiError(400, `Unrecognized value '${locked}', acceptable values are 'true' or 'false'`);
    }
    filter.locked = ['true', '1', 'yes'].includes(text);
  }
  const host = one(query.host);
  if (host && context.admin) filter.host = host;

  const limitText = one(query.limit);
  let limit = MAX_LIMIT;
  if (limitText !== undefined) {
    if (!/^-?\d+$/.test(limitText)) throw new ApiError(400, 'limit param must be an integer');
    const parsed = Number(limitText);
    if (parsed < 0) throw new ApiError(400, 'limit param must be positive');
    limit = Math.min(parsed, MAX_LIMIT);
  }
  const sortKeyText = one(query.sort_key) ?? 'created_at';
  if (!(SORT_KEYS as readonly string[]).includes(sortKeyText)) throw new ApiError(400, `Invalid sort_key: ${sortKeyText}`);
  const sortDirText = (one(query.sort_dir) ?? 'desc').toLowerCase();
  if (sortDirText !== 'asc' && sortDirText !== 'desc') throw new ApiError(400, `Invalid sort_dir: ${sortDirText}`);
  return { filter, limit, markerId: one(query.marker), sortKey: sortKeyText as ServerSortKey, sortDir: sortDirText };
}

export async function listServers(store: ServerStore, request: ListRequest, context: ServerContext): Promise<Server[]> {
  let marker: Server | undefined;
  if (request.markerId !== undefined) {
    marker = await store.get(request.markerId);
    if (!marker || (!context.admin && marker.projectId !== context.projectId)) {
      throw new ApiError(400, `marker [${request.markerId}] not found`);
    }
  }
  if (request.limit === 0) return [];
  const page: ServerPage = { limit: request.limit, marker, sortKey: request.sortKey, sortDir: request.sortDir };
  return store.list(request.filter, page);
}

/** The next link: the same query with limit and the last id as marker, only for a full page. */
export function nextLink(baseUrl: string, query: Query, request: ListRequest, servers: readonly Server[]): { rel: string; href: string }[] | undefined {
  const last = servers.at(-1);
  if (!last || servers.length < request.limit) return undefined;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'marker' || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  if (!params.has('limit')) params.set('limit', String(request.limit));
  params.set('marker', last.id);
  return [{ rel: 'next', href: `${baseUrl}?${params.toString()}` }];
}
