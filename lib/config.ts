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

export function readConfig(env: NodeJS.ProcessEnv): ZenithConfig {
  const embedded = !env.OS_AUTH_URL;
  const emulatorPort = env.EMULATOR_PORT ?? '8788';
  const iface = env.OS_INTERFACE ?? 'public';
  if (iface !== 'public' && iface !== 'internal' && iface !== 'admin') {
    throw new Error(`OS_INTERFACE must be public, internal or admin, not "${iface}"`);
  }
  const publicUrl = env.ZENITH_PUBLIC_URL ?? '';
  return {
    authUrl: env.OS_AUTH_URL ?? `http://127.0.0.1:${emulatorPort}/identity/v3`,
    embedded,
    interface: iface,
    defaultRegion: env.OS_REGION_NAME || null,
    secureCookies: publicUrl.startsWith('https://') || env.ZENITH_SECURE_COOKIES === '1',
    sessionSecret: env.ZENITH_SESSION_SECRET ?? localSecret(env.ZENITH_DATA_DIR ?? '.data'),
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
