// Nova quota sets and limits: shapes per microversion, usage, admin-only updates, and the
// quota enforced on create with Nova's TooManyInstances message and nothing created.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_IDS } from '../../seeds/ids';
import { startServerCloud, type ServerTestCloud } from './server-testing';

let cloud: ServerTestCloud;
beforeAll(async () => {
  cloud = await startServerCloud();
});
afterAll(async () => cloud.dispose());
beforeEach(async () => cloud.reset());

const demo = PROJECT_IDS.demo;

describe('os-quota-sets', () => {
  it('shows the defaults with the field set of each microversion', async () => {
    const at21 = (await cloud.nova(cloud.demo, 'GET', `/os-quota-sets/${demo}`, undefined, '2.1')).json().quota_set;
    expect(at21).toMatchObject({ id: demo, instances: 10, cores: 20, ram: 51200, floating_ips: 10, injected_files: 5 });
    const at236 = (await cloud.nova(cloud.demo, 'GET', `/os-quota-sets/${demo}`, undefined, '2.36')).json().quota_set;
    expect(at236).not.toHaveProperty('floating_ips');
    expect(at236).toHaveProperty('injected_files');
    const at257 = (await cloud.nova(cloud.demo, 'GET', `/os-quota-sets/${demo}`, undefined, '2.57')).json().quota_set;
    expect(Object.keys(at257).sort()).toEqual(['cores', 'id', 'instances', 'key_pairs', 'metadata_items', 'ram', 'server_group_members', 'server_groups']);
  });

  it('detail counts what is in use, reserved 0', async () => {
    await cloud.boot(cloud.demo, { flavorRef: '3' });
    const detail = (await cloud.nova(cloud.demo, 'GET', `/os-quota-sets/${demo}/detail`)).json().quota_set;
    expect(detail.instances).toEqual({ in_use: 1, limit: 10, reserved: 0 });
    expect(detail.cores).toEqual({ in_use: 2, limit: 20, reserved: 0 });
    expect(detail.ram).toEqual({ in_use: 4096, limit: 51200, reserved: 0 });
  });

  it('lets only an admin update, refuses a limit under usage unless forced, and DELETE restores defaults', async () => {
    expect((await cloud.nova(cloud.demo, 'PUT', `/os-quota-sets/${demo}`, { quota_set: { cores: 40 } })).statusCode).toBe(403);
    expect((await cloud.nova(cloud.admin, 'GET', `/os-quota-sets/${PROJECT_IDS.admin}`)).statusCode).toBe(200);
    expect((await cloud.nova(cloud.demo, 'GET', `/os-quota-sets/${PROJECT_IDS.admin}`)).statusCode).toBe(403);
    const updated = await cloud.nova(cloud.admin, 'PUT', `/os-quota-sets/${demo}`, { quota_set: { cores: 40, instances: -1 } });
    expect(updated.json().quota_set).toMatchObject({ cores: 40, instances: -1 });
    expect(updated.json().quota_set).not.toHaveProperty('id');
    await cloud.boot(cloud.demo, { flavorRef: '3' });
    const under = await cloud.nova(cloud.admin, 'PUT', `/os-quota-sets/${demo}`, { quota_set: { cores: 1 } });
    expect(under.json().badRequest.message).toBe('Quota limit 1 for cores must be greater than or equal to already used and reserved 2.');
    expect((await cloud.nova(cloud.admin, 'PUT', `/os-quota-sets/${demo}`, { quota_set: { cores: 1, force: true } })).statusCode).toBe(200);
    expect((await cloud.nova(cloud.admin, 'DELETE', `/os-quota-sets/${demo}`)).statusCode).toBe(202);
    expect((await cloud.nova(cloud.demo, 'GET', `/os-quota-sets/${demo}/defaults`)).json().quota_set.cores).toBe(20);
    expect((await cloud.nova(cloud.demo, 'GET', `/os-quota-sets/${demo}`)).json().quota_set.cores).toBe(20);
  });
});

describe('quota on create', () => {
  it('refuses a boot past cores with Nova’s message and creates nothing', async () => {
    await cloud.nova(cloud.admin, 'PUT', `/os-quota-sets/${demo}`, { quota_set: { cores: 4 } });
    await cloud.boot(cloud.demo, { flavorRef: '3' });
    await cloud.boot(cloud.demo, { flavorRef: '3' });
    const response = await cloud.nova(cloud.demo, 'POST', '/servers', { server: { name: 'x', flavorRef: '4', imageRef: '10000000-0000-0000-0000-000000000001', networks: 'auto' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().forbidden.message).toBe('Quota exceeded for cores: Requested 4, but already used 4 of 4 cores');
    expect((await cloud.nova(cloud.demo, 'GET', '/servers')).json().servers).toHaveLength(2);
  });

  it('names every resource over the limit, and creates as many as fit between min and max', async () => {
    const many = await cloud.nova(cloud.demo, 'POST', '/servers', { server: { name: 'n', flavorRef: '5', imageRef: '10000000-0000-0000-0000-000000000001', networks: 'none', min_count: 11 } });
    expect(many.json().forbidden.message).toBe('Quota exceeded for cores, instances, ram: Requested 88, 11, 180224, but already used 0, 0, 0 of 20, 10, 51200 cores, instances, ram');
    const some = await cloud.nova(cloud.demo, 'POST', '/servers', { server: { name: 'n', flavorRef: '42', imageRef: '10000000-0000-0000-0000-000000000001', networks: 'none', min_count: 2, max_count: 50 } });
    expect(some.statusCode).toBe(202);
    expect((await cloud.nova(cloud.demo, 'GET', '/servers')).json().servers).toHaveLength(10);
  });
});

describe('GET /limits', () => {
  it('absolute limits with usage and an empty rate list; tenant_id for admins only', async () => {
    await cloud.boot(cloud.demo, { flavorRef: '2' });
    const limits = (await cloud.nova(cloud.demo, 'GET', '/limits')).json().limits;
    expect(limits.rate).toEqual([]);
    expect(limits.absolute).toEqual({
      maxServerMeta: 128, maxTotalCores: 20, maxTotalInstances: 10, maxTotalKeypairs: 100, maxTotalRAMSize: 51200,
      maxServerGroups: 10, maxServerGroupMembers: 10, totalCoresUsed: 1, totalInstancesUsed: 1, totalRAMUsed: 2048, totalServerGroupsUsed: 0,
    });
    const old = (await cloud.nova(cloud.demo, 'GET', '/limits', undefined, '2.1')).json().limits.absolute;
    expect(old).toMatchObject({ maxPersonality: 5, maxSecurityGroups: 10, maxTotalFloatingIps: 10 });
    const forDemo = (await cloud.nova(cloud.admin, 'GET', `/limits?tenant_id=${demo}`)).json().limits.absolute;
    expect(forDemo.totalInstancesUsed).toBe(1);
    expect((await cloud.nova(cloud.demo, 'GET', `/limits?tenant_id=${PROJECT_IDS.admin}`)).statusCode).toBe(403);
  });
});
