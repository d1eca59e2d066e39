import { describe, expect, it } from 'vitest';

import type { SecurityGroupRule } from '../openstack/neutron/types';
import { outsideIngressRules } from './outside-ingress';

function rule(fields: Partial<SecurityGroupRule>): SecurityGroupRule {
  return {
    id: fields.id ?? 'r',
    securityGroupId: 'g',
    projectId: 'p',
    direction: 'ingress',
    ethertype: 'IPv4',
    protocol: null,
    portRangeMin: null,
    portRangeMax: null,
    remoteIpPrefix: null,
    remoteGroupId: null,
    description: '',
    createdAt: null,
    ...fields,
  };
}

const defaultGroup = {
  id: 'default',
  rules: [
    rule({ id: 'e4', direction: 'egress' }),
    rule({ id: 'e6', direction: 'egress', ethertype: 'IPv6' }),
    rule({ id: 'i4', remoteGroupId: 'default' }),
    rule({ id: 'i6', ethertype: 'IPv6', remoteGroupId: 'default' }),
  ],
};

describe('outsideIngressRules', () => {
  it('finds nothing for the default group alone: it admits only its own members', () => {
    expect(outsideIngressRules([defaultGroup])).toEqual([]);
  });

  it('finds an SSH rule from a CIDR', () => {
    const ssh = rule({ id: 'ssh', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '0.0.0.0/0' });
    expect(outsideIngressRules([defaultGroup, { id: 'ssh-group', rules: [ssh] }]).map((r) => r.id)).toEqual(['ssh']);
  });

  it('reads a rule with no remote as open to anywhere', () => {
    expect(outsideIngressRules([{ id: 'open', rules: [rule({ id: 'any' })] }]).map((r) => r.id)).toEqual(['any']);
  });

  it('counts a remote group that the instance is not in as outside traffic', () => {
    const fromWeb = rule({ id: 'from-web', remoteGroupId: 'web' });
    expect(outsideIngressRules([{ id: 'db', rules: [fromWeb] }]).map((r) => r.id)).toEqual(['from-web']);
    expect(outsideIngressRules([{ id: 'db', rules: [fromWeb] }, { id: 'web', rules: [] }])).toEqual([]);
  });

  it('ignores egress rules', () => {
    expect(outsideIngressRules([{ id: 'out', rules: [rule({ direction: 'egress', remoteIpPrefix: '0.0.0.0/0' })] }])).toEqual([]);
  });
});
