import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { BffClient } from '../../e2e/support/bff-client';
import { projectToken } from '../../e2e/support/keystone-token';
import { DASHBOARD_PORT, KEYSTONE_URL } from './start-dashboard';

const dashboard = `http://127.0.0.1:${DASHBOARD_PORT}`;

async function keystoneAdmin(method: string, urlPath: string): Promise<Response> {
  const token = await projectToken(KEYSTONE_URL, 'admin', 'secret', 'admin');
  return fetch(`${KEYSTONE_URL}${urlPath}`, { method, headers: { 'X-Auth-Token': token } });
}

async function idOf(collection: string, name: string): Promise<string> {
  const body = (await (await keystoneAdmin('GET', `/${collection}?name=${name}`)).json()) as Record<string, { id: string }[]>;
  return body[collection]![0]!.id;
}

beforeAll(async () => {
  // keystone-up.sh makes admin a member of project admin only; give it demo too, as the embedded cloud does.
  const [admin, demo, member] = await Promise.all([idOf('users', 'admin'), idOf('projects', 'demo'), idOf('roles', 'member')]);
  const granted = await keystoneAdmin('PUT', `/projects/${demo}/users/${admin}/roles/${member}`);
  expect(granted.status).toBe(204);
});

describe('the BFF against a real Keystone', () => {
  it('logs demo in to project demo with the catalog Keystone gives', async () => {
    const client = new BffClient(dashboard);
    expect((await client.login('demo')).status).toBe(200);
    const session = await client.json('GET', '/api/session');
    expect(session.user.name).toBe('demo');
    expect(session.project.name).toBe('demo');
    expect(session.regions).toEqual(['RegionOne']);
    expect(session.embeddedCloud).toBe(false);
    const overview = await client.json('GET', '/api/overview');
    const identity = overview.services.find((s: { type: string }) => s.type === 'identity');
    expect(identity.error).toBeNull();
    expect(identity.version.id).toMatch(/^v3\./);
  });

  it('refuses a wrong password with the generic message', async () => {
    const response = await new BffClient(dashboard).login('demo', 'wrong');
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('invalid_credentials');
  });

  it('switches admin between projects with the unscoped token', async () => {
    const client = new BffClient(dashboard);
    await client.login('admin');
    const before = await client.json('GET', '/api/session');
    expect(before.projects.map((p: { name: string }) => p.name)).toEqual(['admin', 'demo']);
    const demo = before.projects.find((p: { name: string }) => p.name === 'demo').id;
    await client.json('POST', '/api/session/project', { projectId: demo });
    expect((await client.json('GET', '/api/session')).project.name).toBe('demo');
  });

  it('hands out an openrc that the real openstack CLI can use', async () => {
    const client = new BffClient(dashboard);
    await client.login('demo');
    const response = await client.request('GET', '/api/api-access/openrc');
    expect(response.headers.get('content-disposition')).toContain('demo-openrc.sh');
    const openrc = await response.text();
    expect(openrc).toContain(`export OS_AUTH_URL='${KEYSTONE_URL}/'`);
    const dir = mkdtempSync(path.join(tmpdir(), 'ks-openrc-'));
    writeFileSync(path.join(dir, 'demo-openrc.sh'), openrc);
    const out = execFileSync('bash', ['-c', 'source ./demo-openrc.sh 2>/dev/null && openstack token issue -f json'], {
      cwd: dir,
      input: 'secret\n',
      env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir },
    }).toString();
    const token = JSON.parse(out) as { project_id: string; user_id: string };
    expect(token.project_id).toBe(await idOf('projects', 'demo'));
  });

  it('logs out by revoking both tokens at Keystone', async () => {
    const client = new BffClient(dashboard);
    await client.login('demo');
    const cookie = client.sessionCookie()!;
    expect((await client.json('POST', '/api/auth/logout')).revoked).toBe(true);
    expect(client.hasSession()).toBe(false);
    client.setSessionCookie(cookie);
    const replay = await client.request('GET', '/api/overview');
    expect(replay.status).toBe(401);
    expect((await replay.json()).error.code).toBe('session_revoked');
  });
});
