// What a cloud administrator does with identity through the CLI, and what a member is
// refused.

import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { ADMIN, DEMO, openrcEnv, runOpenstack } from './cli';

const cloudUrl = inject('cloudUrl');
const asAdmin = openrcEnv(cloudUrl, ADMIN);
const asDemo = openrcEnv(cloudUrl, DEMO);

type Row = Record<string, unknown>;

async function adminGet(path: string): Promise<Response> {
  const login = await fetch(`${cloudUrl}/identity/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'admin', domain: { id: 'default' }, password: ADMIN.password } },
        },
        scope: { project: { name: 'admin', domain: { id: 'default' } } },
      },
    }),
  });
  const token = login.headers.get('x-subject-token') ?? '';
  return fetch(`${cloudUrl}/identity/v3${path}`, { headers: { 'x-auth-token': token } });
}

describe('openstack CLI as administrator', () => {
  it('project list: the admin sees every project', async () => {
    const result = await runOpenstack(['project', 'list', '-f', 'json'], asAdmin);
    expect(result.code, result.stderr).toBe(0);
    const names = (result.json as Row[]).map((row) => row.Name);
    expect(names).toEqual(expect.arrayContaining(['admin', 'demo', 'service']));
  });

  it('user list: the seeded users', async () => {
    const result = await runOpenstack(['user', 'list', '-f', 'json'], asAdmin);
    expect(result.code, result.stderr).toBe(0);
    expect((result.json as Row[]).map((row) => row.Name)).toEqual(expect.arrayContaining(['admin', 'demo']));
  });

  it('role assignment list --names: who holds which role where', async () => {
    const result = await runOpenstack(['role', 'assignment', 'list', '--names', '-f', 'json'], asAdmin);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Role: 'admin', User: 'admin@Default', Project: 'admin@Default' }),
        expect.objectContaining({ Role: 'member', User: 'admin@Default', Project: 'demo@Default' }),
        expect.objectContaining({ Role: 'member', User: 'demo@Default', Project: 'demo@Default' }),
      ]),
    );
  });

  it('endpoint list: three interfaces of every service, with service names', async () => {
    const result = await runOpenstack(['endpoint', 'list', '-f', 'json'], asAdmin);
    expect(result.code, result.stderr).toBe(0);
    const rows = result.json as Row[];
    expect(rows).toHaveLength(33);
    const compute = rows.filter((row) => row['Service Type'] === 'compute');
    expect(compute.map((row) => row.Interface).sort()).toEqual(['admin', 'internal', 'public']);
    for (const row of compute) {
      expect(row).toMatchObject({ 'Service Name': 'nova', Region: 'RegionOne', URL: `${cloudUrl}/compute/v2.1` });
    }
  });

  it('region list: RegionOne', async () => {
    const result = await runOpenstack(['region', 'list', '-f', 'json'], asAdmin);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toEqual([{ Region: 'RegionOne', 'Parent Region': null, Description: '' }]);
  });

  it('project create and delete', async () => {
    const name = `conformance-${randomUUID().slice(0, 8)}`;
    const created = await runOpenstack(
      ['project', 'create', '--description', 'made by the conformance suite', name, '-f', 'json'],
      asAdmin,
    );
    expect(created.code, created.stderr).toBe(0);
    const project = created.json as Row;
    expect(project).toMatchObject({ name, domain_id: 'default', enabled: true, description: 'made by the conformance suite' });
    expect((await adminGet(`/projects/${String(project.id)}`)).status).toBe(200);

    const deleted = await runOpenstack(['project', 'delete', name], asAdmin);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect((await adminGet(`/projects/${String(project.id)}`)).status).toBe(404);
  });

  it('a member is forbidden to create a project (403)', async () => {
    const result = await runOpenstack(['project', 'create', 'not-allowed', '-f', 'json'], asDemo);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('403');
    expect(result.stderr).toContain('identity:create_project');
    const lookup = await adminGet('/projects?name=not-allowed');
    expect(((await lookup.json()) as { projects: unknown[] }).projects).toEqual([]);
  });
});
