import 'server-only';

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Interface } from './openstack/catalog';

/** The dashboard's settings, read once from the environment. */
export interface ZenithConfig {
  authUrl: string;
  /** True when no OS_AUTH_URL is set and the embedded cloud is the backend. */
  embedded: boolean;
  interface: Interface;
  defaultRegion: string | null;
  secureCookies: boolean;
  sessionSecret: string;
  /** Origins allowed to send mutating requests, besides the request's own. */
  trustedOrigins: string[];
}

let cached: ZenithConfig | null = null;

export function getConfig(): ZenithConfig {
  cached ??= readConfig(process.env);
  return cached;
}

export function readConfig(env: Record<string, string | undefined>): ZenithConfig {
  // An empty variable counts as unset, as in the shell scripts people copy settings from.
  const get = (name: string): string | undefined => env[name] || undefined;
  const authUrl = get('OS_AUTH_URL');
  if (authUrl && !/^https?:\/\//.test(authUrl)) throw new Error(`OS_AUTH_URL must be an http(s) URL, not "${authUrl}"`);
  const iface = get('OS_INTERFACE') ?? 'public';
  if (iface !== 'public' && iface !== 'internal' && iface !== 'admin') {
    throw new Error(`OS_INTERFACE must be public, internal or admin, not "${iface}"`);
  }
  const publicUrl = get('ZENITH_PUBLIC_URL') ?? '';
  const secret = get('ZENITH_SESSION_SECRET');
  if (secret && secret.length < 32) throw new Error('ZENITH_SESSION_SECRET must be at least 32 characters');
  return {
    authUrl: authUrl ?? `http://127.0.0.1:${get('EMULATOR_PORT') ?? '8788'}/identity/v3`,
    embedded: !authUrl,
    interface: iface,
    defaultRegion: get('OS_REGION_NAME') ?? null,
    secureCookies: publicUrl.startsWith('https://') || get('ZENITH_SECURE_COOKIES') === '1',
    sessionSecret: secret ?? localSecret(get('ZENITH_DATA_DIR') ?? '.data'),
    trustedOrigins: publicUrl ? [new URL(publicUrl).origin] : [],
  };
}

/**
 * Without ZENITH_SESSION_SECRET a single machine keeps a generated secret on disk, so sessions survive a
 * restart. Several replicas must share ZENITH_SESSION_SECRET instead.
 */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start: fall through and create it
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
