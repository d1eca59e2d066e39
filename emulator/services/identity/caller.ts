// Who is calling: the token in X-Auth-Token, resolved, or a 401. Every other service of the
// embedded cloud authenticates its callers through this too.

import type { FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { unauthorized } from './errors';
import { resolveToken, type TokenContext } from './token-service';

export async function requireCaller(request: FastifyRequest, cloud: Cloud): Promise<TokenContext> {
  const tokenId = request.headers['x-auth-token'];
  if (typeof tokenId !== 'string' || tokenId === '') throw unauthorized();
  const caller = await resolveToken(cloud, tokenId);
  if (!caller) throw unauthorized();
  return caller;
}
