// The server API as clients see it: create, lifecycle on the simulation clock, views per
// microversion and role, validation with Nova's messages, list paging and filters.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serviceSeedId } from '../../seeds/hosts';
import { IMAGE_IDS } from '../../seeds/images';
import { PROJECT_IDS } from '../../seeds/ids';
import { startServerCloud, type ServerTestCloud } from './server-testing';

let cloud: ServerTestCloud;
beforeAll(async () => {
  cloud = await startServerCloud();
});
afterAll(async () => cloud.dispose());
beforeEach(async () => cloud.reset());

describe('POST /servers', () => {
  it('accepts a boot with 202, Location and only the create fields', async () => {
    const response = await cloud.nova(cloud.demo, 'POST', '/servers', {
      server: { name: 'web-1', flavorRef: '1', imageRef: IMAGE_IDS.cirros, networks: 'auto' },
    });
    expect(response.statusCode).toBe(202);
    const body = response.json().server;
    expect(Object.keys(body).sort()).toEqual(['OS-DCF:diskConfig', 'adminPass', 'id', 'links', 'security_groups']);
    expect(response.headers.location).toBe(`http://cloud.test:8788/compute/v2.1/servers/${body.id}`);
    expect(body.security_groups).toEqual([{ name: 'default' }]);
  });

  it('builds for a few simulated seconds, then is ACTIVE with an address on private', async () => {
    const id = await cloud.boot(cloud.demo);
    const building = (await cloud.nova(cloud.demo, 'GET', `/servers/${id}`)).json().server;
    expect(building).toMatchObject({ status: 'BUILD', 'OS-EXT-STS:task_state': 'spawning', 'OS-EXT-STS:power_state': 0, 'OS-SRV-USG:launched_at': null });
    await cloud.advance(5);
    const active = (await cloud.nova(cloud.demo, 'GET', `/servers/${id}`)).json().server;
    expect(active).toMatchObject({ status: 'ACTIVE', 'OS-EXT-STS:vm_state': 'active', 'OS-EXT-STS:task_state': null, 'OS-EXT-STS:power_state': 1 });
    // private: gateway 10.0.0.1 (router1), 10.0.0.2 the OVN metadata port, then the servers.
    expect(active.addresses.private[0]).toMatchObject({ addr: '10.0.0.3', version: 4, 'OS-EXT-IPS:type': 'fixed' });
    expect(active.addresses.private[0]['OS-EXT-IPS-MAC:mac_addr']).toMatch(/^fa:16:3e(:[0-9a-f]{2}){3}$/);
    expect(active['OS-SRV-USG:launched_at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(active.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('lists addresses under /ips, all or per network', async () => {
    const id = await cloud.boot(cloud.demo);
    expect((await cloud.nova(cloud.demo, 'GET', `/servers/${id}/ips`)).json()).toEqual({ addresses: { private: [{ version: 4, addr: '10.0.0.3' }] } });
    expect((await cloud.nova(cloud.demo, 'GET', `/servers/${id}/ips/private`)).json()).toEqual({ private: [{ version: 4, addr: '10.0.0.3' }] });
    expect((await cloud.nova(cloud.demo, 'GET', `/servers/${id}/ips/public`)).statusCode).toBe(404);
  });

  it('gives no address with networks none and the next free one on private with auto', async () => {
    const none = await cloud.boot(cloud.demo, { networks: 'none' });
    const second = await cloud.boot(cloud.demo);
    const third = await cloud.boot(cloud.demo);
    const show = async (id: string) => (await cloud.nova(cloud.demo, 'GET', `/servers/${id}`)).json().server;
    expect((await show(none)).addresses).toEqual({});
    expect((await show(second)).addresses.private[0].addr).toBe('10.0.0.3');
    expect((await show(third)).addresses.private[0].addr).toBe('10.0.0.4');
  });

  it('requires networks from 2.37 and not before', async () => {
    const body = { server: { name: 'x', flavorRef: '1', imageRef: IMAGE_IDS.cirros } };
    const at237 = await cloud.nova(cloud.demo, 'POST', '/servers', body, '2.37');
    expect(at237.statusCode).toBe(400);
    expect(at237.json().badRequest.message).toMatch(/'networks' is a required property/);
    expect((await cloud.nova(cloud.demo, 'POST', '/servers', body, '2.36')).statusCode).toBe(202);
    const auto = { server: { ...body.server, networks: 'auto' } };
    expect((await cloud.nova(cloud.demo, 'POST', '/servers', auto, '2.36')).json().badRequest.message).toContain("'auto' is not of type 'array'");
    const described = { server: { ...body.server, description: 'x' } };
    expect((await cloud.nova(cloud.demo, 'POST', '/servers', described, '2.18')).json().badRequest.message).toContain("('description' was unexpected)");
  });

  it.each([
    ['unknown flavor', { flavorRef: '999' }, 'Invalid flavorRef provided.'],
    ['unknown image', { imageRef: '00000000-0000-0000-0000-000000000000' }, 'Image 00000000-0000-0000-0000-000000000000 could not be found.'],
    ['image needs more RAM', { imageRef: IMAGE_IDS.rhel7 }, "Flavor's memory is too small for requested image."],
    ['image needs more disk', { imageRef: IMAGE_IDS.ubuntu2404, flavorRef: '42' }, "Flavor's disk is too small for requested image. Flavor disk is 1073741824 bytes, minimum size is 5368709120 bytes."],
    ['unknown key pair', { key_name: 'nope' }, 'Keypair nope not found for user'],
    ['unknown availability zone', { availability_zone: 'mars' }, 'The requested availability zone is not available'],
    ['empty name', { name: '' }, 'Invalid input for field/attribute name'],
    ['name over 255', { name: 'x'.repeat(256) }, 'Invalid input for field/attribute name'],
    ['user_data not base64', { user_data: 'not base64!' }, 'Invalid input for field/attribute user_data'],
    ['user_data over 65535', { user_data: 'QUFB'.repeat(16384) }, 'Invalid input for field/attribute user_data'],
    ['metadata key over 255', { metadata: { ['k'.repeat(256)]: 'v' } }, 'Invalid input for field/attribute'],
    ['min_count over max_count', { min_count: 3, max_count: 2 }, 'min_count must be <= max_count'],
  ])('refuses a bad request with 400 and creates nothing: %s', async (_label, change, message) => {
    const response = await cloud.nova(cloud.demo, 'POST', '/servers', {
      server: { name: 'bad', flavorRef: '1', imageRef: IMAGE_IDS.cirros, networks: 'auto', ...change },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().badRequest.message).toContain(message);
    expect((await cloud.nova(cloud.demo, 'GET', '/servers')).json().servers).toEqual([]);
  });

  it('refuses more than 128 metadata items with 403', async () => {
    const metadata = Object.fromEntries(Array.from({ length: 129 }, (_, i) => [`k${i}`, 'v']));
    const response = await cloud.nova(cloud.demo, 'POST', '/servers', {
      server: { name: 'm', flavorRef: '1', imageRef: IMAGE_IDS.cirros, networks: 'none', metadata },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().forbidden.message).toBe('Maximum number of metadata items exceeds 128');
  });

  it('boots min..max servers named name-1…name-N and returns a reservation id on request', async () => {
    const response = await cloud.nova(cloud.demo, 'POST', '/servers', {
      server: { name: 'batch', flavorRef: '42', imageRef: IMAGE_IDS.cirros, networks: 'none', min_count: 3, return_reservation_id: true, user_data: 'IyEvYmluL3NoCg==' },
    });
    expect(response.statusCode).toBe(202);
    const reservation = response.json().reservation_id as string;
    expect(reservation).toMatch(/^r-/);
    const servers = (await cloud.nova(cloud.admin, 'GET', `/servers/detail?all_tenants=1&reservation_id=${reservation}&sort_key=name&sort_dir=asc`)).json().servers;
    expect(servers.map((s: { name: string }) => s.name)).toEqual(['batch-1', 'batch-2', 'batch-3']);
    expect(servers.map((s: Record<string, unknown>) => s['OS-EXT-SRV-ATTR:launch_index'])).toEqual([0, 1, 2]);
    expect(servers[0]['OS-EXT-SRV-ATTR:user_data']).toBe('IyEvYmluL3NoCg==');
  });

  it('puts a server nothing can hold in ERROR with the no-valid-host fault', async () => {
    // 48 vCPUs x 16 > any demo host's 16 x 16? No: 300 GiB of RAM is more than 64 GiB x 1.5.
    await cloud.nova(cloud.admin, 'PUT', `/os-quota-sets/${PROJECT_IDS.demo}`, { quota_set: { ram: -1, cores: -1 } });
    const { openStore } = await import('../../store/open-store');
    const store = await openStore(cloud.dbPath);
    await store.flavors.create({ id: 'huge', name: 'huge', vcpus: 4, ram: 300 * 1024, disk: 10, ephemeral: 0, swap: 0, rxtxFactor: 1, isPublic: true, disabled: false, description: null, extraSpecs: {}, createdAt: '2026-11-01T09:00:00.000000Z' });
    await store.close();
    const id = await cloud.boot(cloud.demo, { flavorRef: 'huge' });
    const server = (await cloud.nova(cloud.demo, 'GET', `/servers/${id}`)).json().server;
    expect(server.status).toBe('ERROR');
    expect(server.fault).toEqual({ code: 500, message: 'No valid host was found. There are not enough hosts available.', created: expect.stringMatching(/Z$/) });
  });
});

describe('scheduling', () => {
  it('places nothing on disabled hosts, and shows MAINTENANCE as their host_status', async () => {
    // Services 1 and 2 are the controller's; 3…7 are nova-compute on c01…c05.
    for (const n of [3, 4, 5, 6]) {
      const response = await cloud.nova(cloud.admin, 'PUT', `/os-services/${serviceSeedId(n)}`, { status: 'disabled' });
      expect(response.statusCode, response.body).toBe(200);
    }
    const ids = [await cloud.boot(cloud.demo, { flavorRef: '42' }), await cloud.boot(cloud.demo, { flavorRef: '42' })];
    for (const id of ids) {
      const server = (await cloud.nova(cloud.admin, 'GET', `/servers/${id}`)).json().server;
      expect(server['OS-EXT-SRV-ATTR:host']).toBe('c05.example.com');
      expect(server.host_status).toBe('UP');
    }
    await cloud.nova(cloud.admin, 'PUT', `/os-services/${serviceSeedId(7)}`, { status: 'disabled' });
    const server = (await cloud.nova(cloud.admin, 'GET', `/servers/${ids[0]}`)).json().server;
    expect(server.host_status).toBe('MAINTENANCE');
    const nowhere = (await cloud.nova(cloud.demo, 'GET', `/servers/${await cloud.boot(cloud.demo, { flavorRef: '42' })}`)).json().server;
    expect(nowhere.status).toBe('ERROR');
  });
});

describe('server views per microversion and role', () => {
  it('embeds the flavor from 2.47 and links it before', async () => {
    const id = await cloud.boot(cloud.demo);
    const old = (await cloud.nova(cloud.demo, 'GET', `/servers/${id}`, undefined, '2.46')).json().server;
    expect(old.flavor).toEqual({ id: '1', links: [expect.objectContaining({ rel: 'bookmark' })] });
    const current = (await cloud.nova(cloud.demo, 'GET', `/servers/${id}`, undefined, '2.47')).json().server;
    expect(current.flavor).toEqual({ vcpus: 1, ram: 512, disk: 1, ephemeral: 0, swap: 0, original_name: 'm1.tiny', extra_specs: {} });
  });

  it('adds locked (2.9), description (2.19), tags (2.26), locked_reason (2.73) only from their versions', async () => {
    const id = await cloud.boot(cloud.demo, { description: 'hello' });
    const at21 = (await cloud.nova(cloud.demo, 'GET', `/servers/${id}`, undefined, '2.1')).json().server;
    for (const key of ['locked', 'description', 'tags', 'locked_reason']) expect(at21).not.toHaveProperty(key);
    const at279 = (await cloud.nova(cloud.demo, 'GET', `/servers/${id}`)).json().server;
    expect(at279).toMatchObject({ locked: false, description: 'hello', tags: [], locked_reason: null });
  });

  it('shows OS-EXT-SRV-ATTR:* and host_status to admins only', async () => {
    const id = await cloud.boot(cloud.demo);
    const asDemo = (await cloud.nova(cloud.demo, 'GET', `/servers/${id}`)).json().server;
    expect(Object.keys(asDemo).filter((k) => k.startsWith('OS-EXT-SRV-ATTR'))).toEqual([]);
    expect(asDemo).not.toHaveProperty('host_status');
    const asAdmin = (await cloud.nova(cloud.admin, 'GET', `/servers/${id}`)).json().server;
    expect(asAdmin['OS-EXT-SRV-ATTR:host']).toMatch(/^c0\d\.example\.com$/);
    expect(asAdmin['OS-EXT-SRV-ATTR:reservation_id']).toMatch(/^r-/);
    expect(asAdmin.host_status).toBe('UP');
  });

  it('hides another project’s server behind 404', async () => {
    const id = await cloud.boot(cloud.admin);
    const response = await cloud.nova(cloud.demo, 'GET', `/servers/${id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().itemNotFound.message).toBe(`Instance ${id} could not be found.`);
  });
});
