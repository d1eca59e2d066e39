// Roles, domains, role grants and the catalog resources, and how grants change what a user
// can scope to.

import { describe, expect, it } from 'vitest';
import { PROJECT_IDS, ROLE_IDS, USER_IDS } from '../../seeds/ids';
import { call, issue, login, passwordAuth, PUBLIC_URL, useTestCloud } from '../../testing/test-cloud';

const cloud = useTestCloud({ resetBeforeEach: 'demo', login: true });

const V3 = '/identity/v3';
const grantPath = (project: string, user: string, role: string) =>
  `${V3}/projects/${project}/users/${user}/roles/${role}`;

describe('role grants', () => {
  it('grants, checks, lists and revokes a role on a project', async () => {
    const path = grantPath(PROJECT_IDS.service, USER_IDS.demo, ROLE_IDS.reader);
    expect((await call(cloud.app, cloud.admin, 'HEAD', path)).statusCode).toBe(404);
    expect((await call(cloud.app, cloud.admin, 'PUT', path)).statusCode).toBe(204);
    expect((await call(cloud.app, cloud.admin, 'HEAD', path)).statusCode).toBe(204);

    const roles = await call(cloud.app, cloud.admin, 'GET', `${V3}/projects/${PROJECT_IDS.service}/users/${USER_IDS.demo}/roles`);
    expect(roles.json().roles.map((r: { name: string }) => r.name)).toEqual(['reader']);

    expect((await call(cloud.app, cloud.admin, 'DELETE', path)).statusCode).toBe(204);
    expect((await call(cloud.app, cloud.admin, 'DELETE', path)).statusCode).toBe(404);
  });

  it('answers 404 naming what does not exist', async () => {
    const response = await call(cloud.app, cloud.admin, 'PUT', grantPath(PROJECT_IDS.demo, USER_IDS.demo, 'nope'));
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe('Could not find role: nope.');
  });

  it('changes what /v3/auth/projects offers and what the user can scope to', async () => {
    const projectsOf = async (token: string) =>
      (await call(cloud.app, token, 'GET', `${V3}/auth/projects`)).json().projects.map((p: { name: string }) => p.name);
    const demoUnscoped = await login(cloud.app, { user: 'demo' });
    expect(await projectsOf(demoUnscoped)).toEqual(['demo']);
    expect((await issue(cloud.app, passwordAuth({ user: 'demo', project: 'service' }))).statusCode).toBe(401);

    await call(cloud.app, cloud.admin, 'PUT', grantPath(PROJECT_IDS.service, USER_IDS.demo, ROLE_IDS.member));
    expect(await projectsOf(demoUnscoped)).toEqual(['demo', 'service']);
    expect((await issue(cloud.app, passwordAuth({ user: 'demo', project: 'service' }))).statusCode).toBe(201);

    // Disabled projects are not offered.
    await call(cloud.app, cloud.admin, 'PATCH', `${V3}/projects/${PROJECT_IDS.service}`, { project: { enabled: false } });
    expect(await projectsOf(demoUnscoped)).toEqual(['demo']);
  });

  it('forbids a cloud.demo to grant roles', async () => {
    const path = grantPath(PROJECT_IDS.demo, USER_IDS.demo, ROLE_IDS.admin);
    const response = await call(cloud.app, cloud.demo, 'PUT', path);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toContain('identity:create_grant');
  });

  it('grants roles on domains, which /v3/auth/domains then lists', async () => {
    const domains = async () =>
      (await call(cloud.app, cloud.demo, 'GET', `${V3}/auth/domains`)).json().domains.map((d: { id: string }) => d.id);
    expect(await domains()).toEqual([]);
    const path = `${V3}/domains/default/users/${USER_IDS.demo}/roles/${ROLE_IDS.reader}`;
    expect((await call(cloud.app, cloud.admin, 'PUT', path)).statusCode).toBe(204);
    expect(await domains()).toEqual(['default']);
    const listed = await call(cloud.app, cloud.admin, 'GET', `${V3}/domains/default/users/${USER_IDS.demo}/roles`);
    expect(listed.json().roles.map((r: { id: string }) => r.id)).toEqual([ROLE_IDS.reader]);
  });
});

describe('GET /v3/role_assignments', () => {
  it('lists assignments with ids and links', async () => {
    const response = await call(cloud.app, cloud.admin, 'GET', `${V3}/role_assignments?user.id=${USER_IDS.demo}`);
    expect(response.json().role_assignments).toEqual([
      {
        role: { id: ROLE_IDS.member },
        user: { id: USER_IDS.demo },
        scope: { project: { id: PROJECT_IDS.demo } },
        links: { assignment: `${PUBLIC_URL}${grantPath(PROJECT_IDS.demo, USER_IDS.demo, ROLE_IDS.member)}` },
      },
    ]);
  });

  it('adds names with include_names, and filters by project and role', async () => {
    const response = await call(
      cloud.app,
      cloud.admin,
      'GET',
      `${V3}/role_assignments?scope.project.id=${PROJECT_IDS.demo}&role.id=${ROLE_IDS.member}&include_names=True`,
    );
    const assignments = response.json().role_assignments;
    expect(assignments).toHaveLength(2);
    expect(assignments[0]).toMatchObject({
      role: { id: ROLE_IDS.member, name: 'member' },
      user: { name: 'admin', domain: { id: 'default', name: 'Default' } },
      scope: { project: { id: PROJECT_IDS.demo, name: 'demo', domain: { id: 'default', name: 'Default' } } },
    });
  });

  it('is cloud.admin only', async () => {
    expect((await call(cloud.app, cloud.demo, 'GET', `${V3}/role_assignments`)).statusCode).toBe(403);
  });
});

describe('roles and domains', () => {
  it('lists the seeded roles and creates and deletes one', async () => {
    const roles = await call(cloud.app, cloud.admin, 'GET', `${V3}/roles`);
    expect(roles.json().roles.map((r: { name: string }) => r.name)).toEqual(['admin', 'member', 'reader']);
    const created = await call(cloud.app, cloud.admin, 'POST', `${V3}/roles`, { role: { name: 'auditor' } });
    expect(created.statusCode).toBe(201);
    const { id } = created.json().role;
    expect((await call(cloud.app, cloud.admin, 'GET', `${V3}/roles/${id}`)).json().role.name).toBe('auditor');
    expect((await call(cloud.app, cloud.admin, 'POST', `${V3}/roles`, { role: { name: 'auditor' } })).statusCode).toBe(409);
    expect((await call(cloud.app, cloud.admin, 'DELETE', `${V3}/roles/${id}`)).statusCode).toBe(204);
    expect((await call(cloud.app, cloud.demo, 'GET', `${V3}/roles`)).statusCode).toBe(403);
  });

  it('deletes a domain only once it is disabled', async () => {
    const created = await call(cloud.app, cloud.admin, 'POST', `${V3}/domains`, { domain: { name: 'Lab' } });
    expect(created.statusCode).toBe(201);
    const { id } = created.json().domain;
    const refused = await call(cloud.app, cloud.admin, 'DELETE', `${V3}/domains/${id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/disable it first/);
    await call(cloud.app, cloud.admin, 'PATCH', `${V3}/domains/${id}`, { domain: { enabled: false } });
    expect((await call(cloud.app, cloud.admin, 'DELETE', `${V3}/domains/${id}`)).statusCode).toBe(204);
    expect((await call(cloud.app, cloud.admin, 'GET', `${V3}/domains/${id}`)).statusCode).toBe(404);
  });

  it('lets a cloud.demo read their own domain but not list domains', async () => {
    expect((await call(cloud.app, cloud.demo, 'GET', `${V3}/domains/default`)).json().domain.name).toBe('Default');
    expect((await call(cloud.app, cloud.demo, 'GET', `${V3}/domains`)).statusCode).toBe(403);
  });
});

describe('regions, services and endpoints', () => {
  it('lists regions for any user, services and endpoints for admins', async () => {
    const regions = await call(cloud.app, cloud.demo, 'GET', `${V3}/regions`);
    expect(regions.json().regions).toEqual([
      {
        id: 'RegionOne',
        description: '',
        parent_region_id: null,
        links: { self: `${PUBLIC_URL}/identity/v3/regions/RegionOne` },
      },
    ]);
    expect((await call(cloud.app, cloud.demo, 'GET', `${V3}/services`)).statusCode).toBe(403);
    expect((await call(cloud.app, cloud.demo, 'GET', `${V3}/endpoints`)).statusCode).toBe(403);

    const services = (await call(cloud.app, cloud.admin, 'GET', `${V3}/services`)).json().services;
    expect(services).toHaveLength(11);
    const endpoints = (await call(cloud.app, cloud.admin, 'GET', `${V3}/endpoints`)).json().endpoints;
    expect(endpoints).toHaveLength(33);
  });

  it('shows endpoint URLs as registered, with the project placeholder', async () => {
    const services = (await call(cloud.app, cloud.admin, 'GET', `${V3}/services?type=orchestration`)).json().services;
    const response = await call(cloud.app, cloud.admin, 'GET', `${V3}/endpoints?service_id=${services[0].id}&interface=public`);
    expect(response.json().endpoints).toEqual([
      expect.objectContaining({
        interface: 'public',
        region_id: 'RegionOne',
        service_id: services[0].id,
        url: `${PUBLIC_URL}/heat-api/v1/$(project_id)s`,
        enabled: true,
      }),
    ]);
  });
});
