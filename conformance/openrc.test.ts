// The credentials Zenith hands out, used by the real CLI: the openrc downloaded from the dashboard is
// sourced with the password typed at its prompt, then `openstack token issue` and `catalog list` run.

import type { ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { BffClient } from '../e2e/support/bff-client';
import { projectToken } from '../e2e/support/keystone-token';
import { spawnServer } from '../e2e/support/spawn-server';
import { PROJECT_IDS } from '../emulator/seeds/ids';
import { OPENSTACK_BIN } from './cli';

const cloudUrl = inject('cloudUrl');
const dashboardPort = Number(process.env.CONFORMANCE_DASHBOARD_PORT ?? 3195);
const dashboardUrl = `http://127.0.0.1:${dashboardPort}`;
const SEPARATOR = '--- zenith: next command ---';
const HOSTILE = 'a"b$(touch pwned)`id`\'x';

let dashboard: ChildProcess | undefined;

beforeAll(async () => {
  dashboard = await spawnServer(
    'node_modules/.bin/next',
    ['start', '--hostname', '127.0.0.1', '--port', String(dashboardPort)],
    { EMULATOR_PORT: new URL(cloudUrl).port, OS_AUTH_URL: '', ZENITH_DATA_DIR: mkdtempSync(join(tmpdir(), 'zenith-conf-')) },
    `${dashboardUrl}/login`,
  );
}, 120_000);

afterAll(() => {
  dashboard?.kill('SIGTERM');
});

/** Sources the openrc in a clean bash, typing the password at its prompt, then runs the CLI commands. */
async function sourceAndRun(openrc: string, password: string, commands: string[]): Promise<{ dir: string; outputs: unknown[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'zenith-openrc-'));
  writeFileSync(join(dir, 'openrc.sh'), openrc);
  const script = ['source ./openrc.sh', ...commands.map((c) => `${OPENSTACK_BIN} ${c} -f json; echo '${SEPARATOR}'`)].join('\n');
  const child = promisify(execFile)('bash', ['--noprofile', '--norc', '-c', script], {
    cwd: dir,
    env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, LANG: 'C.UTF-8' },
  });
  child.child.stdin?.end(`${password}\n`);
  const { stdout } = await child;
  return { dir, outputs: stdout.split(SEPARATOR).slice(0, commands.length).map((chunk) => JSON.parse(chunk)) };
}

async function adminCall(method: string, path: string, body?: unknown): Promise<any> {
  const token = await projectToken(`${cloudUrl}/identity/v3`, 'admin', 'secret', 'admin');
  const response = await fetch(`${cloudUrl}/identity/v3${path}`, {
    method,
    headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

describe('openrc and clouds.yaml from the dashboard', () => {
  it('demo-openrc.sh works with the real CLI: token issue and catalog list', async () => {
    const client = new BffClient(dashboardUrl);
    expect((await client.login('demo')).status).toBe(200);
    const response = await client.request('GET', '/api/api-access/openrc');
    expect(response.headers.get('content-disposition')).toContain('filename="demo-openrc.sh"');
    const { outputs } = await sourceAndRun(await response.text(), 'secret', ['token issue', 'catalog list']);
    expect(outputs[0]).toMatchObject({ project_id: PROJECT_IDS.demo });
    expect((outputs[1] as { Type: string }[]).map((row) => row.Type)).toEqual(expect.arrayContaining(['identity', 'compute', 'network']));
  });

  it('clouds.yaml works with openstack --os-cloud once the password is given', async () => {
    const client = new BffClient(dashboardUrl);
    await client.login('demo');
    const yaml = await (await client.request('GET', '/api/api-access/clouds-yaml')).text();
    const dir = mkdtempSync(join(tmpdir(), 'zenith-clouds-'));
    writeFileSync(join(dir, 'clouds.yaml'), yaml);
    const { stdout } = await promisify(execFile)(OPENSTACK_BIN, ['--os-cloud', 'demo', '--os-password', 'secret', 'token', 'issue', '-f', 'json'], {
      cwd: dir,
      env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, LANG: 'C.UTF-8' },
    });
    expect(JSON.parse(stdout)).toMatchObject({ project_id: PROJECT_IDS.demo });
  });

  it('a project named with quotes and $(…) neither breaks the file nor runs anything', async () => {
    const { project } = await adminCall('POST', '/projects', { project: { name: HOSTILE, domain_id: 'default' } });
    const { user } = await adminCall('POST', '/users', { user: { name: 'quoter', password: 'secret', domain_id: 'default' } });
    const { roles } = await adminCall('GET', '/roles?name=member');
    await adminCall('PUT', `/projects/${project.id}/users/${user.id}/roles/${roles[0].id}`);

    const client = new BffClient(dashboardUrl);
    expect((await client.login('quoter')).status).toBe(200);
    const response = await client.request('GET', '/api/api-access/openrc');
    expect(response.headers.get('content-disposition')).toContain('-openrc.sh');
    const { dir, outputs } = await sourceAndRun(await response.text(), 'secret', ['token issue']);
    expect(outputs[0]).toMatchObject({ project_id: project.id });
    const { stdout } = await promisify(execFile)('ls', [dir]);
    expect(stdout.split('\n').filter(Boolean)).toEqual(['openrc.sh']);
  });
});
