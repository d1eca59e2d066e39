import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildServer } from '@/emulator/server';

import type { ZenithConfig } from '../config';
import { validateToken } from '../openstack/keystone';
import { ApiError } from './api-error';
import { login } from './login';

let cloud: FastifyInstance;
let cloudUrl: string;

function configFor(authUrl: string): ZenithConfig {
  return { authUrl, embedded: true, interface: 'public', defaultRegion: null, secureCookies: false, sessionSecret: 'x'.repeat(32), trustedOrigins: [] };
}

async function failure(promise: Promise<unknown>): Promise<ApiError['payload']> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).payload;
}

let address = 0;
const nextAddress = () => `10.0.0.${++address}`;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zenith-login-'));
  cloud = await buildServer({ dbPath: path.join(dir, 'cloud.db'), publicUrl: 'http://127.0.0.1:0', seed: 'demo' });
  await cloud.listen({ host: '127.0.0.1', port: 0 });
  cloudUrl = `http://127.0.0.1:${(cloud.server.address() as AddressInfo).port}/identity/v3`;
});

afterAll(async () => {
  await cloud.close();
});

describe('login', () => {
  it('gives an unscoped token and a token scoped to the first project', async () => {
    const { unscoped, scoped } = await login(configFor(cloudUrl), { domain: 'Default', username: 'admin', password: 'secret' }, { address: nextAddress() });
    expect(unscoped.info.project).toBeNull();
    expect(scoped.info.project?.name).toBe('admin');
    expect(scoped.info.roles).toContain('admin');
    expect((await validateToken(cloudUrl, scoped.token)).user.name).toBe('admin');
  });

  it('scopes to the preferred project when the user still belongs to it', async () => {
    const config = configFor(cloudUrl);
    const first = await login(config, { domain: 'Default', username: 'admin', password: 'secret' }, { address: nextAddress() });
    const demo = (await fetch(`${cloudUrl}/auth/projects`, { headers: { 'X-Auth-Token': first.unscoped.token } }).then((r) => r.json())).projects.find(
      (p: { name: string }) => p.name === 'demo',
    );
    const { scoped } = await login(config, { domain: 'Default', username: 'admin', password: 'secret' }, { address: nextAddress(), preferredProjectId: demo.id });
    expect(scoped.info.project?.name).toBe('demo');
  });

  it('says the same thing for a wrong password, an unknown user and a wrong domain', async () => {
    const config = configFor(cloudUrl);
    for (const input of [
      { domain: 'Default', username: 'demo', password: 'nope' },
      { domain: 'Default', username: 'nobody', password: 'secret' },
      { domain: 'Elsewhere', username: 'demo', password: 'secret' },
    ]) {
      const payload = await failure(login(config, input, { address: nextAddress() }));
      expect(payload).toMatchObject({ code: 'invalid_credentials', status: 401, service: 'identity' });
    }
  });

  it('blocks a user after ten failures, whatever address they come from', async () => {
    const config = configFor(cloudUrl);
    const input = { domain: 'Default', username: 'target', password: 'guess' };
    for (let i = 0; i < 10; i++) await failure(login(config, input, { address: nextAddress() }));
    const blocked = await failure(login(config, { ...input, password: 'secret' }, { address: nextAddress() }));
    expect(blocked).toMatchObject({ code: 'too_many_attempts', status: 429 });
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('blocks an address after thirty failures, whoever it tries', async () => {
    const config = configFor(cloudUrl);
    const address = nextAddress();
    for (let i = 0; i < 30; i++) await failure(login(config, { domain: 'Default', username: `spray${i}`, password: 'x' }, { address }));
    expect(await failure(login(config, { domain: 'Default', username: 'demo', password: 'secret' }, { address }))).toMatchObject({
      code: 'too_many_attempts',
    });
  });

  it('tells an unreachable identity service apart from bad credentials', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const payload = await failure(
      login(configFor(`http://127.0.0.1:${port}/v3`), { domain: 'Default', username: 'demo', password: 'secret' }, { address: nextAddress() }),
    );
    expect(payload).toMatchObject({ code: 'identity_unreachable', status: 503 });
  });

  it('recognises a server that is not Keystone', async () => {
    for (const [status, body] of [
      [200, '<html>welcome to nginx</html>'],
      [201, '{"hello":"world"}'],
      [404, '<html>Not Found</html>'],
    ] as const) {
      const garbage = createServer((_, response) => response.writeHead(status, { 'Content-Type': 'text/html' }).end(body));
      await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(garbage.address() as AddressInfo).port}/v3`;
      const payload = await failure(login(configFor(url), { domain: 'Default', username: 'demo', password: 'secret' }, { address: nextAddress() }));
      expect(payload.code, `${status} ${body}`).toBe('identity_bad_response');
      await new Promise((resolve) => garbage.close(resolve));
    }
  });
});
