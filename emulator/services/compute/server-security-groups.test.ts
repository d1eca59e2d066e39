// Nova's security-group actions against Neutron's port bindings: add/remove apply to every
// port of the server, the server view and /os-security-groups read the ports' groups.

import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store';
import { FIXTURE_SECURITY_GROUPS } from '../../seeds/heat-fixtures';
import { PROJECT_IDS } from '../../seeds/ids';
import { call } from '../../testing/test-cloud';
import { startServerCloud, type ServerTestCloud } from './server-testing';

let cloud: ServerTestCloud;
beforeAll(async () => {
  cloud = await startServerCloud();
});
afterAll(async () => cloud.dispose());
beforeEach(async () => cloud.reset());

const NOW = '2026-11-21T20:00:00Z';
type Wire = Record<string, unknown>;

const neutron = (method: 'GET' | 'POST', path: string, body?: unknown) =>
  call(cloud.app, cloud.demo, method, `/networking/v2.0${path}`, body);

/** A port of the server on a network of its own, written straight into the cloud's database. */
async function plugPort(serverId: string, n: number, options: { portSecurity?: boolean; groups?: string[] } = {}): Promise<string> {
  const store = await openStore(cloud.dbPath);
  try {
    const db = store.db;
    const [net, subnet, port] = [`net-${serverId}-${n}`, `sub-${serverId}-${n}`, `port-${serverId}-${n}`];
    await sql`INSERT INTO networks (id, project_id, mtu, created_at, updated_at, seq) VALUES (${net}, ${PROJECT_IDS.demo}, 1442, ${NOW}, ${NOW}, ${n})`.execute(db);
    await sql`INSERT INTO subnets (id, project_id, network_id, ip_version, cidr, created_at, updated_at, seq)
      VALUES (${subnet}, ${PROJECT_IDS.demo}, ${net}, 4, ${`10.${n}.0.0/24`}, ${NOW}, ${NOW}, ${n})`.execute(db);
    await sql`INSERT INTO ports (id, project_id, network_id, mac_address, device_id, device_owner, port_security_enabled, created_at, updated_at, seq)
      VALUES (${port}, ${PROJECT_IDS.demo}, ${net}, ${`fa:16:3e:00:00:0${n}`}, ${serverId}, 'compute:nova', ${options.portSecurity === false ? 0 : 1}, ${NOW}, ${NOW}, ${n})`.execute(db);
    await sql`INSERT INTO port_fixed_ips (subnet_id, ip_address, port_id, network_id) VALUES (${subnet}, ${`10.${n}.0.5`}, ${port}, ${net})`.execute(db);
    await store.securityGroups.bindPort(port, options.groups ?? []);
    return port;
  } finally {
    await store.close();
  }
}

async function defaultGroupId(): Promise<string> {
  const groups = (await neutron('GET', '/security-groups?name=default')).json().security_groups as Wire[];
  return groups[0]!.id as string;
}

async function createGroup(name: string): Promise<string> {
  const response = await neutron('POST', '/security-groups', { security_group: { name } });
  return response.json().security_group.id as string;
}

const action = (serverId: string, body: unknown) => cloud.nova(cloud.demo, 'POST', `/servers/${serverId}/action`, body);
const groupsShown = async (serverId: string) =>
  ((await cloud.nova(cloud.demo, 'GET', `/servers/${serverId}`)).json().server.security_groups ?? []) as Wire[];

describe('server security groups', () => {
  it('adds a group to every port, shows it on the server, and removes it again', async () => {
    const serverId = await cloud.boot(cloud.demo, { networks: 'none' });
    const defaultId = await defaultGroupId();
    const ports = [await plugPort(serverId, 1, { groups: [defaultId] }), await plugPort(serverId, 2, { groups: [defaultId] })];
    expect(await groupsShown(serverId)).toEqual([{ name: 'default' }]);

    await createGroup('web');
    expect((await action(serverId, { addSecurityGroup: { name: 'web' } })).statusCode).toBe(202);
    expect(await groupsShown(serverId)).toEqual([{ name: 'default' }, { name: 'web' }]);
    const store = await openStore(cloud.dbPath);
    try {
      const bound = await store.securityGroups.groupsOfPorts(ports);
      expect([...bound.values()].map((groups) => groups.length)).toEqual([2, 2]);
    } finally {
      await store.close();
    }

    const listed = await cloud.nova(cloud.demo, 'GET', `/servers/${serverId}/os-security-groups`);
    const groups = listed.json().security_groups as Wire[];
    expect(groups.map((group) => group.name)).toEqual(['default', 'web']);
    // Nova lists ingress rules only: the default group's two "from the group itself" rules.
    expect(groups[0]!.rules).toEqual([
      expect.objectContaining({ ip_protocol: null, from_port: null, to_port: null, group: { name: 'default', tenant_id: PROJECT_IDS.demo }, ip_range: {} }),
      expect.objectContaining({ parent_group_id: defaultId }),
    ]);
    expect(groups[1]!.rules).toEqual([]);

    expect((await action(serverId, { removeSecurityGroup: { name: 'web' } })).statusCode).toBe(202);
    expect(await groupsShown(serverId)).toEqual([{ name: 'default' }]);
    const again = await action(serverId, { removeSecurityGroup: { name: 'web' } });
    expect(again.statusCode).toBe(404);
    expect(again.json().itemNotFound.message).toBe(`Security group web not associated with the instance ${serverId}`);
  });

  it('shows a rule with ports and a CIDR as Nova does', async () => {
    const serverId = await cloud.boot(cloud.demo, { networks: 'none' });
    const web = await createGroup('ssh');
    await neutron('POST', '/security-group-rules', {
      security_group_rule: { security_group_id: web, direction: 'ingress', protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '203.0.113.0/24' },
    });
    await neutron('POST', '/security-group-rules', { security_group_rule: { security_group_id: web, direction: 'ingress', protocol: 'udp' } });
    await plugPort(serverId, 1, { groups: [web] });
    const [group] = (await cloud.nova(cloud.demo, 'GET', `/servers/${serverId}/os-security-groups`)).json().security_groups as Wire[];
    expect(group!.rules).toEqual([
      expect.objectContaining({ ip_protocol: 'tcp', from_port: 22, to_port: 22, ip_range: { cidr: '203.0.113.0/24' }, group: {} }),
      expect.objectContaining({ ip_protocol: 'udp', from_port: 1, to_port: 65535, ip_range: { cidr: '0.0.0.0/0' } }),
    ]);
  });

  it("refuses an unknown group, a server without ports and a port without port security, with Nova's messages", async () => {
    const serverId = await cloud.boot(cloud.demo, { networks: 'none' });
    const unknown = await action(serverId, { addSecurityGroup: { name: 'nope' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().itemNotFound.message).toBe(`Security group nope is not found for project ${PROJECT_IDS.demo}`);

    await createGroup('web');
    const portless = await action(serverId, { addSecurityGroup: { name: 'web' } });
    expect(portless.statusCode).toBe(404);
    expect(portless.json().itemNotFound.message).toBe(`instance_id ${serverId} could not be found as device id on any ports`);

    await plugPort(serverId, 3, { portSecurity: false });
    const insecure = await action(serverId, { addSecurityGroup: { name: 'web' } });
    expect(insecure.statusCode).toBe(400);
    expect(insecure.json().badRequest.message).toBe('Network requires port_security_enabled and subnet associated in order to apply security groups.');

    for (const [body, message] of [
      [{ addSecurityGroup: null }, 'Missing parameter dict'],
      [{ addSecurityGroup: {} }, 'Security group not specified'],
      [{ addSecurityGroup: { name: ' ' } }, 'Security group name cannot be empty'],
    ] as const) {
      const response = await action(serverId, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().badRequest.message).toBe(message);
    }
  });

  it('finds a group by id too, and refuses an ambiguous name with 409', async () => {
    const serverId = await cloud.boot(cloud.demo, { networks: 'none' });
    await plugPort(serverId, 1);
    const id = await createGroup('twin');
    expect((await action(serverId, { addSecurityGroup: { name: id } })).statusCode).toBe(202);
    expect(await groupsShown(serverId)).toEqual([{ name: 'twin' }]);
    // Neutron allows two groups of one name; Nova then needs an id.
    const store = await openStore(cloud.dbPath);
    try {
      await store.securityGroups.createGroup({ projectId: PROJECT_IDS.demo, name: 'twin', description: '', stateful: true }, NOW);
    } finally {
      await store.close();
    }
    const ambiguous = await action(serverId, { removeSecurityGroup: { name: 'twin' } });
    expect(ambiguous.statusCode).toBe(409);
    expect(ambiguous.json().conflictingRequest.message).toBe("Multiple security_group matches found for name 'twin', use an ID to be more specific.");
  });
});

describe('the /os-security-groups proxy (before 2.36)', () => {
  it('lists the project’s groups in Nova’s format and shows one by id', async () => {
    const web = await createGroup('web');
    const listed = await cloud.nova(cloud.demo, 'GET', '/os-security-groups', undefined, '2.1');
    expect(listed.statusCode).toBe(200);
    const groups = listed.json().security_groups as Wire[];
    // The demo seed also has the groups the Heat templates of the guides name.
    expect(groups.map((group) => group.name)).toEqual(['default', ...FIXTURE_SECURITY_GROUPS, 'web']);
    expect(groups.at(-1)).toEqual({ id: web, name: 'web', description: '', tenant_id: PROJECT_IDS.demo, rules: [] });
    const shown = await cloud.nova(cloud.demo, 'GET', `/os-security-groups/${web}`, undefined, '2.1');
    expect(shown.json().security_group.name).toBe('web');
  });

  it('answers a name with 400, an unknown id with 404, and 404 from 2.36', async () => {
    const byName = await cloud.nova(cloud.demo, 'GET', '/os-security-groups/web', undefined, '2.1');
    expect(byName.statusCode).toBe(400);
    expect(byName.json().badRequest.message).toBe('Security group id should be uuid');
    const id = '00000000-0000-4000-8000-000000000000';
    const unknown = await cloud.nova(cloud.demo, 'GET', `/os-security-groups/${id}`, undefined, '2.1');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().itemNotFound.message).toBe(`Security group ${id} not found.`);
    expect((await cloud.nova(cloud.demo, 'GET', '/os-security-groups', undefined, '2.36')).statusCode).toBe(404);
  });
});
