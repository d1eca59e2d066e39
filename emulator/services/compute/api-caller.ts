// keystonemiddleware in front of an API: every request under the API root needs a valid
// token (401 in Keystone's shape otherwise), resolved once per request and kept for the
// handler. Discovery documents outside the API root stay open, as on a real cloud.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { keystoneEnvelope } from '../../http/envelopes';
import { isAdmin } from '../identity/policy';
import { resolveToken, type TokenContext } from '../identity/token-service';

const callers = new WeakMap<FastifyRequest, TokenContext>();

/** Installs the token check for every path below `${app.prefix}${apiRoot}/`. */
export function installTokenCaller(app: FastifyInstance, cloud: Cloud, apiRoot: string): void {
  const root = `${app.prefix}${apiRoot}/`;
  app.addHook('preHandler', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith(root) || path.length === root.length) return;
    const tokenId = request.headers['x-auth-token'];
    const caller = typeof tokenId === 'string' && tokenId !== '' ? await resolveToken(cloud, tokenId) : undefined;
    if (caller) {
      callers.set(request, caller);
      return;
    }
    return reply
      .code(401)
      .header('www-authenticate', `Keystone uri="${cloud.url('/identity')}"`)
      .send(keystoneEnvelope(401, 'The request you have made requires authentication.'));
  });
}

/** The caller resolved by the token check; only valid in handlers below the API root. */
export function apiCaller(request: FastifyRequest): TokenContext {
  const caller = callers.get(request);
  if (!caller) throw new Error(`no token check ran for ${request.url}`);
  return caller;
}

/** The project the caller's token is scoped to, or null (domain-scoped or unscoped). */
export function callerProjectId(caller: TokenContext): string | null {
  return caller.scope.kind === 'project' ? caller.scope.project.id : null;
}

export { isAdmin };
