// Servers and Neutron ports: a boot makes one port per network (bound to the host, with the
// server's security groups), addresses come from the ports and their floating IPs, bad
// networks are refused before anything exists, and a deleted server's ports go with it.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NETWORK_IDS, SUBNET_IDS } from '../../seeds/networks';
import { call } from '../../testing/test-cloud';
import { startServerCloud, type ServerTestCloud } from './server-testing';

let cloud: ServerTestCloud;
beforeAll(async () => {
  cloud = await startServerCloud();
});
afterAll(async () => cloud.dispose());
beforeEach(async () => cloud.reset());

const neutron = (token: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) =>
  call(cloud.app, token, method, `/networking/v2.0${path}`, body);
const portsOf = async (serverId: string) => (await neutron(cloud.demo, 'GET', `/ports?device_id=${serverId}`)).json().ports;

describe('server ports', () => {
  it('gives a booted server a port on the network it asked for, bound to its host', async () => {
    const id = await cloud.boot(cloud.demo, { networks: [{ uuid: NETWORK_IDS.internal1 }] });
    const [port] = await portsOf(id);
    expect(port).toMatchObject({
      network_id: NETWORK_IDS.internal1,
      device_owner: 'compute:nova',
      device_id: id,
      status: 'ACTIVE',
      fixed_ips: [{ subnet_id: SUBNET_IDS.internal1, ip_address: '10.10.10.3' }],
    });
    const groups = (await neutron(cloud.demo, 'GET', '/security-groups?name=default')).json().security_groups;
    expect(port.security_groups).toEqual([groups[0].id]);
    const admin = (await neutron(cloud.admin, 'GET', `/ports/${port.id}`)).json().port;
    const server = (await cloud.nova(cloud.admin, 'GET', `/servers/${id}`)).json().server;
    expect(admin['binding:host_id']).toBe(server['OS-EXT-SRV-ATTR:host']);
    expect(server.addresses).toEqual({
      internal1: [{ version: 4, addr: '10.10.10.3', 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': port.mac_address }],
    });
  });

  it('boots on a port made beforehand, a fixed IP, and two networks in order', async () => {
    const made = (await neutron(cloud.demo, 'POST', '/ports', { port: { network_id: NETWORK_IDS.private, name: 'mine' } })).json().port;
    const onPort = await cloud.boot(cloud.demo, { networks: [{ port: made.id }] });
    expect((await portsOf(onPort)).map((p: { id: string }) => p.id)).toEqual([made.id]);
    // Deleting the server unbinds the port it was given instead of deleting it.
    await cloud.advance(5);
    await cloud.nova(cloud.demo, 'DELETE', `/servers/${onPort}`);
    await cloud.advance(5);
    expect((await neutron(cloud.demo, 'GET', `/ports/${made.id}`)).json().port).toMatchObject({ device_id: '', device_owner: '', status: 'DOWN' });
    const fixed = await cloud.boot(cloud.demo, { networks: [{ uuid: NETWORK_IDS.private, fixed_ip: '10.0.0.77' }] });
    expect((await portsOf(fixed))[0].fixed_ips[0].ip_address).toBe('10.0.0.77');
    const two = await cloud.boot(cloud.demo, { networks: [{ uuid: NETWORK_IDS.internal1 }, { uuid: NETWORK_IDS.private }] });
    const server = (await cloud.nova(cloud.demo, 'GET', `/servers/${two}`)).json().server;
    expect(Object.keys(server.addresses)).toEqual(['internal1', 'private']);
  });

  it('refuses unknown networks, ports in use and unknown groups before creating anything', async () => {
    const boot = (networks: unknown, extra: Record<string, unknown> = {}) =>
      cloud.nova(cloud.demo, 'POST', '/servers', { server: { name: 'x', flavorRef: '1', imageRef: '10000000-0000-0000-0000-000000000001', networks, ...extra } });
    const unknown = await boot([{ uuid: '00000000-0000-0000-0000-000000000000' }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().badRequest.message).toBe('Network 00000000-0000-0000-0000-000000000000 could not be found.');
    const hidden = await boot([{ uuid: NETWORK_IDS.public }]);
    expect(hidden.statusCode).toBe(400);
    const used = await cloud.boot(cloud.demo);
    const [port] = await portsOf(used);
    expect((await boot([{ port: port.id }])).statusCode).toBe(409);
    const group = await boot('auto', { security_groups: [{ name: 'nope' }] });
    expect(group.statusCode).toBe(400);
    expect((await cloud.nova(cloud.demo, 'GET', '/servers')).json().servers).toHaveLength(1);
    expect((await neutron(cloud.demo, 'GET', '/ports?device_owner=compute:nova')).json().ports).toHaveLength(1);
  });

  it('refuses a boot past the port quota with Nova\'s 403', async () => {
    const demoProject = (await neutron(cloud.demo, 'GET', `/networks/${NETWORK_IDS.private}`)).json().network.project_id;
    await neutron(cloud.admin, 'PUT', `/quotas/${demoProject}`, { quota: { port: 0 } });
    const refused = await cloud.nova(cloud.demo, 'POST', '/servers', {
      server: { name: 'x', flavorRef: '1', imageRef: '10000000-0000-0000-0000-000000000001', networks: 'auto' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().forbidden.message).toBe('Maximum number of ports exceeded');
  });

  it('puts a server in ERROR with a fault when its network has no address left', async () => {
    const network = (await neutron(cloud.demo, 'POST', '/networks', { network: { name: 'tiny' } })).json().network;
    await neutron(cloud.demo, 'POST', '/subnets', { subnet: { network_id: network.id, cidr: '10.99.0.0/30', ip_version: 4, enable_dhcp: false } });
    const first = await cloud.boot(cloud.demo, { networks: [{ uuid: network.id }] });
    const second = await cloud.boot(cloud.demo, { networks: [{ uuid: network.id }] });
    await cloud.advance(5);
    expect((await cloud.nova(cloud.demo, 'GET', `/servers/${first}`)).json().server.status).toBe('ACTIVE');
    const failed = (await cloud.nova(cloud.demo, 'GET', `/servers/${second}`)).json().server;
    expect(failed.status).toBe('ERROR');
    expect(failed.fault.message).toBe(`Build of instance ${second} aborted: No more IP addresses available on network tiny.`);
    expect(await portsOf(second)).toEqual([]);
  });

  it('shows an associated floating IP in the addresses, and lets ports and floating IP go on delete', async () => {
    const id = await cloud.boot(cloud.demo, { networks: [{ uuid: NETWORK_IDS.private }] });
    const [port] = await portsOf(id);
    const fip = (
      await neutron(cloud.demo, 'POST', '/floatingips', { floatingip: { floating_network_id: NETWORK_IDS.public, port_id: port.id } })
    ).json().floatingip;
    expect(fip).toMatchObject({ status: 'ACTIVE', fixed_ip_address: '10.0.0.3', floating_ip_address: '172.24.4.11' }); // .10 is router1's gateway
    const server = (await cloud.nova(cloud.demo, 'GET', `/servers/${id}`)).json().server;
    expect(server.addresses.private.map((a: Record<string, unknown>) => [a.addr, a['OS-EXT-IPS:type']])).toEqual([
      ['10.0.0.3', 'fixed'],
      ['172.24.4.11', 'floating'],
    ]);
    expect((await cloud.nova(cloud.demo, 'GET', '/servers?ip=10.0.0.3')).json().servers).toHaveLength(1);

    await cloud.nova(cloud.demo, 'DELETE', `/servers/${id}`);
    await cloud.advance(5);
    expect(await portsOf(id)).toEqual([]);
    expect((await neutron(cloud.demo, 'GET', `/floatingips/${fip.id}`)).json().floatingip).toMatchObject({ port_id: null, status: 'DOWN', router_id: null });
  });
});

describe('os-interface', () => {
  it('lists, attaches on a network or a port, shows and detaches interfaces', async () => {
    const id = await cloud.boot(cloud.demo, { networks: [{ uuid: NETWORK_IDS.private }] });
    const building = await cloud.nova(cloud.demo, 'POST', `/servers/${id}/os-interface`, { interfaceAttachment: { net_id: NETWORK_IDS.internal1 } });
    expect(building.statusCode).toBe(409);
    await cloud.advance(5);
    const listed = (await cloud.nova(cloud.demo, 'GET', `/servers/${id}/os-interface`)).json().interfaceAttachments;
    expect(listed).toEqual([
      expect.objectContaining({ port_state: 'ACTIVE', net_id: NETWORK_IDS.private, fixed_ips: [{ subnet_id: SUBNET_IDS.private, ip_address: '10.0.0.3' }], tag: null }),
    ]);

    const attached = (await cloud.nova(cloud.demo, 'POST', `/servers/${id}/os-interface`, { interfaceAttachment: { net_id: NETWORK_IDS.internal1 } })).json().interfaceAttachment;
    expect(attached).toMatchObject({ net_id: NETWORK_IDS.internal1, fixed_ips: [{ subnet_id: SUBNET_IDS.internal1, ip_address: '10.10.10.3' }] });
    const made = (await neutron(cloud.demo, 'POST', '/ports', { port: { network_id: NETWORK_IDS.internal1 } })).json().port;
    const byPort = (await cloud.nova(cloud.demo, 'POST', `/servers/${id}/os-interface`, { interfaceAttachment: { port_id: made.id } })).json().interfaceAttachment;
    expect(byPort.port_id).toBe(made.id);
    const server = (await cloud.nova(cloud.demo, 'GET', `/servers/${id}`)).json().server;
    expect(server.addresses.internal1.map((a: { addr: string }) => a.addr)).toEqual(['10.10.10.3', made.fixed_ips[0].ip_address]);

    expect((await cloud.nova(cloud.demo, 'GET', `/servers/${id}/os-interface/${attached.port_id}`)).json().interfaceAttachment.port_id).toBe(attached.port_id);
    expect((await cloud.nova(cloud.demo, 'DELETE', `/servers/${id}/os-interface/${attached.port_id}`)).statusCode).toBe(202);
    expect((await cloud.nova(cloud.demo, 'GET', `/servers/${id}/os-interface/${attached.port_id}`)).statusCode).toBe(404);
    expect((await neutron(cloud.demo, 'GET', `/ports/${attached.port_id}`)).statusCode).toBe(404);
    // The client's own port is only unbound, as Nova does with ports it did not make.
    expect((await cloud.nova(cloud.demo, 'DELETE', `/servers/${id}/os-interface/${made.id}`)).statusCode).toBe(202);
    expect((await neutron(cloud.demo, 'GET', `/ports/${made.id}`)).json().port).toMatchObject({ device_id: '', device_owner: '', status: 'DOWN' });
    expect(await portsOf(id)).toHaveLength(1);
  });
});
