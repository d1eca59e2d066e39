// python-openstackclient against the embedded Neutron's security groups: `security group
// create/list/show/set/delete`, `security group rule create/list/show/delete` (ssh from
// anywhere, icmp, a duplicate refused, bad input refused) and `server add/remove security
// group`. A project of its own keeps the groups and quotas apart from the other files.

import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ownProject, runOpenstack } from './cli';

const cloudUrl = inject('cloudUrl');
const { asMember, openstack, createProject } = ownProject(cloudUrl, 'secgroups');

type Row = Record<string, unknown>;

beforeAll(async () => {
  await createProject();
});

async function refused(args: string[]): Promise<string> {
  const result = await runOpenstack(args, asMember);
  expect(result.code, result.stdout).not.toBe(0);
  return result.stderr;
}

describe('openstack security group', () => {
  it('create, list (with the default group), show, set, delete', async () => {
    const created = (await openstack(['security', 'group', 'create', '--description', 'web servers', 'web'])) as Row;
    expect(created).toMatchObject({ name: 'web', description: 'web servers', stateful: true });
    const rules = created.rules as Row[] | string;
    expect(JSON.stringify(rules)).toContain('egress');

    const listed = (await openstack(['security', 'group', 'list'])) as Row[];
    expect(listed.map((row) => row.Name).sort()).toEqual(['default', 'web']);

    const shown = (await openstack(['security', 'group', 'show', 'web'])) as Row;
    expect(shown.id).toBe(created.id);

    const set = await runOpenstack(['security', 'group', 'set', '--name', 'www', '--description', 'front', 'web'], asMember);
    expect(set.code, set.stderr).toBe(0);
    expect(await openstack(['security', 'group', 'show', 'www', '-c', 'name', '-c', 'description'])).toEqual({ name: 'www', description: 'front' });

    const deleted = await runOpenstack(['security', 'group', 'delete', 'www'], asMember);
    expect(deleted.code, deleted.stderr).toBe(0);
    const gone = await refused(['security', 'group', 'show', 'www']);
    expect(gone).toMatch(/No SecurityGroup found for www/i);
  });

  it('will not delete the default group', async () => {
    const stderr = await refused(['security', 'group', 'delete', 'default']);
    expect(stderr).toContain('Insufficient rights for removing default security group.');
  });
});

describe('openstack security group rule', () => {
  it('ssh from anywhere and icmp: create, list, show; a duplicate is refused; delete', async () => {
    await openstack(['security', 'group', 'create', 'ssh']);
    const ssh = (await openstack([
      'security', 'group', 'rule', 'create', '--protocol', 'tcp', '--dst-port', '22', '--remote-ip', '0.0.0.0/0', 'ssh',
    ])) as Row;
    expect(ssh).toMatchObject({
      direction: 'ingress',
      ether_type: 'IPv4',
      protocol: 'tcp',
      port_range_min: 22,
      port_range_max: 22,
      remote_ip_prefix: '0.0.0.0/0',
    });
    const icmp = (await openstack(['security', 'group', 'rule', 'create', '--protocol', 'icmp', 'ssh'])) as Row;
    expect(icmp).toMatchObject({ protocol: 'icmp', port_range_min: null, port_range_max: null });

    const listed = (await openstack(['security', 'group', 'rule', 'list', '--ingress', 'ssh'])) as Row[];
    expect(listed.map((row) => row['IP Protocol']).sort()).toEqual(['icmp', 'tcp']);
    expect(listed.find((row) => row['IP Protocol'] === 'tcp')).toMatchObject({ 'Port Range': '22:22', 'IP Range': '0.0.0.0/0' });

    const shown = (await openstack(['security', 'group', 'rule', 'show', ssh.id as string])) as Row;
    expect(shown).toMatchObject({ id: ssh.id, protocol: 'tcp' });

    const duplicate = await refused([
      'security', 'group', 'rule', 'create', '--protocol', 'tcp', '--dst-port', '22', '--remote-ip', '0.0.0.0/0', 'ssh', '-f', 'json',
    ]);
    expect(duplicate).toContain(`Security group rule already exists. Rule id is ${ssh.id as string}.`);

    const deleted = await runOpenstack(['security', 'group', 'rule', 'delete', ssh.id as string], asMember);
    expect(deleted.code, deleted.stderr).toBe(0);
    const left = (await openstack(['security', 'group', 'rule', 'list', '--ingress', 'ssh'])) as Row[];
    expect(left.map((row) => row['IP Protocol'])).toEqual(['icmp']);
  });

  it("refuses ports for gre and an IPv6 prefix on an IPv4 rule with Neutron's messages", async () => {
    await openstack(['security', 'group', 'create', 'strict']);
    // The CLI itself refuses a range from > to; Neutron refuses ports where the protocol has none.
    const ports = await refused(['security', 'group', 'rule', 'create', '--protocol', 'gre', '--dst-port', '22', 'strict']);
    expect(ports).toContain('Invalid protocol 47 for port range, only supported for DCCP, SCTP, TCP, UDP, UDPLITE protocols.');
    const prefix = await refused(['security', 'group', 'rule', 'create', '--ethertype', 'IPv4', '--remote-ip', '2001:db8::/64', 'strict']);
    expect(prefix).toContain('Conflicting value ethertype IPv4 for CIDR 2001:db8::/64');
  });
});

describe('openstack server add/remove security group', () => {
  it("applies a group to a running server's ports and takes it off again", async () => {
    await openstack(['security', 'group', 'create', 'extra']);
    const server = (await openstack(['server', 'create', '--flavor', 'm1.nano', '--image', 'cirros', '--wait', 'sg-vm'])) as Row;
    expect(server.status).toBe('ACTIVE');
    const add = await runOpenstack(['server', 'add', 'security', 'group', 'sg-vm', 'extra'], asMember);
    expect(add.code, add.stderr).toBe(0);
    const withExtra = (await openstack(['server', 'show', 'sg-vm', '-c', 'security_groups'])) as Row;
    expect(JSON.stringify(withExtra.security_groups)).toContain('extra');

    const remove = await runOpenstack(['server', 'remove', 'security', 'group', 'sg-vm', 'extra'], asMember);
    expect(remove.code, remove.stderr).toBe(0);
    const after = (await openstack(['server', 'show', 'sg-vm', '-c', 'security_groups'])) as Row;
    expect(JSON.stringify(after.security_groups)).not.toContain('extra');
    expect(JSON.stringify(after.security_groups)).toContain('default');

    const unknown = await refused(['server', 'add', 'security', 'group', 'sg-vm', 'missing']);
    expect(unknown).toContain('(HTTP 404)');
  });
});
