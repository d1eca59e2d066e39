import 'server-only';

import { createHash } from 'node:crypto';

import { type TokenInfo, validateToken } from '../openstack/keystone';
import { processState } from './process-state';

/**
 * The catalog and roles of each scoped token, kept per process so that a page does not ask Keystone for
 * them on every request. Entries are short-lived; any service call with a revoked token still gets 401.
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;

interface Entry {
  info: TokenInfo;
  storedAt: number;
}

const cache = processState('token-cache', () => new Map<string, Entry>());

function keyOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function rememberToken(token: string, info: TokenInfo): void {
  if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(keyOf(token), { info, storedAt: Date.now() });
}

export function forgetToken(token: string): void {
  cache.delete(keyOf(token));
}

export async function tokenInfo(authUrl: string, token: string): Promise<TokenInfo> {
  const entry = cache.get(keyOf(token));
  if (entry && Date.now() - entry.storedAt < TTL_MS) return entry.info;
  const info = await validateToken(authUrl, token);
  rememberToken(token, info);
  return info;
}
