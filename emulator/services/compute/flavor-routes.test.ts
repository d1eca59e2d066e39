// Nova flavors, extra specs and flavor access as clients and the dashboard use them.

import { describe, expect, it } from 'vitest';
import { PROJECT_IDS } from '../../seeds/ids';
import { computeCall, PUBLIC_URL, useTestCloud } from '../../testing/test-cloud';

const cloud = useTestCloud({ build: { seed: 'demo' }, login: true });

const get = (token: string, url: string, version = '2.1') => computeCall(cloud.app, token, 'GET', url, undefined, version);
const send = (token: string, method: 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, version = '2.1') =>
  computeCall(cloud.app, token, method, url, body, version);

const createFlavor = async (body: Record<string, unknown>, version = '2.1') => {
  const response = await send(cloud.admin, 'POST', '/flavors', { flavor: body }, version);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().flavor;
};

describe('listing and showing', () => {
  it('lists the cloud.demo flavors by id with links', async () => {
    const response = await get(cloud.demo, '/flavors');
    expect(response.statusCode).toBe(200);
    const { flavors } = response.json();
    expect(flavors.map((f: { name: string }) => f.name)).toEqual(['m1.tiny', 'm1.small', 'm1.medium', 'm1.large', 'm1.nano', 'm1.xlarge', 'm2.tiny']);
    expect(flavors[0]).toEqual({
      id: '1',
      name: 'm1.tiny',
      links: [
        { rel: 'self', href: `${PUBLIC_URL}/compute/v2.1/flavors/1` },
        { rel: 'bookmark', href: `${PUBLIC_URL}/compute/flavors/1` },
      ],
    });
  });

  it('renders detail per microversion: swap "", description at 2.55, extra_specs at 2.61, swap 0 at 2.75', async () => {
    const old = (await get(cloud.demo, '/flavors/6')).json().flavor;
    expect(old).toMatchObject({ name: 'm2.tiny', vcpus: 1, ram: 1024, disk: 10, swap: '', 'OS-FLV-EXT-DATA:ephemeral': 0, 'OS-FLV-DISABLED:disabled': false, 'os-flavor-access:is_public': true, rxtx_factor: 1 });
    expect(old).not.toHaveProperty('description');
    expect(old).not.toHaveProperty('extra_specs');
    const v255 = (await get(cloud.demo, '/flavors/6', '2.55')).json().flavor;
    expect(v255.description).toBeNull();
    expect(v255).not.toHaveProperty('extra_specs');
    const v261 = (await get(cloud.demo, '/flavors/6', '2.61')).json().flavor;
    expect(v261.extra_specs).toEqual({ 'quota:disk_read_iops_sec': '1000' });
    expect(v261.swap).toBe('');
    expect((await get(cloud.demo, '/flavors/6', '2.75')).json().flavor.swap).toBe(0);
    const summary = (await get(cloud.demo, '/flavors', '2.55')).json().flavors[0];
    expect(summary).toHaveProperty('description', null);
  });

  it('filters by minDisk and minRam, and pages with a next link', async () => {
    const big = (await get(cloud.demo, '/flavors/detail?minDisk=40&minRam=4096')).json().flavors;
    expect(big.map((f: { name: string }) => f.name)).toEqual(['m1.medium', 'm1.large', 'm1.xlarge']);
    const page = (await get(cloud.demo, '/flavors?limit=2')).json();
    expect(page.flavors.map((f: { id: string }) => f.id)).toEqual(['1', '2']);
    expect(page.flavors_links[0].rel).toBe('next');
    expect(page.flavors_links[0].href).toBe(`${PUBLIC_URL}/compute/v2.1/flavors?limit=2&marker=2`);
    const next = (await get(cloud.demo, '/flavors?limit=2&marker=2')).json();
    expect(next.flavors.map((f: { id: string }) => f.id)).toEqual(['3', '4']);
    const sorted = (await get(cloud.demo, '/flavors/detail?sort_key=memory_mb&sort_dir=desc&limit=1')).json();
    expect(sorted.flavors[0].name).toBe('m1.xlarge');
  });

  it('refuses bad filters, markers and unknown ids', async () => {
    expect((await get(cloud.demo, '/flavors?minDisk=big')).statusCode).toBe(400);
    expect((await get(cloud.demo, '/flavors?limit=-1')).statusCode).toBe(400);
    expect((await get(cloud.demo, '/flavors?sort_key=colour')).statusCode).toBe(400);
    expect((await get(cloud.demo, '/flavors?sort_dir=sideways')).statusCode).toBe(400);
    const marker = await get(cloud.demo, '/flavors?marker=nope');
    expect(marker.json()).toEqual({ badRequest: { code: 400, message: 'marker [nope] not found' } });
    expect((await get(cloud.admin, '/flavors?is_public=perhaps')).statusCode).toBe(400);
    const missing = await get(cloud.demo, '/flavors/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ itemNotFound: { code: 404, message: 'Flavor nope could not be found.' } });
  });
});

describe('managing flavors', () => {
  it('creates with an auto id, shows it and deletes it (admins)', async () => {
    const flavor = await createFlavor({ name: 'test.auto', ram: 256, vcpus: 1, disk: 2 });
    expect(flavor.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(flavor).toMatchObject({ name: 'test.auto', ram: 256, vcpus: 1, disk: 2, 'os-flavor-access:is_public': true });
    expect((await get(cloud.demo, `/flavors/${flavor.id}`)).statusCode).toBe(200);
    expect((await send(cloud.admin, 'DELETE', `/flavors/${flavor.id}`)).statusCode).toBe(202);
    expect((await get(cloud.demo, `/flavors/${flavor.id}`)).statusCode).toBe(404);
    expect((await send(cloud.admin, 'DELETE', `/flavors/${flavor.id}`)).statusCode).toBe(404);
  });

  it('accepts a given id, digit strings and a description at 2.55', async () => {
    const flavor = await createFlavor({ name: 'test.given', id: 'custom-1', ram: '1024', vcpus: '2', disk: 0, swap: 512, description: 'for tests' }, '2.55');
    expect(flavor).toMatchObject({ id: 'custom-1', ram: 1024, vcpus: 2, swap: 512, description: 'for tests' });
    const updated = await send(cloud.admin, 'PUT', '/flavors/custom-1', { flavor: { description: 'changed' } }, '2.55');
    expect(updated.json().flavor.description).toBe('changed');
    const tooEarly = await send(cloud.admin, 'POST', '/flavors', { flavor: { name: 'test.desc', ram: 1, vcpus: 1, disk: 0, description: 'x' } });
    expect(tooEarly.statusCode).toBe(400);
  });

  it('refuses duplicates with 409', async () => {
    const byName = await send(cloud.admin, 'POST', '/flavors', { flavor: { name: 'm1.tiny', ram: 1, vcpus: 1, disk: 0 } });
    expect(byName.statusCode).toBe(409);
    expect(byName.json().conflictingRequest.message).toBe('Flavor with name m1.tiny already exists.');
    const byId = await send(cloud.admin, 'POST', '/flavors', { flavor: { name: 'other', id: '1', ram: 1, vcpus: 1, disk: 0 } });
    expect(byId.json().conflictingRequest.message).toBe('Flavor with ID 1 already exists.');
  });

  it('refuses invalid values with Nova’s 400', async () => {
    const base = { name: 'bad', ram: 512, vcpus: 1, disk: 1 };
    const cases: Record<string, unknown>[] = [
      { ...base, name: '' },
      { ...base, name: 'x'.repeat(256) },
      { ...base, name: ' padded ' },
      { ...base, vcpus: 0 },
      { ...base, ram: 0 },
      { ...base, disk: -1 },
      { ...base, ram: 'lots' },
      { ...base, vcpus: 1.5 },
      { ...base, id: 'bad id!' },
      { ...base, 'os-flavor-access:is_public': 'yes' },
      { ...base, colour: 'blue' },
      { name: 'bad', ram: 512, vcpus: 1 },
    ];
    for (const flavor of cases) {
      const response = await send(cloud.admin, 'POST', '/flavors', { flavor });
      expect(response.statusCode, JSON.stringify(flavor)).toBe(400);
      expect(response.json().badRequest.message).toMatch(/^Invalid input for field\/attribute/);
    }
    expect((await send(cloud.admin, 'POST', '/flavors', { nothing: {} })).statusCode).toBe(400);
  });

  it('lets only admins create, update and delete', async () => {
    const create = await send(cloud.demo, 'POST', '/flavors', { flavor: { name: 'mine', ram: 1, vcpus: 1, disk: 0 } });
    expect(create.statusCode).toBe(403);
    expect(create.json().forbidden.message).toBe("Policy doesn't allow os_compute_api:os-flavor-manage:create to be performed.");
    expect((await send(cloud.demo, 'DELETE', '/flavors/1')).statusCode).toBe(403);
    expect((await send(cloud.demo, 'PUT', '/flavors/1', { flavor: { description: 'x' } }, '2.55')).statusCode).toBe(403);
  });
});

describe('extra specs and access', () => {
  it('sets, reads, updates and deletes extra specs', async () => {
    const flavor = await createFlavor({ name: 'test.specs', ram: 64, vcpus: 1, disk: 1 });
    const url = `/flavors/${flavor.id}/os-extra_specs`;
    const set = await send(cloud.admin, 'POST', url, { extra_specs: { 'hw:cpu_policy': 'dedicated', 'hw:numa_nodes': 1 } });
    expect(set.json()).toEqual({ extra_specs: { 'hw:cpu_policy': 'dedicated', 'hw:numa_nodes': '1' } });
    expect((await get(cloud.demo, url)).json().extra_specs).toEqual({ 'hw:cpu_policy': 'dedicated', 'hw:numa_nodes': '1' });
    expect((await get(cloud.demo, `${url}/hw:cpu_policy`)).json()).toEqual({ 'hw:cpu_policy': 'dedicated' });
    const put = await send(cloud.admin, 'PUT', `${url}/hw:cpu_policy`, { 'hw:cpu_policy': 'shared' });
    expect(put.json()).toEqual({ 'hw:cpu_policy': 'shared' });
    expect((await send(cloud.admin, 'PUT', `${url}/hw:cpu_policy`, { other: 'x' })).statusCode).toBe(400);
    expect((await send(cloud.admin, 'PUT', `${url}/hw:cpu_policy`, { 'hw:cpu_policy': 'x', b: 'y' })).statusCode).toBe(400);
    expect((await send(cloud.admin, 'DELETE', `${url}/hw:cpu_policy`)).statusCode).toBe(202);
    expect((await get(cloud.demo, `${url}/hw:cpu_policy`)).statusCode).toBe(404);
    expect((await send(cloud.admin, 'POST', url, { extra_specs: { 'bad key!': 'x' } })).statusCode).toBe(400);
    expect((await send(cloud.admin, 'POST', url, { extra_specs: { key: { nested: true } } })).statusCode).toBe(400);
    expect((await send(cloud.admin, 'POST', url, { extra_specs: 'x' })).statusCode).toBe(400);
    expect((await send(cloud.demo, 'POST', url, { extra_specs: { a: 'b' } })).statusCode).toBe(403);
    expect((await send(cloud.admin, 'POST', '/flavors/nope/os-extra_specs', { extra_specs: { a: 'b' } })).statusCode).toBe(404);
  });

  it('keeps private flavors to the projects given access', async () => {
    const flavor = await createFlavor({ name: 'test.private', ram: 64, vcpus: 1, disk: 1, 'os-flavor-access:is_public': false });
    const names = async (token: string, query = '') =>
      (await get(token, `/flavors${query}`)).json().flavors.map((f: { name: string }) => f.name);
    expect(await names(cloud.demo)).not.toContain('test.private');
    expect(await names(cloud.admin)).toContain('test.private');
    expect(await names(cloud.admin, '?is_public=false')).toEqual(['test.private']);

    const action = `/flavors/${flavor.id}/action`;
    const added = await send(cloud.admin, 'POST', action, { addTenantAccess: { tenant: PROJECT_IDS.demo } });
    expect(added.json().flavor_access).toContainEqual({ flavor_id: flavor.id, tenant_id: PROJECT_IDS.demo });
    expect(await names(cloud.demo)).toContain('test.private');
    expect((await send(cloud.admin, 'POST', action, { addTenantAccess: { tenant: PROJECT_IDS.demo } })).statusCode).toBe(409);
    const list = (await get(cloud.admin, `/flavors/${flavor.id}/os-flavor-access`)).json();
    expect(list.flavor_access.map((a: { tenant_id: string }) => a.tenant_id)).toContain(PROJECT_IDS.demo);
    expect((await send(cloud.admin, 'POST', action, { removeTenantAccess: { tenant: PROJECT_IDS.demo } })).statusCode).toBe(200);
    expect(await names(cloud.demo)).not.toContain('test.private');
    expect((await send(cloud.admin, 'POST', action, { removeTenantAccess: { tenant: PROJECT_IDS.demo } })).statusCode).toBe(404);
    expect((await send(cloud.demo, 'POST', action, { addTenantAccess: { tenant: PROJECT_IDS.demo } })).statusCode).toBe(403);
    expect((await send(cloud.admin, 'POST', action, { addTenantAccess: {} })).statusCode).toBe(400);
    const unknown = await send(cloud.admin, 'POST', action, { addTenantAccess: { tenant: 'no-such-project' } });
    expect(unknown.json()).toEqual({ badRequest: { code: 400, message: 'Project ID no-such-project is not a valid project.' } });
    expect((await send(cloud.admin, 'POST', action, { resize: {} })).statusCode).toBe(400);
  });

  it('has no access list for public flavors', async () => {
    expect((await get(cloud.admin, '/flavors/1/os-flavor-access')).statusCode).toBe(404);
    const add = await send(cloud.admin, 'POST', '/flavors/1/action', { addTenantAccess: { tenant: PROJECT_IDS.demo } });
    expect(add.statusCode).toBe(409);
  });
});
