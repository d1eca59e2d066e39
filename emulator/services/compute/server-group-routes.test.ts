// Server groups: the two body shapes around 2.64, the quota, and placement honouring the
// policy through the scheduler hint.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_IDS } from '../../seeds/ids';
import { startServerCloud, type ServerTestCloud } from './server-testing';

let cloud: ServerTestCloud;
beforeAll(async () => {
  cloud = await startServerCloud();
});
afterAll(async () => cloud.dispose());
beforeEach(async () => cloud.reset());

async function group(policy: string): Promise<string> {
  const response = await cloud.nova(cloud.demo, 'POST', '/os-server-groups', { server_group: { name: `g-${policy}`, policy } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().server_group.id as string;
}
const hostOf = async (id: string) => (await cloud.nova(cloud.admin, 'GET', `/servers/${id}`)).json().server;

describe('os-server-groups', () => {
  it('creates with policies before 2.64 and policy/rules from it; lists, shows, deletes', async () => {
    const old = await cloud.nova(cloud.demo, 'POST', '/os-server-groups', { server_group: { name: 'a', policies: ['anti-affinity'] } }, '2.15');
    expect(old.json().server_group).toMatchObject({ name: 'a', policies: ['anti-affinity'], members: [], metadata: {}, project_id: PROJECT_IDS.demo });
    const current = await cloud.nova(cloud.demo, 'POST', '/os-server-groups', { server_group: { name: 'b', policy: 'anti-affinity', rules: { max_server_per_host: 2 } } });
    expect(current.json().server_group).toMatchObject({ name: 'b', policy: 'anti-affinity', rules: { max_server_per_host: 2 } });
    expect(current.json().server_group).not.toHaveProperty('policies');
    const list = (await cloud.nova(cloud.demo, 'GET', '/os-server-groups')).json().server_groups;
    expect(list.map((g: { name: string }) => g.name)).toEqual(['a', 'b']);
    const id = current.json().server_group.id;
    expect((await cloud.nova(cloud.demo, 'DELETE', `/os-server-groups/${id}`)).statusCode).toBe(204);
    expect((await cloud.nova(cloud.demo, 'GET', `/os-server-groups/${id}`)).statusCode).toBe(404);
    expect((await cloud.nova(cloud.demo, 'POST', '/os-server-groups', { server_group: { name: 'c', policy: 'affinity', rules: { max_server_per_host: 2 } } })).statusCode).toBe(400);
  });

  it('counts against the server_groups quota', async () => {
    await cloud.nova(cloud.admin, 'PUT', `/os-quota-sets/${PROJECT_IDS.demo}`, { quota_set: { server_groups: 1 } });
    await group('affinity');
    const refused = await cloud.nova(cloud.demo, 'POST', '/os-server-groups', { server_group: { name: 'x', policy: 'affinity' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().forbidden.message).toBe('Quota exceeded, too many server groups.');
  });

  it('anti-affinity spreads members over the five hosts, the sixth has no valid host', async () => {
    const id = await group('anti-affinity');
    const hosts = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const server = await hostOf(await cloud.boot(cloud.demo, { name: `m${i}`, flavorRef: '42' }, { 'os:scheduler_hints': { group: id } }));
      hosts.add(server['OS-EXT-SRV-ATTR:host']);
    }
    expect(hosts.size).toBe(5);
    const sixth = await hostOf(await cloud.boot(cloud.demo, { name: 'm6', flavorRef: '42' }, { 'os:scheduler_hints': { group: id } }));
    expect(sixth.status).toBe('ERROR');
    expect(sixth.fault.message).toBe('No valid host was found. There are not enough hosts available.');
    const members = (await cloud.nova(cloud.demo, 'GET', `/os-server-groups/${id}`)).json().server_group.members;
    expect(members).toHaveLength(6);
  });

  it('affinity keeps members together; server_group_members quota is enforced', async () => {
    const id = await group('affinity');
    const first = await hostOf(await cloud.boot(cloud.demo, { flavorRef: '42' }, { 'os:scheduler_hints': { group: id } }));
    const second = await hostOf(await cloud.boot(cloud.demo, { flavorRef: '42' }, { 'os:scheduler_hints': { group: id } }));
    expect(second['OS-EXT-SRV-ATTR:host']).toBe(first['OS-EXT-SRV-ATTR:host']);
    await cloud.nova(cloud.admin, 'PUT', `/os-quota-sets/${PROJECT_IDS.demo}`, { quota_set: { server_group_members: 2 } });
    const refused = await cloud.nova(cloud.demo, 'POST', '/servers', { server: { name: 'x', flavorRef: '42', imageRef: '10000000-0000-0000-0000-000000000001', networks: 'none' }, 'os:scheduler_hints': { group: id } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().forbidden.message).toBe('Quota exceeded, too many servers in group');
  });
});
