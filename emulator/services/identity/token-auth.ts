// What keystonemiddleware's auth_token does in front of every other OpenStack service: a
// request without a valid X-Auth-Token is refused with 401 before the service sees it, in
// Keystone's error shape (not the service's own) and with WWW-Authenticate.

import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Cloud } from '../../cloud';
import { keystoneEnvelope } from '../../http/envelopes';
import { resolveToken } from './token-service';

export function tokenAuth(cloud: Cloud): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const tokenId = request.headers['x-auth-token'];
    const caller = typeof tokenId === 'string' && tokenId !== '' ? await resolveToken(cloud, tokenId) : undefined;
    if (caller) return;
    return reply
      .code(401)
      .header('www-authenticate', `Keystone uri="${cloud.url('/identity')}"`)
      .send(keystoneEnvelope(401, 'The request you have made requires authentication.'));
  };
}
