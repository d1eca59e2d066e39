import { describe, expect, it } from 'vitest';

import { OpenStackError } from '../errors';
import { useFakeService } from '../fake-service';
import { neutronClient } from './client';
import {
  createSecurityGroup,
  createSecurityGroupRule,
  deleteSecurityGroupRule,
  listSecurityGroups,
  securityGroupRefusal,
  updateSecurityGroup,
} from './security-groups';

const RULE = {
  id: 'r1', security_group_id: 'sg-1', project_id: 'p1', tenant_id: 'p1', direction: 'ingress', ethertype: 'IPv4',
  protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '203.0.113.0/24', remote_group_id: null, description: '',
};
const GROUP = { id: 'sg-1', name: 'web', description: 'front', project_id: 'p1', tenant_id: 'p1', stateful: true, security_group_rules: [RULE] };

const fake = useFakeService();
const neutron = () => neutronClient(`${fake.url}/networking`, 'tok');

describe('security groups', () => {
  it('list a project’s groups with their rules', async () => {
    fake.on('GET /networking/v2.0/security-groups', { status: 200, body: { security_groups: [GROUP] } });
    const [group] = await listSecurityGroups(neutron(), { project_id: 'p1' });
    expect(fake.requests[0]?.url).toBe('/networking/v2.0/security-groups?project_id=p1');
    expect(group).toMatchObject({ name: 'web', rules: [{ protocol: 'tcp', portRangeMin: 22, remoteIpPrefix: '203.0.113.0/24' }] });
  });

  it('create and rename with Neutron’s body shapes', async () => {
    fake.on('POST /networking/v2.0/security-groups', { status: 201, body: { security_group: GROUP } });
    fake.on('PUT /networking/v2.0/security-groups/sg-1', { status: 200, body: { security_group: { ...GROUP, name: 'www' } } });
    await createSecurityGroup(neutron(), { name: 'web', description: 'front' });
    expect((await updateSecurityGroup(neutron(), 'sg-1', { name: 'www' })).name).toBe('www');
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({ security_group: { name: 'web', description: 'front' } });
    expect(JSON.parse(fake.requests[1]!.body)).toEqual({ security_group: { name: 'www' } });
  });

  it('add a rule with every attribute named, and delete one', async () => {
    fake.on('POST /networking/v2.0/security-group-rules', { status: 201, body: { security_group_rule: RULE } });
    fake.on('DELETE /networking/v2.0/security-group-rules/r1', { status: 204 });
    const rule = await createSecurityGroupRule(neutron(), {
      securityGroupId: 'sg-1', direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22,
      remoteIpPrefix: '203.0.113.0/24', remoteGroupId: null, description: '',
    });
    await deleteSecurityGroupRule(neutron(), 'r1');
    expect(rule.id).toBe('r1');
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({
      security_group_rule: {
        security_group_id: 'sg-1', direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 22, port_range_max: 22,
        remote_ip_prefix: '203.0.113.0/24', remote_group_id: null,
      },
    });
    expect(fake.requests[1]?.method).toBe('DELETE');
  });

  it('name Neutron’s refusals from the fault type it gives', async () => {
    const refusal = async (type: string, status = 409) => {
      fake.on('POST /networking/v2.0/security-group-rules', { status, body: { NeutronError: { type, message: 'refused', detail: '' } } });
      return createSecurityGroupRule(neutron(), {
        securityGroupId: 'sg-1', direction: 'ingress', ethertype: 'IPv4', protocol: null, portRangeMin: null, portRangeMax: null,
        remoteIpPrefix: null, remoteGroupId: null, description: '',
      }).then(() => 'created', (error: unknown) => {
        expect(error).toBeInstanceOf(OpenStackError);
        return securityGroupRefusal(error);
      });
    };
    expect(await refusal('SecurityGroupRuleExists')).toBe('rule_exists');
    expect(await refusal('OverQuota')).toBe('over_quota');
    expect(await refusal('SecurityGroupInUse')).toBe('in_use');
    expect(await refusal('SecurityGroupCannotRemoveDefault')).toBe('default_group');
    expect(await refusal('BadRequest', 400)).toBeNull();
  });
});
