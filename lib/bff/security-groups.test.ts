import { beforeEach, describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import {
  addRule,
  addSecurityGroup,
  changeServerSecurityGroup,
  editSecurityGroup,
  loadSecurityGroup,
  loadSecurityGroups,
  loadServerSecurityGroups,
  removeRules,
  removeSecurityGroup,
} from './security-groups';

const N = '/networking/v2.0';
const rule = (id: string, sg: string, change: Record<string, unknown> = {}) => ({
  id, security_group_id: sg, project_id: 'p-demo', direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp',
  port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0', remote_group_id: null, description: '', ...change,
});
const DEFAULT = {
  id: 'sg-default', name: 'default', description: 'Default security group', project_id: 'p-demo',
  security_group_rules: [
    rule('d1', 'sg-default', { protocol: null, port_range_min: null, port_range_max: null, remote_ip_prefix: null, remote_group_id: 'sg-default' }),
    rule('d2', 'sg-default', { direction: 'egress', protocol: null, port_range_min: null, port_range_max: null, remote_ip_prefix: null }),
  ],
};
const WEB = { id: 'sg-web', name: 'web', description: '', project_id: 'p-demo', security_group_rules: [rule('w1', 'sg-web')] };
const PORTS = [
  { id: 'port-1', device_id: 'vm-1', device_owner: 'compute:nova', security_groups: ['sg-default', 'sg-web'], fixed_ips: [{ subnet_id: 's', ip_address: '10.0.0.5' }] },
  { id: 'port-2', device_id: 'vm-1', device_owner: 'compute:nova', security_groups: ['sg-web'], fixed_ips: [] },
  { id: 'port-3', device_id: 'router-1', device_owner: 'network:router_interface', security_groups: [], fixed_ips: [] },
];

const fake = useFakeService();
const ctx = () => fakeScope(fake.url);
const writes = () => fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);
const neutronError = (status: number, type: string, message: string) => ({ status, body: { NeutronError: { type, message, detail: '' } } });

beforeEach(() => {
  fake.on(`GET ${N}/security-groups`, { status: 200, body: { security_groups: [WEB, DEFAULT] } });
  fake.on(`GET ${N}/security-groups/sg-web`, { status: 200, body: { security_group: WEB } });
  fake.on(`GET ${N}/security-groups/sg-default`, { status: 200, body: { security_group: DEFAULT } });
  fake.on(`GET ${N}/ports`, { status: 200, body: { ports: PORTS } });
  fake.on(`POST ${N}/security-group-rules`, (request) => ({ status: 201, body: { security_group_rule: { ...JSON.parse(request.body).security_group_rule, id: 'new' } } }));
});

describe('the security groups list', () => {
  it('puts default first and counts rules, ports and instances from one ports call', async () => {
    const view = await loadSecurityGroups(ctx());
    expect(view.groups.map((g) => [g.name, g.ruleCount, g.ingressCount, g.usage])).toEqual([
      ['default', 2, 1, { ports: 1, instances: 1 }],
      ['web', 1, 1, { ports: 2, instances: 1 }],
    ]);
    expect(view.groupNames).toEqual({ 'sg-web': 'web', 'sg-default': 'default' });
    const portsCall = fake.requests.find((r) => r.url.startsWith(`${N}/ports`));
    expect(portsCall?.url).toBe(`${N}/ports?project_id=p-demo&fields=id&fields=device_id&fields=device_owner&fields=security_groups`);
    expect(fake.requests.find((r) => r.url.startsWith(`${N}/security-groups`))?.url).toBe(`${N}/security-groups?project_id=p-demo`);
  });

  it('still lists the groups when counting ports fails', async () => {
    fake.on(`GET ${N}/ports`, neutronError(503, 'ServiceUnavailable', 'down'));
    const view = await loadSecurityGroups(ctx());
    expect(view.groups.every((g) => g.usage === null)).toBe(true);
    expect(view.usageError).toMatchObject({ status: 503, service: 'network', requestId: 'req-fake' });
  });
});

describe('a group', () => {
  it('comes with the project’s groups to pick a remote from, and the rule quota when there is one', async () => {
    fake.on(`GET ${N}/quotas/p-demo/details`, { status: 200, body: { quota: { security_group_rule: { used: 3, limit: 100, reserved: 0 } } } });
    const view = await loadSecurityGroup(ctx(), 'sg-default');
    expect(view).toMatchObject({ isDefault: true, usage: { ports: 1, instances: 1 }, ruleQuota: { used: 3, limit: 100 } });
    expect(view.projectGroups.map((g) => g.name)).toEqual(['default', 'web']);
    // Naming the project's groups needs no rules: only ids and names are asked for.
    expect(fake.requests.map((r) => r.url)).toContain(`${N}/security-groups?project_id=p-demo&fields=id&fields=name`);
  });

  it('default cannot be deleted or renamed, and nothing is sent', async () => {
    await expect(removeSecurityGroup(ctx(), 'sg-default')).rejects.toMatchObject({ payload: { status: 409, code: 'secgroup.default_group' } });
    await expect(editSecurityGroup(ctx(), 'sg-default', { name: 'open' })).rejects.toMatchObject({ payload: { fields: { name: 'default_rename' } } });
    expect(writes()).toEqual([]);
  });

  it('in use is explained as such, with Neutron’s request ID', async () => {
    fake.on(`DELETE ${N}/security-groups/sg-web`, neutronError(409, 'SecurityGroupInUse', 'Security Group sg-web in use.'));
    await expect(removeSecurityGroup(ctx(), 'sg-web')).rejects.toMatchObject({ payload: { status: 409, code: 'secgroup.in_use', requestId: 'req-fake' } });
  });

  it('is created with a name other than default', async () => {
    fake.on(`POST ${N}/security-groups`, { status: 201, body: { security_group: { ...WEB, id: 'sg-new', name: 'db' } } });
    await expect(addSecurityGroup(ctx(), { name: 'default' })).rejects.toMatchObject({ issues: [{ message: 'name_default_reserved' }] });
    expect((await addSecurityGroup(ctx(), { name: ' db ', description: 'MySQL' })).name).toBe('db');
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual({ security_group: { name: 'db', description: 'MySQL' } });
  });
});

describe('rules', () => {
  const ssh = { direction: 'ingress', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '203.0.113.0/24', remoteGroupId: null };

  it('are sent as Neutron takes them', async () => {
    const created = await addRule(ctx(), 'sg-web', ssh);
    expect(created).toMatchObject({ id: 'new', securityGroupId: 'sg-web', remoteIpPrefix: '203.0.113.0/24', ethertype: 'IPv4' });
    expect(writes()).toEqual([`POST ${N}/security-group-rules`]);
  });

  it('that repeat an existing rule are refused before sending', async () => {
    await expect(addRule(ctx(), 'sg-web', { ...ssh, remoteIpPrefix: null })).rejects.toMatchObject({
      payload: { status: 409, code: 'secgroup.already_has_rule', fields: { form: 'duplicate' } },
    });
    expect(writes()).toEqual([]);
  });

  it('from a group of another project are refused at the field', async () => {
    fake.on(`GET ${N}/security-groups?id=sg-alien&project_id=p-demo`, { status: 200, body: { security_groups: [] } });
    await expect(addRule(ctx(), 'sg-web', { ...ssh, remoteIpPrefix: null, remoteGroupId: 'sg-alien' })).rejects.toMatchObject({
      payload: { status: 400, fields: { remoteGroupId: 'remote_group_other_project' } },
    });
    expect(writes()).toEqual([]);
  });

  it('refused by Neutron keep its request ID and say why', async () => {
    fake.on(`POST ${N}/security-group-rules`, neutronError(409, 'OverQuota', "Quota exceeded for resources: ['security_group_rule']."));
    await expect(addRule(ctx(), 'sg-web', { ...ssh, portRangeMin: 80, portRangeMax: 80 })).rejects.toMatchObject({
      payload: { status: 409, code: 'secgroup.over_quota', requestId: 'req-fake', service: 'network' },
    });
    fake.on(`POST ${N}/security-group-rules`, neutronError(409, 'SecurityGroupRuleExists', 'Security group rule already exists. Rule id is x.'));
    await expect(addRule(ctx(), 'sg-web', { ...ssh, portRangeMin: 80, portRangeMax: 80 })).rejects.toMatchObject({ payload: { code: 'secgroup.rule_exists' } });
  });

  it('are deleted several at once, reporting each failure; rules of other groups are refused', async () => {
    const group = { ...WEB, security_group_rules: [rule('w1', 'sg-web'), rule('w2', 'sg-web'), rule('w3', 'sg-web')] };
    fake.on(`GET ${N}/security-groups/sg-web`, { status: 200, body: { security_group: group } });
    fake.on(`DELETE ${N}/security-group-rules/w1`, { status: 204 });
    fake.on(`DELETE ${N}/security-group-rules/w2`, { status: 204 });
    fake.on(`DELETE ${N}/security-group-rules/w3`, neutronError(404, 'SecurityGroupRuleNotFound', 'Security group rule w3 does not exist'));
    const result = await removeRules(ctx(), 'sg-web', { ruleIds: ['w1', 'w2', 'w3'] });
    expect(result.deleted.sort()).toEqual(['w1', 'w2']);
    expect(result.failed).toMatchObject([{ id: 'w3', error: { status: 404 } }]);
    fake.requests.length = 0;
    await expect(removeRules(ctx(), 'sg-web', { ruleIds: ['w1', 'd1'] })).rejects.toMatchObject({ payload: { fields: { ruleIds: 'rule_not_in_group' } } });
    expect(writes()).toEqual([]);
  });
});

describe('an instance’s groups', () => {
  it('are those on its ports; the others of the project can be added', async () => {
    const view = await loadServerSecurityGroups(ctx(), 'vm-1');
    expect(fake.requests.find((r) => r.url.startsWith(`${N}/ports`))?.url).toBe(`${N}/ports?device_id=vm-1`);
    expect(view.applied.map((g) => g.name)).toEqual(['default', 'web']);
    expect(fake.requests.map((r) => r.url)).toContain(`${N}/security-groups?id=sg-default&id=sg-web`);
    expect(view.available).toEqual([]);
    expect(view.ports[0]).toEqual({ portId: 'port-1', addresses: ['10.0.0.5'], portSecurityEnabled: true, securityGroupIds: ['sg-default', 'sg-web'] });
  });

  it('change through Nova’s server actions, by name when the name is unique', async () => {
    fake.on('POST /compute/v2.1/servers/vm-1/action', { status: 202 });
    await changeServerSecurityGroup(ctx(), 'vm-1', { action: 'remove', securityGroupId: 'sg-web' });
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual({ removeSecurityGroup: { name: 'web' } });
    fake.on(`GET ${N}/security-groups`, { status: 200, body: { security_groups: [WEB, DEFAULT, { ...WEB, id: 'sg-web2' }] } });
    await changeServerSecurityGroup(ctx(), 'vm-1', { action: 'add', securityGroupId: 'sg-web2' });
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual({ addSecurityGroup: { name: 'sg-web2' } });
    await expect(changeServerSecurityGroup(ctx(), 'vm-1', { action: 'add', securityGroupId: 'sg-alien' })).rejects.toMatchObject({
      payload: { fields: { securityGroupId: 'group_not_in_project' } },
    });
  });
});
