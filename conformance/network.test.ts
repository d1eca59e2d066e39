// python-openstackclient against the embedded Neutron: networks, subnets (with Neutron's
// overlap error), routers with a gateway and an interface, ports, floating IPs, and a server
// booted with --network that shows its port in `port list --server`. Each file works in a
// project of its own; the demo seed's public network is the floating IP pool.

import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ownProject, runOpenstack } from './cli';

const cloudUrl = inject('cloudUrl');
const { asMember, openstack, createProject } = ownProject(cloudUrl, 'network');

type Row = Record<string, any>;

beforeAll(async () => {
  await createProject();
});

/** Runs a command that prints nothing on success (set, delete, add). */
async function quiet(args: string[]): Promise<void> {
  const result = await runOpenstack(args, asMember);
  expect(result.code, result.stderr).toBe(0);
}

describe('openstack network and subnet', () => {
  it('network create, list, show, set, delete', async () => {
    const created = (await openstack(['network', 'create', 'conf-net'])) as Row;
    expect(created).toMatchObject({ name: 'conf-net', status: 'ACTIVE', admin_state_up: true, mtu: 1442, shared: false, 'router:external': false });
    const list = (await openstack(['network', 'list'])) as Row[];
    expect(list).toEqual(expect.arrayContaining([expect.objectContaining({ ID: created.id, Name: 'conf-net' })]));
    await quiet(['network', 'set', '--name', 'conf-net-2', '--description', 'renamed', 'conf-net']);
    expect(await openstack(['network', 'show', 'conf-net-2'])).toMatchObject({ id: created.id, description: 'renamed', revision_number: 1 });
    await quiet(['network', 'delete', 'conf-net-2']);
    const gone = await runOpenstack(['network', 'show', created.id], asMember);
    expect(gone.code).not.toBe(0);
  });

  it('subnet create, list, show, set, delete, and the overlap error', async () => {
    await openstack(['network', 'create', 'sub-net']);
    const subnet = (await openstack(['subnet', 'create', '--network', 'sub-net', '--subnet-range', '10.20.0.0/24', '--dns-nameserver', '8.8.8.8', 'sub-a'])) as Row;
    expect(subnet).toMatchObject({
      name: 'sub-a',
      cidr: '10.20.0.0/24',
      gateway_ip: '10.20.0.1',
      allocation_pools: [{ start: '10.20.0.2', end: '10.20.0.254' }],
      dns_nameservers: ['8.8.8.8'],
      enable_dhcp: true,
      ip_version: 4,
    });
    const overlap = await runOpenstack(['subnet', 'create', '--network', 'sub-net', '--subnet-range', '10.20.0.128/25', 'sub-b'], asMember);
    expect(overlap.code).not.toBe(0);
    expect(overlap.stderr).toContain('overlaps with another subnet');
    const bad = await runOpenstack(['subnet', 'create', '--network', 'sub-net', '--subnet-range', '10.30.0.1/24', 'sub-c'], asMember);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("isn't a recognized IP subnet cidr, '10.30.0.0/24' is recommended");
    const list = (await openstack(['subnet', 'list', '--network', 'sub-net'])) as Row[];
    expect(list).toEqual([expect.objectContaining({ ID: subnet.id, Name: 'sub-a', Subnet: '10.20.0.0/24' })]);
    await quiet(['subnet', 'set', '--name', 'sub-renamed', '--no-dhcp', 'sub-a']);
    expect(await openstack(['subnet', 'show', subnet.id])).toMatchObject({ name: 'sub-renamed', enable_dhcp: false });
    await quiet(['subnet', 'delete', subnet.id]);
    await quiet(['network', 'delete', 'sub-net']);
  });
});

describe('openstack router, port and floating ip', () => {
  it('router create, set --external-gateway, add subnet, show, remove subnet, delete', async () => {
    await openstack(['network', 'create', 'rt-net']);
    await openstack(['subnet', 'create', '--network', 'rt-net', '--subnet-range', '10.21.0.0/24', 'rt-sub']);
    const router = (await openstack(['router', 'create', 'rt'])) as Row;
    expect(router).toMatchObject({ name: 'rt', status: 'ACTIVE', external_gateway_info: null });
    await quiet(['router', 'set', '--external-gateway', 'public', 'rt']);
    await quiet(['router', 'add', 'subnet', 'rt', 'rt-sub']);
    const shown = (await openstack(['router', 'show', 'rt'])) as Row;
    expect(shown.external_gateway_info).toMatchObject({ enable_snat: true, external_fixed_ips: [expect.objectContaining({ ip_address: expect.stringMatching(/^172\.24\.4\./) })] });
    const ports = (await openstack(['port', 'list', '--router', 'rt'])) as Row[];
    expect(ports).toEqual([expect.objectContaining({ 'Fixed IP Addresses': [expect.objectContaining({ ip_address: '10.21.0.1' })] })]);
    const busy = await runOpenstack(['router', 'delete', 'rt'], asMember);
    expect(busy.code).not.toBe(0);
    expect(busy.stderr).toContain('still has ports');
    await quiet(['router', 'remove', 'subnet', 'rt', 'rt-sub']);
    await quiet(['router', 'delete', 'rt']);
    await quiet(['network', 'delete', 'rt-net']);
  });

  it('port create, list, show, delete', async () => {
    await openstack(['network', 'create', 'pt-net']);
    await openstack(['subnet', 'create', '--network', 'pt-net', '--subnet-range', '10.22.0.0/24', 'pt-sub']);
    const port = (await openstack(['port', 'create', '--network', 'pt-net', '--fixed-ip', 'ip-address=10.22.0.40', 'pt-1'])) as Row;
    expect(port).toMatchObject({ name: 'pt-1', status: 'DOWN', fixed_ips: [expect.objectContaining({ ip_address: '10.22.0.40' })] });
    expect(port.mac_address).toMatch(/^fa:16:3e:/);
    const list = (await openstack(['port', 'list', '--network', 'pt-net'])) as Row[];
    expect(list.map((p) => p.Name)).toContain('pt-1');
    expect(await openstack(['port', 'show', 'pt-1'])).toMatchObject({ id: port.id, network_id: port.network_id });
    await quiet(['port', 'delete', 'pt-1']);
    await quiet(['network', 'delete', 'pt-net']);
  });

  // One CLI call costs seconds of Python start-up, so the walk is split in steps that share the server.
  let portId = '';

  it('server create --network gets an address there, and port list --server shows its port', async () => {
    await openstack(['network', 'create', 'vm-net']);
    await openstack(['subnet', 'create', '--network', 'vm-net', '--subnet-range', '10.23.0.0/24', 'vm-sub']);
    await openstack(['router', 'create', 'vm-router']);
    await quiet(['router', 'set', '--external-gateway', 'public', 'vm-router']);
    await quiet(['router', 'add', 'subnet', 'vm-router', 'vm-sub']);

    const server = (await openstack(['server', 'create', '--flavor', 'm1.nano', '--image', 'cirros', '--network', 'vm-net', '--wait', 'vm-1'])) as Row;
    expect(server.addresses).toEqual({ 'vm-net': ['10.23.0.3'] });
    const ports = (await openstack(['port', 'list', '--server', 'vm-1'])) as Row[];
    expect(ports).toEqual([expect.objectContaining({ Status: 'ACTIVE', 'Fixed IP Addresses': [expect.objectContaining({ ip_address: '10.23.0.3' })] })]);
    portId = ports[0]!.ID;
  });

  it('floating ip create, set --port (seen in server show), unset, delete', async () => {
    const fip = (await openstack(['floating', 'ip', 'create', 'public'])) as Row;
    expect(fip).toMatchObject({ status: 'DOWN', port_id: null, floating_ip_address: expect.stringMatching(/^172\.24\.4\./) });
    await quiet(['floating', 'ip', 'set', '--port', portId, fip.floating_ip_address]);
    expect(await openstack(['floating', 'ip', 'show', fip.id])).toMatchObject({ status: 'ACTIVE', fixed_ip_address: '10.23.0.3', port_id: portId });
    const shown = (await openstack(['server', 'show', 'vm-1'])) as Row;
    expect(shown.addresses).toEqual({ 'vm-net': ['10.23.0.3', fip.floating_ip_address] });
    const listed = (await openstack(['floating', 'ip', 'list'])) as Row[];
    expect(listed).toEqual([expect.objectContaining({ ID: fip.id, 'Fixed IP Address': '10.23.0.3' })]);
    await quiet(['floating', 'ip', 'unset', '--port', fip.id]);
    expect(await openstack(['floating', 'ip', 'show', fip.id])).toMatchObject({ status: 'DOWN', port_id: null });
    await quiet(['floating', 'ip', 'delete', fip.id]);
  });

  it('server delete takes its port with it', async () => {
    await quiet(['server', 'delete', '--wait', 'vm-1']);
    expect(await openstack(['port', 'list', '--network', 'vm-net', '--device-owner', 'compute:nova'])).toEqual([]);
  });
});
