import { beforeEach, describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import { addNetwork, countUsage, loadNetworkDetail, loadNetworks, removeNetwork } from './networks';

const N = '/networking/v2.0';
const net = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: id, project_id: 'p-demo', status: 'ACTIVE', admin_state_up: true, subnets: [], ...extra });
const SUBNET = { id: 'sub-1', name: 'private-subnet', network_id: 'private', ip_version: 4, cidr: '10.0.0.0/24', allocation_pools: [{ start: '10.0.0.2', end: '10.0.0.254' }], gateway_ip: '10.0.0.1' };
const port = (id: string, owner: string, device: string, ip: string) => ({ id, network_id: 'private', device_owner: owner, device_id: device, fixed_ips: [{ subnet_id: 'sub-1', ip_address: ip }] });

const fake = useFakeService();
const writes = () => fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url.split('?')[0]}`);

beforeEach(() => {
  fake.on(`GET ${N}/networks`, { status: 200, body: { networks: [net('private'), net('public', { 'router:external': true, project_id: 'p-admin' }), net('other', { project_id: 'p-x' })] } });
  fake.on(`GET ${N}/subnets`, { status: 200, body: { subnets: [SUBNET] } });
});

describe('network list', () => {
  it('joins subnets to networks and puts external ones last', async () => {
    const view = await loadNetworks(fakeScope(fake.url));
    expect(view.networks.map((n) => n.name)).toEqual(['other', 'private', 'public']);
    expect(view.networks.find((n) => n.id === 'private')?.subnets).toEqual([{ id: 'sub-1', name: 'private-subnet', cidr: '10.0.0.0/24', ipVersion: 4 }]);
  });

  it('shows an admin the project’s own, shared and external networks unless all projects are asked for', async () => {
    const view = await loadNetworks(fakeScope(fake.url, { isAdmin: true }));
    expect(view.networks.map((n) => n.id)).toEqual(['private', 'public']);
    await expect(loadNetworks(fakeScope(fake.url), { allProjects: true })).rejects.toMatchObject({ payload: { status: 403 } });
  });

  it('gives an admin every project’s networks with the project named, and still the list when Keystone fails', async () => {
    fake.on('GET /identity/v3/projects', { status: 200, body: { projects: [{ id: 'p-x', name: 'other-project', domain_id: 'default', enabled: true }] } });
    const admin = { ...fakeScope(fake.url, { isAdmin: true }), config: { authUrl: `${fake.url}/identity` } } as unknown as ReturnType<typeof fakeScope>;
    const view = await loadNetworks(admin, { allProjects: true });
    expect(view.allProjects).toBe(true);
    expect(view.networks.map((n) => [n.id, n.projectName])).toEqual([['other', 'other-project'], ['private', null], ['public', null]]);
    fake.on('GET /identity/v3/projects', { status: 503, body: { error: { message: 'down' } } });
    expect((await loadNetworks(admin, { allProjects: true })).networks).toHaveLength(3);
  });
});

describe('network detail', () => {
  it('names each port’s instance or router and counts addresses per subnet', async () => {
    fake.on(`GET ${N}/networks/private`, { status: 200, body: { network: net('private', { mtu: 1442 }) } });
    fake.on(`GET ${N}/ports`, {
      status: 200,
      body: { ports: [port('p1', 'compute:nova', 'srv-1', '10.0.0.5'), port('p2', 'network:router_interface', 'r-1', '10.0.0.1'), port('p3', 'network:dhcp', 'dhcp-x', '10.0.0.2')] },
    });
    fake.on('GET /compute/v2.1/servers/detail', { status: 200, body: { servers: [{ id: 'srv-1', name: 'web', status: 'ACTIVE' }] } });
    fake.on(`GET ${N}/routers`, { status: 200, body: { routers: [{ id: 'r-1', name: 'router1' }] } });
    const view = await loadNetworkDetail(fakeScope(fake.url), 'private');
    expect(view.network.mtu).toBe(1442);
    expect(view.ports.map((p) => p.owner)).toEqual([
      { kind: 'instance', id: 'srv-1', name: 'web' },
      { kind: 'router', id: 'r-1', name: 'router1' },
      { kind: 'network', id: 'dhcp-x', name: null },
    ]);
    expect(view.subnets[0]).toMatchObject({ id: 'sub-1', totalIps: 253, usedIps: 3 });
  });

  it('counts IPv6 pools without overflowing', () => {
    const [usage] = countUsage([{ ...SUBNET, id: 's6', allocationPools: [{ start: '2001:db8::2', end: '2001:db8::ffff' }] } as never], []);
    expect(usage).toMatchObject({ totalIps: 65534, usedIps: 0 });
  });
});

describe('network create and delete', () => {
  it('creates the network and its first subnet, and takes the network back when Neutron refuses the subnet', async () => {
    fake.on(`POST ${N}/networks`, { status: 201, body: { network: net('n-new') } });
    fake.on(`GET ${N}/subnets?network_id=n-new`, { status: 200, body: { subnets: [] } });
    fake.on(`POST ${N}/subnets`, { status: 400, body: { NeutronError: { type: 'InvalidInput', message: 'Invalid input for operation: Gateway is not valid on subnet.', detail: '' } } });
    fake.on(`DELETE ${N}/networks/n-new`, { status: 204 });
    await expect(addNetwork(fakeScope(fake.url), { name: 'n-new', subnet: { cidr: '10.5.0.0/24' } })).rejects.toMatchObject({
      payload: { status: 400, fields: { 'subnet.gatewayIp': 'Invalid input for operation: Gateway is not valid on subnet.' } },
    });
    expect(writes()).toEqual([`POST ${N}/networks`, `POST ${N}/subnets`, `DELETE ${N}/networks/n-new`]);
  });

  it('refuses sharing for a member before asking Neutron', async () => {
    await expect(addNetwork(fakeScope(fake.url), { name: 'x', shared: true })).rejects.toMatchObject({ payload: { fields: { shared: 'admin_only' } } });
    expect(writes()).toEqual([]);
  });

  it('turns NetworkInUse into its own code', async () => {
    fake.on(`DELETE ${N}/networks/private`, { status: 409, body: { NeutronError: { type: 'NetworkInUse', message: 'There are one or more ports still in use on the network.', detail: '' } } });
    await expect(removeNetwork(fakeScope(fake.url), 'private')).rejects.toMatchObject({ payload: { status: 409, code: 'network.network_in_use' } });
  });
});
