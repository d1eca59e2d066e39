import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { readConfig } from './config';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'zenith-config-'));

describe('readConfig', () => {
  it('uses the embedded cloud when OS_AUTH_URL is unset or empty', () => {
    for (const OS_AUTH_URL of [undefined, '']) {
      const config = readConfig({ OS_AUTH_URL, EMULATOR_PORT: '8798', ZENITH_DATA_DIR: dataDir() });
      expect(config.embedded).toBe(true);
      expect(config.authUrl).toBe('http://127.0.0.1:8798/identity/v3');
    }
  });

  it('uses a real cloud when OS_AUTH_URL is set', () => {
    const config = readConfig({ OS_AUTH_URL: 'https://keystone.example:5000/v3', OS_INTERFACE: 'internal', ZENITH_DATA_DIR: dataDir() });
    expect(config).toMatchObject({ embedded: false, authUrl: 'https://keystone.example:5000/v3', interface: 'internal' });
  });

  it('refuses settings that cannot work, with the variable named', () => {
    expect(() => readConfig({ OS_AUTH_URL: 'keystone:5000' })).toThrow(/OS_AUTH_URL/);
    expect(() => readConfig({ OS_INTERFACE: 'private', ZENITH_DATA_DIR: dataDir() })).toThrow(/OS_INTERFACE/);
    expect(() => readConfig({ ZENITH_SESSION_SECRET: 'short' })).toThrow(/ZENITH_SESSION_SECRET/);
  });

  it('keeps a generated session secret across restarts', () => {
    const dir = dataDir();
    const first = readConfig({ ZENITH_DATA_DIR: dir }).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readConfig({ ZENITH_DATA_DIR: dir }).sessionSecret).toBe(first);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8')).toBe(first);
  });

  it('makes cookies Secure and trusts the origin of an https public URL', () => {
    const config = readConfig({ ZENITH_PUBLIC_URL: 'https://zenith.example/', ZENITH_DATA_DIR: dataDir() });
    expect(config.secureCookies).toBe(true);
    expect(config.trustedOrigins).toEqual(['https://zenith.example']);
  });
});
