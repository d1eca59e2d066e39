import 'server-only';

import type { IronSession } from 'iron-session';
import { redirect } from 'next/navigation';
import { type NextRequest, NextResponse } from 'next/server';

import { type ZenithConfig, getConfig } from '../config';
import { findEndpoint, regionsOf } from '../openstack/catalog';
import { OpenStackError } from '../openstack/errors';
import type { TokenInfo, TokenUser } from '../openstack/keystone';
import { ApiError, errorResponse, sessionExpired, toApiError } from './api-error';
import { assertCsrfToken, assertSameOrigin } from './csrf';
import { type SessionData, getSession } from './session';
import { tokenInfo } from './token-cache';

/** What a handler needs to act for the logged-in user in their current project and region. */
export interface ScopedContext {
  config: ZenithConfig;
  session: IronSession<SessionData>;
  token: string;
  info: TokenInfo;
  user: TokenUser;
  project: TokenUser;
  region: string | null;
  isAdmin: boolean;
  /** The URL of a service in the user's catalog, for the current region and interface. */
  endpoint(type: string): string;
}

export async function requireScope(session: IronSession<SessionData>): Promise<ScopedContext> {
  const { token, project, user, expiresAt } = session;
  if (!token || !project || !user || !expiresAt) throw sessionExpired('missing');
  if (Date.parse(expiresAt) <= Date.now()) throw sessionExpired('expired');
  const config = getConfig();
  let info: TokenInfo;
  try {
    info = await tokenInfo(config.authUrl, token);
  } catch (error) {
    if (error instanceof OpenStackError && (error.status === 401 || error.status === 404)) {
      throw sessionExpired('revoked');
    }
    throw error;
  }
  const regions = regionsOf(info.catalog);
  const region = session.region && regions.includes(session.region) ? session.region : (regions[0] ?? null);
  return {
    config,
    session,
    token,
    info,
    user,
    project,
    region,
    isAdmin: info.roles.includes('admin'),
    endpoint(type) {
      const found = findEndpoint(info.catalog, type, { interface: config.interface, region });
      if (!found) {
        throw new ApiError({
          code: 'service.missing',
          status: 404,
          message: `The catalog has no ${config.interface} ${type} endpoint in region ${region ?? '(none)'}`,
          service: type,
        });
      }
      return found.url;
    },
  };
}

type RouteParams = { params: Promise<Record<string, string>> };
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A BFF route for a logged-in user: session, scope, CSRF on mutations, and the one error shape. */
export function sessionRoute(
  handler: (ctx: ScopedContext, request: NextRequest, params: Record<string, string>) => Promise<Response>,
) {
  return async (request: NextRequest, { params }: RouteParams): Promise<Response> => {
    try {
      const mutating = MUTATING.has(request.method);
      if (mutating) assertSameOrigin(request);
      const session = await getSession();
      if (mutating) assertCsrfToken(request, session.csrf);
      const ctx = await requireScope(session);
      return await handler(ctx, request, await params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A BFF route that needs no session (login): same-origin check on mutations and the one error shape. */
export function publicRoute(handler: (request: NextRequest) => Promise<Response>) {
  return async (request: NextRequest): Promise<Response> => {
    try {
      if (MUTATING.has(request.method)) assertSameOrigin(request);
      return await handler(request);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function noStoreJson<T>(body: T, init?: ResponseInit): NextResponse<T> {
  const response = NextResponse.json(body, init);
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

/** For server components: the scope, or a redirect to the login page saying why. */
export async function loadScope(): Promise<ScopedContext> {
  const session = await getSession();
  try {
    return await requireScope(session);
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.payload.status === 401) redirect(`/login?reason=${apiError.payload.code}`);
    throw error;
  }
}

/** For server components whose data load hit a revoked token. */
export function redirectIfSessionEnded(error: unknown): void {
  const apiError = toApiError(error);
  if (apiError.payload.status === 401) redirect(`/login?reason=${apiError.payload.code}`);
}
