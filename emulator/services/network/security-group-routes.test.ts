// Neutron security groups and rules through /networking/v2.0, as a client holding a token
// sees them: the default group, groups with their egress rules, rule checks against the
// store (remote groups of other projects, duplicates, quota) and the delete refusals.

import { describe, expect, it } from 'vitest';
import { FIXTURE_SECURITY_GROUPS } from '../../seeds/heat-fixtures';
import { PROJECT_IDS } from '../../seeds/ids';
import { call, useTestCloud } from '../../testing/test-cloud';
import { neutronCaller } from './network-testing';

const cloud = useTestCloud({ build: { seed: 'demo' }, resetBeforeEach: 'demo', login: true });

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const neutron = (token: string, method: Method, path: string, body?: unknown) =>
  call(cloud.app, token, method, `/networking/v2.0${path}`, body);

type Wire = Record<string, unknown>;

async function createGroup(token: string, name: string): Promise<Wire> {
  const response = await neutron(token, 'POST', '/security-groups', { security_group: { name } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().security_group;
}

async function addRule(token: string, rule: Wire): Promise<{ status: number; body: Wire }> {
  const response = await neutron(token, 'POST', '/security-group-rules', { security_group_rule: rule });
  return { status: response.statusCode, body: response.json() };
}

const error = (body: Wire) => body.NeutronError as { type: string; message: string };

describe('security groups', () => {
  it("lists the project's default group on first use, with Neutron's four rules", async () => {
    const response = await neutron(cloud.demo, 'GET', '/security-groups');
    expect(response.statusCode).toBe(200);
    // The demo seed also has the groups the Heat templates of the guides name.
    const groups = response.json().security_groups as Wire[];
    expect(groups.map((g) => g.name)).toEqual(['default', ...FIXTURE_SECURITY_GROUPS]);
    const [group] = groups;
    expect(group).toMatchObject({
      name: 'default',
      description: 'Default security group',
      project_id: PROJECT_IDS.demo,
      tenant_id: PROJECT_IDS.demo,
      stateful: true,
      revision_number: 0,
    });
    const rules = group!.security_group_rules as Wire[];
    expect(rules.map((rule) => [rule.direction, rule.ethertype, rule.remote_group_id])).toEqual([
      ['egress', 'IPv4', null],
      ['ingress', 'IPv4', group!.id],
      ['egress', 'IPv6', null],
      ['ingress', 'IPv6', group!.id],
    ]);
    expect(rules.every((rule) => rule.belongs_to_default_sg === true && rule.protocol === null)).toBe(true);
    // Listing again does not make a second one.
    expect((await neutron(cloud.demo, 'GET', '/security-groups')).json().security_groups).toHaveLength(groups.length);
  });

  it('creates a group with two egress rules, shows, renames and deletes it', async () => {
    const group = await createGroup(cloud.demo, 'web');
    expect(group).toMatchObject({ name: 'web', description: '', stateful: true, project_id: PROJECT_IDS.demo });
    expect((group.security_group_rules as Wire[]).map((rule) => [rule.direction, rule.ethertype, rule.belongs_to_default_sg])).toEqual([
      ['egress', 'IPv4', false],
      ['egress', 'IPv6', false],
    ]);
    const names = (await neutron(cloud.demo, 'GET', '/security-groups?fields=name')).json().security_groups;
    expect(names).toEqual([{ name: 'default' }, ...FIXTURE_SECURITY_GROUPS.map((name) => ({ name })), { name: 'web' }]);

    const renamed = await neutron(cloud.demo, 'PUT', `/security-groups/${group.id}`, {
      security_group: { name: 'www', description: 'front end' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().security_group).toMatchObject({ name: 'www', description: 'front end', revision_number: 1 });
    const stale = await call(cloud.app, cloud.demo, 'PUT', `/networking/v2.0/security-groups/${group.id}`, { security_group: { name: 'x' } }, {
      'if-match': 'revision_number=0',
    });
    expect(stale.statusCode).toBe(412);
    expect(error(stale.json())).toMatchObject({ type: 'RevisionNumberConstraintFailed', message: 'Constrained to 0, but current revision is 1' });

    expect((await neutron(cloud.demo, 'DELETE', `/security-groups/${group.id}`)).statusCode).toBe(204);
    const gone = await neutron(cloud.demo, 'GET', `/security-groups/${group.id}`);
    expect(gone.statusCode).toBe(404);
    expect(error(gone.json())).toEqual({
      type: 'SecurityGroupNotFound',
      message: `Security group ${group.id} does not exist`,
      detail: '',
    });
  });

  it('refuses a second "default", renaming or deleting the default group', async () => {
    const created = await neutron(cloud.demo, 'POST', '/security-groups', { security_group: { name: 'Default' } });
    expect(created.statusCode).toBe(409);
    expect(error(created.json())).toMatchObject({ type: 'SecurityGroupDefaultAlreadyExists', message: 'Default security group already exists.' });

    const [group] = (await neutron(cloud.demo, 'GET', '/security-groups?name=default')).json().security_groups as Wire[];
    const renamed = await neutron(cloud.demo, 'PUT', `/security-groups/${group!.id}`, { security_group: { name: 'open' } });
    expect(renamed.statusCode).toBe(409);
    expect(error(renamed.json())).toMatchObject({ type: 'SecurityGroupCannotUpdateDefault', message: 'Updating default security group not allowed.' });
    const described = await neutron(cloud.demo, 'PUT', `/security-groups/${group!.id}`, { security_group: { description: 'ours' } });
    expect(described.statusCode).toBe(200);

    const deleted = await neutron(cloud.demo, 'DELETE', `/security-groups/${group!.id}`);
    expect(deleted.statusCode).toBe(409);
    expect(error(deleted.json())).toMatchObject({
      type: 'SecurityGroupCannotRemoveDefault',
      message: 'Insufficient rights for removing default security group.',
    });
  });

  it("hides other projects' groups from members and shows them to admins", async () => {
    const group = await createGroup(cloud.demo, 'private');
    expect((await neutron(cloud.admin, 'GET', `/security-groups/${group.id}`)).statusCode).toBe(200);
    const adminList = (await neutron(cloud.admin, 'GET', `/security-groups?project_id=${PROJECT_IDS.demo}`)).json();
    expect((adminList.security_groups as Wire[]).map((g) => g.name)).toEqual(['default', ...FIXTURE_SECURITY_GROUPS, 'private']);
    const adminOwn = await createGroup(cloud.admin, 'ops');
    expect((await neutron(cloud.demo, 'GET', `/security-groups/${adminOwn.id}`)).statusCode).toBe(404);
    const demoList = (await neutron(cloud.demo, 'GET', '/security-groups')).json().security_groups as Wire[];
    expect(demoList.map((g) => g.name)).toEqual(['default', ...FIXTURE_SECURITY_GROUPS, 'private']);
  });

  it('refuses to delete a group bound to a port, then deletes it once the port lets go', async () => {
    const { create, networkWithSubnet } = neutronCaller(() => cloud.app);
    const group = await createGroup(cloud.demo, 'bound');
    const { network } = await networkWithSubnet(cloud.demo, 'sg-net', '10.20.0.0/24');
    const port = await create(cloud.demo, 'ports', 'port', { network_id: network.id, security_groups: [group.id] });
    const refused = await neutron(cloud.demo, 'DELETE', `/security-groups/${group.id}`);
    expect(refused.statusCode).toBe(409);
    expect(error(refused.json())).toMatchObject({ type: 'SecurityGroupInUse', message: `Security Group ${group.id} in use.` });
    expect((await neutron(cloud.demo, 'DELETE', `/ports/${port.id}`)).statusCode).toBe(204);
    expect((await neutron(cloud.demo, 'DELETE', `/security-groups/${group.id}`)).statusCode).toBe(204);
  });

  it('counts groups against the security_group quota (the default group included)', async () => {
    const held = (await neutron(cloud.demo, 'GET', '/security-groups')).json().security_groups.length;
    const quota = await neutron(cloud.admin, 'PUT', `/quotas/${PROJECT_IDS.demo}`, { quota: { security_group: held + 1 } });
    expect(quota.statusCode).toBe(200);
    await createGroup(cloud.demo, 'one');
    const refused = await neutron(cloud.demo, 'POST', '/security-groups', { security_group: { name: 'two' } });
    expect(refused.statusCode).toBe(409);
    expect(error(refused.json())).toMatchObject({ type: 'OverQuota', message: "Quota exceeded for resources: ['security_group']." });
  });

  it('refuses unknown attributes and bad values as the attribute map does', async () => {
    const unknown = await neutron(cloud.demo, 'POST', '/security-groups', { security_group: { name: 'x', rules: [] } });
    expect(unknown.statusCode).toBe(400);
    expect(error(unknown.json())).toMatchObject({ type: 'HTTPBadRequest', message: "Unrecognized attribute(s) 'rules'" });
    const long = await neutron(cloud.demo, 'POST', '/security-groups', { security_group: { name: 'n'.repeat(256) } });
    expect(long.statusCode).toBe(400);
    const missing = await neutron(cloud.demo, 'POST', '/security-groups', { name: 'x' });
    expect(error(missing.json()).message).toBe("Unable to find 'security_group' in request body");
  });
});

describe('security group rules', () => {
  it('adds ssh from anywhere, lists it by filter, shows and deletes it; the group counts a revision', async () => {
    const group = await createGroup(cloud.demo, 'ssh');
    const { status, body } = await addRule(cloud.demo, {
      security_group_id: group.id,
      direction: 'ingress',
      protocol: 'tcp',
      port_range_min: 22,
      port_range_max: 22,
      remote_ip_prefix: '0.0.0.0/0',
    });
    expect(status).toBe(201);
    const rule = body.security_group_rule as Wire;
    expect(rule).toMatchObject({
      security_group_id: group.id,
      project_id: PROJECT_IDS.demo,
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      port_range_min: 22,
      port_range_max: 22,
      remote_ip_prefix: '0.0.0.0/0',
      normalized_cidr: '0.0.0.0/0',
      remote_group_id: null,
      belongs_to_default_sg: false,
    });
    const listed = await neutron(cloud.demo, 'GET', `/security-group-rules?security_group_id=${group.id}&direction=ingress`);
    expect((listed.json().security_group_rules as Wire[]).map((r) => r.id)).toEqual([rule.id]);
    expect((await neutron(cloud.demo, 'GET', `/security-groups/${group.id}`)).json().security_group.revision_number).toBe(1);
    expect((await neutron(cloud.demo, 'GET', `/security-group-rules/${rule.id}`)).json().security_group_rule.id).toBe(rule.id);

    expect((await neutron(cloud.demo, 'DELETE', `/security-group-rules/${rule.id}`)).statusCode).toBe(204);
    const gone = await neutron(cloud.demo, 'GET', `/security-group-rules/${rule.id}`);
    expect(error(gone.json())).toMatchObject({ type: 'SecurityGroupRuleNotFound', message: `Security group rule ${rule.id} does not exist` });
  });

  it('refuses a duplicate, naming the rule that exists, however the same rule is written', async () => {
    const group = await createGroup(cloud.demo, 'dup');
    const first = await addRule(cloud.demo, { security_group_id: group.id, direction: 'ingress', protocol: 'tcp', port_range_min: 80, port_range_max: 80 });
    const id = (first.body.security_group_rule as Wire).id;
    const again = await addRule(cloud.demo, {
      security_group_id: group.id, direction: 'ingress', protocol: '6', port_range_min: 80, port_range_max: 80, remote_ip_prefix: '0.0.0.0/0',
    });
    expect(again.status).toBe(409);
    expect(error(again.body)).toMatchObject({ type: 'SecurityGroupRuleExists', message: `Security group rule already exists. Rule id is ${id}.` });
    // The group's own egress rule is a rule like any other.
    const egress = await addRule(cloud.demo, { security_group_id: group.id, direction: 'egress', ethertype: 'IPv6' });
    expect(egress.status).toBe(409);
  });

  it('takes a remote group of the same project, refuses one of another project as not found', async () => {
    const group = await createGroup(cloud.demo, 'app');
    const peers = await createGroup(cloud.demo, 'db');
    const allowed = await addRule(cloud.demo, { security_group_id: group.id, direction: 'ingress', remote_group_id: peers.id });
    expect(allowed.status).toBe(201);
    const foreign = await createGroup(cloud.admin, 'admin-only');
    const refused = await addRule(cloud.demo, { security_group_id: group.id, direction: 'ingress', remote_group_id: foreign.id });
    expect(refused.status).toBe(404);
    expect(error(refused.body)).toMatchObject({ type: 'SecurityGroupNotFound', message: `Security group ${foreign.id} does not exist` });
    const otherGroup = await addRule(cloud.demo, { security_group_id: foreign.id, direction: 'ingress' });
    expect(otherGroup.status).toBe(404);

    // Deleting the remote group takes the rules that name it along.
    expect((await neutron(cloud.demo, 'DELETE', `/security-groups/${peers.id}`)).statusCode).toBe(204);
    const rules = (await neutron(cloud.demo, 'GET', `/security-groups/${group.id}`)).json().security_group.security_group_rules as Wire[];
    expect(rules.map((rule) => rule.direction)).toEqual(['egress', 'egress']);
  });

  it('answers bad input with 400 and Neutron types before touching the store', async () => {
    const group = await createGroup(cloud.demo, 'bad');
    const range = await addRule(cloud.demo, { security_group_id: group.id, direction: 'ingress', protocol: 'tcp', port_range_min: 90, port_range_max: 80 });
    expect(range.status).toBe(400);
    expect(error(range.body).type).toBe('SecurityGroupInvalidPortRange');
    const icmp = await addRule(cloud.demo, { security_group_id: group.id, direction: 'ingress', protocol: 'icmp', port_range_max: 0 });
    expect(error(icmp.body).type).toBe('SecurityGroupMissingIcmpType');
    const conflict = await addRule(cloud.demo, { security_group_id: group.id, direction: 'ingress', ethertype: 'IPv6', remote_ip_prefix: '10.0.0.0/8' });
    expect(error(conflict.body)).toMatchObject({ type: 'SecurityGroupRuleParameterConflict', message: 'Conflicting value ethertype IPv6 for CIDR 10.0.0.0/8' });
    const missing = await addRule(cloud.demo, { security_group_id: 'nope', direction: 'ingress' });
    expect(missing.status).toBe(404);
  });

  it('keeps the prefix as written and shows it normalised', async () => {
    const group = await createGroup(cloud.demo, 'cidr');
    const { body } = await addRule(cloud.demo, { security_group_id: group.id, direction: 'ingress', remote_ip_prefix: '10.0.0.5/24' });
    expect(body.security_group_rule).toMatchObject({ remote_ip_prefix: '10.0.0.5/24', normalized_cidr: '10.0.0.0/24' });
  });

  it('counts rules against the security_group_rule quota, the default rules included', async () => {
    // The seed's rules (default group and the guides' groups) count too.
    const held = (await neutron(cloud.demo, 'GET', '/security-group-rules')).json().security_group_rules.length;
    await neutron(cloud.admin, 'PUT', `/quotas/${PROJECT_IDS.demo}`, { quota: { security_group_rule: held + 3 } });
    const group = await createGroup(cloud.demo, 'quota'); // + 2 egress rules
    const seventh = await addRule(cloud.demo, { security_group_id: group.id, direction: 'ingress', protocol: 'icmp' });
    expect(seventh.status).toBe(201);
    const eighth = await addRule(cloud.demo, { security_group_id: group.id, direction: 'ingress', protocol: 'udp', port_range_min: 53, port_range_max: 53 });
    expect(eighth.status).toBe(409);
    expect(error(eighth.body)).toMatchObject({ type: 'OverQuota', message: "Quota exceeded for resources: ['security_group_rule']." });
  });
});
