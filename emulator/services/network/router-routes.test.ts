// Neutron ports, routers and floating IPs over the demo seed: addresses from pools, the
// gateway and interfaces of a router, floating IPs that need a router to reach them.

import { describe, expect, it } from 'vitest';
import { NETWORK_IDS, ROUTER_IDS, SUBNET_IDS } from '../../seeds/networks';
import { useTestCloud } from '../../testing/test-cloud';
import { neutronCaller } from './network-testing';

const cloud = useTestCloud({ build: { seed: 'empty' }, resetBeforeEach: 'demo', login: true });
const { neutron, create, networkWithSubnet } = neutronCaller(() => cloud.app);

describe('ports', () => {
  it('allocates the next free address and a fa:16:3e MAC, with the default group, DOWN until bound', async () => {
    const port = await create(cloud.demo, 'ports', 'port', { network_id: NETWORK_IDS.private, name: 'p1' });
    expect(port).toMatchObject({
      status: 'DOWN',
      device_owner: '',
      fixed_ips: [{ subnet_id: SUBNET_IDS.private, ip_address: '10.0.0.3' }],
      allowed_address_pairs: [],
      port_security_enabled: true,
    });
    expect(port.mac_address).toMatch(/^fa:16:3e(:[0-9a-f]{2}){3}$/);
    expect(port.security_groups).toHaveLength(1);
    expect(port).not.toHaveProperty('binding:host_id');
  });

  it('takes a requested address, refuses a taken one and one outside the network', async () => {
    await create(cloud.demo, 'ports', 'port', { network_id: NETWORK_IDS.private, fixed_ips: [{ ip_address: '10.0.0.50' }] });
    const taken = await neutron(cloud.demo, 'POST', '/ports', { port: { network_id: NETWORK_IDS.private, fixed_ips: [{ ip_address: '10.0.0.50' }] } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().NeutronError.type).toBe('IpAddressAlreadyAllocated');
    const outside = await neutron(cloud.demo, 'POST', '/ports', { port: { network_id: NETWORK_IDS.private, fixed_ips: [{ ip_address: '10.10.10.5' }] } });
    expect(outside.statusCode).toBe(400);
  });

  it('answers IpAddressGenerationFailure when the pool is exhausted', async () => {
    const network = await create(cloud.demo, 'networks', 'network', { name: 'tiny' });
    await create(cloud.demo, 'subnets', 'subnet', { network_id: network.id, cidr: '10.9.0.0/30', ip_version: 4, enable_dhcp: false });
    await create(cloud.demo, 'ports', 'port', { network_id: network.id });
    const full = await neutron(cloud.demo, 'POST', '/ports', { port: { network_id: network.id } });
    expect(full.statusCode).toBe(409);
    expect(full.json().NeutronError).toMatchObject({ type: 'IpAddressGenerationFailure', message: `No more IP addresses available on network ${network.id}.` });
  });

  it('pages in id order with next links, the same ports as the whole list', async () => {
    for (let i = 0; i < 3; i++) await create(cloud.demo, 'ports', 'port', { network_id: NETWORK_IDS.private });
    const all = (await neutron(cloud.admin, 'GET', '/ports')).json().ports.map((p: { id: string }) => p.id).sort();
    const seen: string[] = [];
    let url: string | undefined = '/ports?limit=2';
    while (url) {
      const body: { ports: { id: string }[]; ports_links?: { rel: string; href: string }[] } = (await neutron(cloud.admin, 'GET', url)).json();
      seen.push(...body.ports.map((p) => p.id));
      const next = body.ports_links?.find((l) => l.rel === 'next');
      url = next && new URL(next.href).pathname.replace('/networking/v2.0', '') + new URL(next.href).search;
    }
    expect(seen).toEqual(all);
    expect((await neutron(cloud.admin, 'GET', '/ports?limit=2&marker=nope')).statusCode).toBe(404);
  });

  it('filters by fixed_ips and refuses to delete a router port directly', async () => {
    const found = (await neutron(cloud.demo, 'GET', '/ports?fixed_ips=ip_address%3D10.0.0.1')).json().ports;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ device_owner: 'network:router_interface', device_id: ROUTER_IDS.router1 });
    const refused = await neutron(cloud.demo, 'DELETE', `/ports/${found[0].id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().NeutronError.type).toBe('L3PortInUse');
  });
});

describe('routers', () => {
  it('shows the seeded router1 with its gateway on public', async () => {
    const router = (await neutron(cloud.demo, 'GET', `/routers/${ROUTER_IDS.router1}`)).json().router;
    expect(router).toMatchObject({
      name: 'router1',
      status: 'ACTIVE',
      external_gateway_info: {
        network_id: NETWORK_IDS.public,
        enable_snat: true,
        external_fixed_ips: [{ subnet_id: SUBNET_IDS.public, ip_address: '172.24.4.10' }],
      },
      routes: [],
    });
  });

  it('sets a gateway, adds and removes an interface, and refuses to delete while one remains', async () => {
    const { subnet } = await networkWithSubnet(cloud.demo, 'n', '10.5.0.0/24');
    const router = await create(cloud.demo, 'routers', 'router', { name: 'r' });
    expect(router.external_gateway_info).toBeNull();
    const gw = await neutron(cloud.demo, 'PUT', `/routers/${router.id}`, { router: { external_gateway_info: { network_id: NETWORK_IDS.public } } });
    expect(gw.json().router.external_gateway_info.external_fixed_ips[0].ip_address).toMatch(/^172\.24\.4\.\d+$/);
    const added = await neutron(cloud.demo, 'PUT', `/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id });
    expect(added.json()).toMatchObject({ id: router.id, subnet_id: subnet.id, subnet_ids: [subnet.id] });
    const again = await neutron(cloud.demo, 'PUT', `/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id });
    expect(again.statusCode).toBe(400);
    const inUse = await neutron(cloud.demo, 'DELETE', `/routers/${router.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().NeutronError.type).toBe('RouterInUse');
    const port = (await neutron(cloud.demo, 'GET', `/ports?device_id=${router.id}&device_owner=network:router_interface`)).json().ports[0];
    expect(port.fixed_ips).toEqual([{ subnet_id: subnet.id, ip_address: '10.5.0.1' }]);
    const removed = await neutron(cloud.demo, 'PUT', `/routers/${router.id}/remove_router_interface`, { subnet_id: subnet.id });
    expect(removed.json().port_id).toBe(port.id);
    expect((await neutron(cloud.demo, 'DELETE', `/routers/${router.id}`)).statusCode).toBe(204);
  });

  it('accepts static routes only through a connected subnet', async () => {
    const bad = await neutron(cloud.demo, 'PUT', `/routers/${ROUTER_IDS.router1}`, {
      router: { routes: [{ destination: '192.0.2.0/24', nexthop: '10.10.10.20' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().NeutronError.type).toBe('InvalidRoutes');
    const good = await neutron(cloud.demo, 'PUT', `/routers/${ROUTER_IDS.router1}`, {
      router: { routes: [{ destination: '192.0.2.0/24', nexthop: '10.0.0.50' }] },
    });
    expect(good.json().router.routes).toEqual([{ destination: '192.0.2.0/24', nexthop: '10.0.0.50' }]);
  });

  it('keeps public external while router1 has its gateway there', async () => {
    const refused = await neutron(cloud.admin, 'PUT', `/networks/${NETWORK_IDS.public}`, { network: { 'router:external': false } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().NeutronError.type).toBe('ExternalNetworkInUse');
  });

  it('refuses a gateway on a network that is not external', async () => {
    const router = await create(cloud.demo, 'routers', 'router', { name: 'r' });
    const refused = await neutron(cloud.demo, 'PUT', `/routers/${router.id}`, { router: { external_gateway_info: { network_id: NETWORK_IDS.private } } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().NeutronError.message).toBe(`Bad router request: Network ${NETWORK_IDS.private} is not an external network.`);
  });
});

describe('floating IPs', () => {
  it('allocates from the pool, associates through router1, then disassociates and releases', async () => {
    const fip = await create(cloud.demo, 'floatingips', 'floatingip', { floating_network_id: NETWORK_IDS.public });
    expect(fip).toMatchObject({ floating_ip_address: '172.24.4.11', status: 'DOWN', port_id: null, router_id: null, port_details: null });
    const port = await create(cloud.demo, 'ports', 'port', { network_id: NETWORK_IDS.private, name: 'web' });
    const associated = (await neutron(cloud.demo, 'PUT', `/floatingips/${fip.id}`, { floatingip: { port_id: port.id } })).json().floatingip;
    expect(associated).toMatchObject({
      status: 'ACTIVE',
      port_id: port.id,
      fixed_ip_address: '10.0.0.3',
      router_id: ROUTER_IDS.router1,
      port_details: expect.objectContaining({ name: 'web', network_id: NETWORK_IDS.private }),
    });
    const cleared = (await neutron(cloud.demo, 'PUT', `/floatingips/${fip.id}`, { floatingip: { port_id: null } })).json().floatingip;
    expect(cleared).toMatchObject({ status: 'DOWN', port_id: null, router_id: null, fixed_ip_address: null });
    expect((await neutron(cloud.demo, 'DELETE', `/floatingips/${fip.id}`)).statusCode).toBe(204);
    expect((await neutron(cloud.demo, 'GET', '/floatingips')).json().floatingips).toEqual([]);
  });

  it('refuses a port no router joins to the external network', async () => {
    const port = await create(cloud.demo, 'ports', 'port', { network_id: NETWORK_IDS.internal1 });
    const fip = await create(cloud.demo, 'floatingips', 'floatingip', { floating_network_id: NETWORK_IDS.public });
    const refused = await neutron(cloud.demo, 'PUT', `/floatingips/${fip.id}`, { floatingip: { port_id: port.id } });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().NeutronError).toMatchObject({
      type: 'ExternalGatewayForFloatingIPNotFound',
      message: `External network ${NETWORK_IDS.public} is not reachable from subnet ${SUBNET_IDS.internal1}.  Therefore, cannot associate Port ${port.id} with a Floating IP.`,
    });
    // internal1 reaches external_network through router2.
    const other = await create(cloud.demo, 'floatingips', 'floatingip', { floating_network_id: NETWORK_IDS.externalNetwork, port_id: port.id });
    expect(other).toMatchObject({ status: 'ACTIVE', router_id: ROUTER_IDS.router2 });
  });

  it('refuses a network that is not external, and takes a chosen address', async () => {
    const refused = await neutron(cloud.demo, 'POST', '/floatingips', { floatingip: { floating_network_id: NETWORK_IDS.private } });
    expect(refused.statusCode).toBe(400);
    const chosen = await create(cloud.admin, 'floatingips', 'floatingip', { floating_network_id: NETWORK_IDS.public, floating_ip_address: '172.24.4.99' });
    expect(chosen.floating_ip_address).toBe('172.24.4.99');
  });
});

describe('network IP availability', () => {
  it('counts pool sizes and used addresses per network and subnet, for admins only', async () => {
    await create(cloud.demo, 'ports', 'port', { network_id: NETWORK_IDS.private });
    expect((await neutron(cloud.demo, 'GET', '/network-ip-availabilities')).statusCode).toBe(403);
    const shown = (await neutron(cloud.admin, 'GET', `/network-ip-availabilities/${NETWORK_IDS.private}`)).json().network_ip_availability;
    // Router interface (.1), metadata port (.2) and the new port (.3) in a pool of 253.
    expect(shown).toMatchObject({ network_name: 'private', total_ips: 253, used_ips: 3 });
    expect(shown.subnet_ip_availability).toEqual([
      { subnet_id: SUBNET_IDS.private, subnet_name: 'private-subnet', cidr: '10.0.0.0/24', ip_version: 4, total_ips: 253, used_ips: 3 },
    ]);
  });
});
