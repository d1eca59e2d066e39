// Neutron networks and subnets: creation defaults, visibility, validation, deletion rules.

import { describe, expect, it } from 'vitest';
import { useTestCloud } from '../../testing/test-cloud';
import { neutronCaller } from './network-testing';

const cloud = useTestCloud({ build: { seed: 'empty' }, resetBeforeEach: 'demo', login: true });
const { neutron, create, networkWithSubnet } = neutronCaller(() => cloud.app);

describe('networks', () => {
  it('creates a Geneve tenant network with Neutron defaults, provider attributes for admins only', async () => {
    const network = await create(cloud.demo, 'networks', 'network', { name: 'net1' });
    expect(network).toMatchObject({
      name: 'net1',
      status: 'ACTIVE',
      admin_state_up: true,
      shared: false,
      'router:external': false,
      mtu: 1442,
      port_security_enabled: true,
      subnets: [],
      availability_zones: ['nova'],
      revision_number: 0,
    });
    expect(network.project_id).toBe(network.tenant_id);
    expect(network.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(network).not.toHaveProperty('provider:network_type');
    const asAdmin = (await neutron(cloud.admin, 'GET', `/networks/${network.id}`)).json().network;
    expect(asAdmin).toMatchObject({ 'provider:network_type': 'geneve', 'provider:physical_network': null });
    expect(asAdmin['provider:segmentation_id']).toBeGreaterThan(0);
  });

  it('refuses shared and external networks to members, and shows others only what they may see', async () => {
    const refused = await neutron(cloud.demo, 'POST', '/networks', { network: { name: 'x', shared: true } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().NeutronError.type).toBe('PolicyNotAuthorized');

    const own = await create(cloud.admin, 'networks', 'network', { name: 'admin-only' });
    const shared = await create(cloud.admin, 'networks', 'network', { name: 'shared', shared: true });
    const external = await create(cloud.admin, 'networks', 'network', { name: 'ext', 'router:external': true });
    const names = (await neutron(cloud.demo, 'GET', '/networks')).json().networks.map((n: { name: string }) => n.name);
    expect(names).toEqual(expect.arrayContaining(['shared', 'ext']));
    expect(names).not.toContain('admin-only');
    const hidden = await neutron(cloud.demo, 'GET', `/networks/${own.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().NeutronError).toEqual({ type: 'NetworkNotFound', message: `Network ${own.id} could not be found.`, detail: '' });
    expect((await neutron(cloud.admin, 'GET', `/networks/${external.id}`)).json().network).toMatchObject({
      mtu: 1500,
      'provider:network_type': 'flat',
      'provider:physical_network': 'public',
    });
    expect(shared.shared).toBe(true);
  });

  it('accepts the .json suffix, filters, fields and refuses unknown filters', async () => {
    await create(cloud.demo, 'networks', 'network', { name: 'a' });
    await create(cloud.demo, 'networks', 'network', { name: 'b' });
    const body = (await neutron(cloud.demo, 'GET', '/networks.json?name=a&fields=name&fields=id')).json();
    expect(body.networks).toHaveLength(1);
    expect(Object.keys(body.networks[0]).sort()).toEqual(['id', 'name']);
    const bad = await neutron(cloud.demo, 'GET', '/networks?colour=red');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().NeutronError.message).toBe("['colour'] is invalid attribute for filtering");
  });

  it('updates with a revision bump and honours If-Match', async () => {
    const network = await create(cloud.demo, 'networks', 'network', { name: 'before' });
    const stale = await neutron(cloud.demo, 'PUT', `/networks/${network.id}`, { network: { name: 'x' } }, { 'if-match': 'revision_number=5' });
    expect(stale.statusCode).toBe(412);
    const updated = (await neutron(cloud.demo, 'PUT', `/networks/${network.id}`, { network: { name: 'after' } })).json().network;
    expect(updated).toMatchObject({ name: 'after', revision_number: 1 });
    const readOnly = await neutron(cloud.demo, 'PUT', `/networks/${network.id}`, { network: { status: 'DOWN' } });
    expect(readOnly.json().NeutronError.message).toBe('Cannot update read-only attribute status');
  });

  it('deletes a network with its subnets and metadata port, but not while a port is in use', async () => {
    const { network } = await networkWithSubnet(cloud.demo, 'n', '10.1.0.0/24');
    const port = await create(cloud.demo, 'ports', 'port', { network_id: network.id });
    const refused = await neutron(cloud.demo, 'DELETE', `/networks/${network.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().NeutronError.type).toBe('NetworkInUse');
    expect((await neutron(cloud.demo, 'DELETE', `/ports/${port.id}`)).statusCode).toBe(204);
    expect((await neutron(cloud.demo, 'DELETE', `/networks/${network.id}`)).statusCode).toBe(204);
    expect((await neutron(cloud.admin, 'GET', `/ports?network_id=${network.id}`)).json().ports).toEqual([]);
  });
});

describe('subnets', () => {
  it('defaults the gateway to the first host and the pool to the rest, and gives OVN its metadata port', async () => {
    const { network, subnet } = await networkWithSubnet(cloud.demo, 'n', '10.1.0.0/24');
    expect(subnet).toMatchObject({
      ip_version: 4,
      cidr: '10.1.0.0/24',
      gateway_ip: '10.1.0.1',
      enable_dhcp: true,
      allocation_pools: [{ start: '10.1.0.2', end: '10.1.0.254' }],
      dns_nameservers: [],
      host_routes: [],
    });
    const ports = (await neutron(cloud.admin, 'GET', `/ports?network_id=${network.id}`)).json().ports;
    expect(ports).toEqual([
      expect.objectContaining({ device_owner: 'network:distributed', fixed_ips: [{ subnet_id: subnet.id, ip_address: '10.1.0.2' }] }),
    ]);
    expect((await neutron(cloud.demo, 'GET', `/networks/${network.id}`)).json().network.subnets).toEqual([subnet.id]);
  });

  it.each([
    ['not-a-cidr', 'Invalid input for cidr. Reason: \'not-a-cidr\' is not a valid IP subnet.'],
    ['10.0.0.1/24', "Invalid input for cidr. Reason: '10.0.0.1/24' isn't a recognized IP subnet cidr, '10.0.0.0/24' is recommended."],
    ['2001:db8::/64', "Invalid input for operation: cidr '2001:db8::/64' does not match the ip_version '4'."],
  ])('refuses cidr %s', async (cidr, message) => {
    const network = await create(cloud.demo, 'networks', 'network', { name: 'n' });
    const response = await neutron(cloud.demo, 'POST', '/subnets', { subnet: { network_id: network.id, cidr, ip_version: 4 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().NeutronError.message).toBe(message);
  });

  it('refuses an overlapping subnet on the same network, not on another one', async () => {
    const { network } = await networkWithSubnet(cloud.demo, 'n', '10.1.0.0/24');
    const overlap = await neutron(cloud.demo, 'POST', '/subnets', { subnet: { network_id: network.id, cidr: '10.1.0.128/25', ip_version: 4 } });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().NeutronError.message).toBe(
      `Invalid input for operation: Requested subnet with cidr: 10.1.0.128/25 for network: ${network.id} overlaps with another subnet.`,
    );
    await networkWithSubnet(cloud.demo, 'other', '10.1.0.0/24');
  });

  it('checks gateways and pools, and allows no gateway at all', async () => {
    const network = await create(cloud.demo, 'networks', 'network', { name: 'n' });
    const post = (subnet: object) => neutron(cloud.demo, 'POST', '/subnets', { subnet: { network_id: network.id, ip_version: 4, ...subnet } });
    const conflict = await post({ cidr: '10.2.0.0/24', allocation_pools: [{ start: '10.2.0.1', end: '10.2.0.20' }] });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().NeutronError.type).toBe('GatewayConflictWithAllocationPools');
    const outside = await post({ cidr: '10.2.0.0/24', allocation_pools: [{ start: '10.2.0.10', end: '10.3.0.20' }] });
    expect(outside.json().NeutronError.type).toBe('OutOfBoundsAllocationPool');
    const none = (await post({ cidr: '10.2.0.0/28', gateway_ip: null, enable_dhcp: false })).json().subnet;
    expect(none).toMatchObject({ gateway_ip: null, allocation_pools: [{ start: '10.2.0.1', end: '10.2.0.14' }] });
  });

  it('normalises IPv6 host bits and supports the IPv6 modes', async () => {
    const network = await create(cloud.demo, 'networks', 'network', { name: 'v6' });
    const subnet = (
      await neutron(cloud.demo, 'POST', '/subnets', {
        subnet: { network_id: network.id, ip_version: 6, cidr: 'fd00:1::5/64', ipv6_ra_mode: 'slaac', ipv6_address_mode: 'slaac' },
      })
    ).json().subnet;
    expect(subnet).toMatchObject({ cidr: 'fd00:1::/64', gateway_ip: 'fd00:1::1', ipv6_ra_mode: 'slaac' });
    expect(subnet.allocation_pools).toEqual([{ start: 'fd00:1::2', end: 'fd00:1::ffff:ffff:ffff:ffff' }]);
  });

  it('refuses to delete a subnet that a port uses, then deletes it once the port is gone', async () => {
    const { network, subnet } = await networkWithSubnet(cloud.demo, 'n', '10.1.0.0/24');
    const port = await create(cloud.demo, 'ports', 'port', { network_id: network.id });
    const refused = await neutron(cloud.demo, 'DELETE', `/subnets/${subnet.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().NeutronError.type).toBe('SubnetInUse');
    await neutron(cloud.demo, 'DELETE', `/ports/${port.id}`);
    expect((await neutron(cloud.demo, 'DELETE', `/subnets/${subnet.id}`)).statusCode).toBe(204);
  });
});
