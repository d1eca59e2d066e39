// Small pieces every Nova resource handler shares: the caller with its project and admin
// flag, Nova's policy 403, body checks with Nova's "Invalid input" wording, and the
// limit/marker parameters of paginated lists.

import type { FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { TokenContext } from '../identity/token-service';
import { apiCaller, callerProjectId, isAdmin } from './api-caller';

export interface NovaCaller {
  token: TokenContext;
  userId: string;
  projectId: string | null;
  admin: boolean;
}

export function novaCaller(request: FastifyRequest): NovaCaller {
  const token = apiCaller(request);
  return { token, userId: token.user.id, projectId: callerProjectId(token), admin: isAdmin(token) };
}

export function policyForbidden(rule: string): ApiError {
  return new ApiError(403, `Policy doesn't allow ${rule} to be performed.`);
}

export function requireNovaAdmin(caller: NovaCaller, rule: string): void {
  if (!caller.admin) throw policyForbidden(rule);
}

export function invalidInput(field: string, value: unknown, detail: string): ApiError {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return new ApiError(400, `Invalid input for field/attribute ${field}. Value: ${shown}. ${detail}`);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object under `key` in the body, or Nova's 400 naming the missing property. */
export function bodyObject(body: unknown, key: string): Record<string, unknown> {
  if (!isPlainObject(body)) throw new ApiError(400, 'The request body is not a JSON object.');
  const inner = body[key];
  if (inner === undefined) {
    throw new ApiError(400, `Invalid input for field/attribute ${key}. Value: None. '${key}' is a required property`);
  }
  if (!isPlainObject(inner)) throw invalidInput(key, inner, `${JSON.stringify(inner)} is not of type 'object'`);
  return inner;
}

export type NovaQuery = Record<string, string | string[] | undefined>;

export function queryValue(query: NovaQuery, key: string): string | undefined {
  const value = query[key];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/** Nova's `limit`: a non-negative integer, capped at max_limit (1000). */
export function parseLimit(query: NovaQuery): number {
  const text = queryValue(query, 'limit');
  if (text === undefined) return 1000;
  if (!/^\d+$/.test(text)) throw invalidInput('limit', text, `'${text}' does not match '^[0-9]*$'`);
  return Math.min(Number(text), 1000);
}

/** A `<collection>_links` next link when the page is full, as Nova adds it. */
export function nextLinks(
  cloud: Cloud,
  request: FastifyRequest,
  collection: string,
  page: { length: number },
  limit: number,
  lastMarker: string | undefined,
): Record<string, { rel: string; href: string }[]> {
  if (lastMarker === undefined || page.length < limit) return {};
  const [path = '', search = ''] = request.url.split('?');
  const params = new URLSearchParams(search);
  params.set('limit', String(limit));
  params.set('marker', lastMarker);
  return { [`${collection}_links`]: [{ rel: 'next', href: cloud.url(`${path}?${params.toString()}`) }] };
}
