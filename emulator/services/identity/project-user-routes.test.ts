// Admin management of projects and users through /v3, as `openstack project|user ...` and
// the dashboard use it, and what a member may and may not do.

import { describe, expect, it } from 'vitest';
import { PROJECT_IDS, ROLE_IDS, USER_IDS } from '../../seeds/ids';
import { call, login, PUBLIC_URL, useTestCloud } from '../../testing/test-cloud';

const cloud = useTestCloud({ resetBeforeEach: 'demo', login: true });

const V3 = '/identity/v3';

describe('projects', () => {
  it('lists every project for an cloud.admin, in Keystone’s list shape', async () => {
    const response = await call(cloud.app, cloud.admin, 'GET', `${V3}/projects`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.projects.map((p: { name: string }) => p.name)).toEqual(['admin', 'demo', 'service']);
    expect(body.links).toEqual({ self: `${PUBLIC_URL}/identity/v3/projects`, previous: null, next: null });
    expect(body.projects[1]).toEqual({
      id: PROJECT_IDS.demo,
      name: 'demo',
      domain_id: 'default',
      description: expect.any(String),
      enabled: true,
      parent_id: 'default',
      is_domain: false,
      tags: [],
      options: {},
      links: { self: `${PUBLIC_URL}/identity/v3/projects/${PROJECT_IDS.demo}` },
    });
  });

  it('filters by name, domain_id and enabled', async () => {
    const byName = await call(cloud.app, cloud.admin, 'GET', `${V3}/projects?name=demo`);
    expect(byName.json().projects.map((p: { id: string }) => p.id)).toEqual([PROJECT_IDS.demo]);
    const byDomain = await call(cloud.app, cloud.admin, 'GET', `${V3}/projects?domain_id=nowhere`);
    expect(byDomain.json().projects).toEqual([]);
    await call(cloud.app, cloud.admin, 'PATCH', `${V3}/projects/${PROJECT_IDS.service}`, { project: { enabled: false } });
    const disabled = await call(cloud.app, cloud.admin, 'GET', `${V3}/projects?enabled=False`);
    expect(disabled.json().projects.map((p: { name: string }) => p.name)).toEqual(['service']);
  });

  it('creates, reads, updates and deletes a project', async () => {
    const created = await call(cloud.app, cloud.admin, 'POST', `${V3}/projects`, {
      project: { name: 'ops', description: 'operations', enabled: true, tags: ['team'] },
    });
    expect(created.statusCode).toBe(201);
    const project = created.json().project;
    expect(project).toMatchObject({ name: 'ops', domain_id: 'default', description: 'operations', tags: ['team'] });
    expect(project.id).toMatch(/^[0-9a-f]{32}$/);

    const read = await call(cloud.app, cloud.admin, 'GET', `${V3}/projects/${project.id}`);
    expect(read.json().project).toEqual(project);

    const patched = await call(cloud.app, cloud.admin, 'PATCH', `${V3}/projects/${project.id}`, {
      project: { name: 'operations', enabled: false },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().project).toMatchObject({ name: 'operations', enabled: false, description: 'operations' });

    expect((await call(cloud.app, cloud.admin, 'DELETE', `${V3}/projects/${project.id}`)).statusCode).toBe(204);
    const gone = await call(cloud.app, cloud.admin, 'GET', `${V3}/projects/${project.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toEqual({
      error: { code: 404, title: 'Not Found', message: `Could not find project: ${project.id}.` },
    });
  });

  it('refuses a duplicate name in the same domain with 409', async () => {
    const response = await call(cloud.app, cloud.admin, 'POST', `${V3}/projects`, { project: { name: 'demo' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 409, title: 'Conflict' });
  });

  it('refuses a bad body with 400 naming the field', async () => {
    const response = await call(cloud.app, cloud.admin, 'POST', `${V3}/projects`, { project: { enabled: 'yes' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/project\/name/);
    const notJson = await cloud.app.inject({
      method: 'POST',
      url: `${V3}/projects`,
      payload: '{"project":',
      headers: { 'x-auth-token': cloud.admin, 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
  });

  it('forbids a cloud.demo to manage projects, with the policy in the message', async () => {
    const list = await call(cloud.app, cloud.demo, 'GET', `${V3}/projects`);
    expect(list.statusCode).toBe(403);
    expect(list.json()).toEqual({
      error: {
        code: 403,
        title: 'Forbidden',
        message: 'You are not authorized to perform the requested action: identity:list_projects.',
      },
    });
    const create = await call(cloud.app, cloud.demo, 'POST', `${V3}/projects`, { project: { name: 'x' } });
    expect(create.json().error.message).toContain('identity:create_project');
    const remove = await call(cloud.app, cloud.demo, 'DELETE', `${V3}/projects/${PROJECT_IDS.demo}`);
    expect(remove.statusCode).toBe(403);
  });

  it('lets a cloud.demo read a project they hold a role on, and no other', async () => {
    expect((await call(cloud.app, cloud.demo, 'GET', `${V3}/projects/${PROJECT_IDS.demo}`)).statusCode).toBe(200);
    expect((await call(cloud.app, cloud.demo, 'GET', `${V3}/projects/${PROJECT_IDS.admin}`)).statusCode).toBe(403);
  });

  it('revokes tokens scoped to a deleted project', async () => {
    const created = await call(cloud.app, cloud.admin, 'POST', `${V3}/projects`, { project: { name: 'temp' } });
    const { id } = created.json().project;
    await call(cloud.app, cloud.admin, 'PUT', `${V3}/projects/${id}/users/${USER_IDS.admin}/roles/${ROLE_IDS.admin}`);
    const scoped = await login(cloud.app, { user: 'admin', project: 'temp' });
    await call(cloud.app, cloud.admin, 'DELETE', `${V3}/projects/${id}`);
    expect((await call(cloud.app, scoped, 'GET', `${V3}/auth/projects`)).statusCode).toBe(401);
  });
});

describe('users', () => {
  it('lists users without ever showing a password', async () => {
    const response = await call(cloud.app, cloud.admin, 'GET', `${V3}/users`);
    expect(response.statusCode).toBe(200);
    expect(response.json().users.map((u: { name: string }) => u.name)).toEqual(['admin', 'demo']);
    expect(response.body).not.toMatch(/password"|scrypt/);
    expect(response.json().users[0]).toMatchObject({
      id: USER_IDS.admin,
      domain_id: 'default',
      enabled: true,
      password_expires_at: null,
      links: { self: `${PUBLIC_URL}/identity/v3/users/${USER_IDS.admin}` },
    });
  });

  it('creates a user who can then log in, updates and deletes them', async () => {
    const created = await call(cloud.app, cloud.admin, 'POST', `${V3}/users`, {
      user: { name: 'alice', password: 's3cret', email: 'alice@example.org', domain_id: 'default' },
    });
    expect(created.statusCode).toBe(201);
    const user = created.json().user;
    expect(user).toMatchObject({ name: 'alice', email: 'alice@example.org', enabled: true });
    expect(JSON.stringify(user)).not.toContain('s3cret');
    await login(cloud.app, { user: 'alice', password: 's3cret' });

    const renamed = await call(cloud.app, cloud.admin, 'PATCH', `${V3}/users/${user.id}`, { user: { name: 'alicia' } });
    expect(renamed.json().user.name).toBe('alicia');
    expect((await call(cloud.app, cloud.admin, 'DELETE', `${V3}/users/${user.id}`)).statusCode).toBe(204);
    expect((await call(cloud.app, cloud.admin, 'GET', `${V3}/users/${user.id}`)).statusCode).toBe(404);
  });

  it('refuses a duplicate user name in a domain with 409', async () => {
    const response = await call(cloud.app, cloud.admin, 'POST', `${V3}/users`, { user: { name: 'demo' } });
    expect(response.statusCode).toBe(409);
  });

  it('revokes a user’s tokens when the user is deleted or their password changes', async () => {
    const demoUnscoped = await login(cloud.app, { user: 'demo' });
    await call(cloud.app, cloud.admin, 'PATCH', `${V3}/users/${USER_IDS.demo}`, { user: { password: 'new' } });
    expect((await call(cloud.app, demoUnscoped, 'GET', `${V3}/auth/projects`)).statusCode).toBe(401);

    const again = await login(cloud.app, { user: 'demo', password: 'new' });
    expect((await call(cloud.app, cloud.admin, 'DELETE', `${V3}/users/${USER_IDS.demo}`)).statusCode).toBe(204);
    expect((await call(cloud.app, again, 'GET', `${V3}/auth/projects`)).statusCode).toBe(401);
  });

  it('lets users read themselves and list their own projects, not others’', async () => {
    expect((await call(cloud.app, cloud.demo, 'GET', `${V3}/users/${USER_IDS.demo}`)).statusCode).toBe(200);
    expect((await call(cloud.app, cloud.demo, 'GET', `${V3}/users/${USER_IDS.admin}`)).statusCode).toBe(403);
    expect((await call(cloud.app, cloud.demo, 'GET', `${V3}/users`)).statusCode).toBe(403);
    expect((await call(cloud.app, cloud.demo, 'PATCH', `${V3}/users/${USER_IDS.demo}`, { user: {} })).statusCode).toBe(403);

    const own = await call(cloud.app, cloud.demo, 'GET', `${V3}/users/${USER_IDS.demo}/projects`);
    expect(own.json().projects.map((p: { name: string }) => p.name)).toEqual(['demo']);
    expect((await call(cloud.app, cloud.demo, 'GET', `${V3}/users/${USER_IDS.admin}/projects`)).statusCode).toBe(403);
    const byAdmin = await call(cloud.app, cloud.admin, 'GET', `${V3}/users/${USER_IDS.admin}/projects`);
    expect(byAdmin.json().projects.map((p: { name: string }) => p.name)).toEqual(['admin', 'demo']);
  });
});
