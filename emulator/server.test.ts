// The server as a process sees it: state that survives a restart, and HTTP keep-alive that
// pooled clients (python-requests, undici) can rely on.

import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { call, login, PUBLIC_URL } from './testing/test-cloud';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zenith-server-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('keeps projects and tokens across a restart on the same file, without reseeding', async () => {
    const dbPath = join(dir, 'cloud.db');
    const first = await buildServer({ dbPath, publicUrl: PUBLIC_URL });
    const admin = await login(first, { user: 'admin', project: 'admin' });
    const created = await call(first, admin, 'POST', '/identity/v3/projects', { project: { name: 'kept' } });
    expect(created.statusCode).toBe(201);
    await first.close();

    // A different seed option must not wipe an existing database.
    const second = await buildServer({ dbPath, publicUrl: PUBLIC_URL, seed: 'empty' });
    const projects = await call(second, admin, 'GET', '/identity/v3/projects?name=kept');
    expect(projects.statusCode).toBe(200);
    expect(projects.json().projects).toHaveLength(1);
    const health = await second.inject({ method: 'GET', url: '/_emulator/health' });
    expect(health.json().seed).toBe('demo');
    await second.close();
  });

  it('seeds a new database with the requested seed and passwords', async () => {
    const app = await buildServer({
      dbPath: join(dir, 'cloud.db'),
      publicUrl: PUBLIC_URL,
      seed: 'empty',
      adminPassword: 'hunter2',
    });
    await expect(login(app, { user: 'admin', password: 'secret' })).rejects.toThrow(/401/);
    await login(app, { user: 'admin', password: 'hunter2', project: 'admin' });
    await app.close();
  });
});

describe('HTTP keep-alive', () => {
  it('serves successive requests, errors included, on one connection', async () => {
    const app = await buildServer({ dbPath: join(dir, 'cloud.db'), publicUrl: PUBLIC_URL });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });

    type Sent = { status: number; connection: string | undefined; socket: unknown; token: string };
    const send = (method: string, path: string, body?: string, token = '') =>
      new Promise<Sent>((resolve, reject) => {
        const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
        if (token) headers['x-auth-token'] = token;
        const req = httpRequest({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
          res.resume();
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              connection: res.headers.connection,
              socket: req.socket,
              token: String(res.headers['x-subject-token'] ?? ''),
            }),
          );
        });
        req.on('error', reject);
        req.end(body);
      });
    const credentials = (password: string) =>
      JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'demo', domain: { name: 'Default' }, password } },
          },
          scope: { project: { name: 'demo', domain: { id: 'default' } } },
        },
      });

    try {
      const loggedIn = await send('POST', '/identity/v3/auth/tokens', credentials('secret'));
      const responses = [
        loggedIn,
        await send('GET', '/identity'),
        await send('POST', '/identity/v3/auth/tokens', credentials('wrong')),
        await send('GET', '/compute/v2.1/servers', undefined, loggedIn.token),
        await send('POST', '/networking/v2.0/qos/policies', '{"policy":{}}', loggedIn.token),
        await send('GET', '/volume/v3/volumes'),
        await send('DELETE', '/identity/v3/auth/tokens', ''),
        await send('POST', '/identity/v3/projects', '{"project":', loggedIn.token),
        await send('GET', '/nowhere'),
      ];
      expect(responses.map((r) => r.status)).toEqual([201, 300, 401, 200, 501, 401, 401, 400, 404]);
      for (const response of responses) expect(response.connection).toBe('keep-alive');
      expect(new Set(responses.map((r) => r.socket)).size).toBe(1);
    } finally {
      agent.destroy();
      await app.close();
    }
  });
});
