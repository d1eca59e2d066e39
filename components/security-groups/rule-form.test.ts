import { describe, expect, it } from 'vitest';

import type { SecurityGroupRule } from '@/lib/openstack/neutron/types';

import { EMPTY_RULE_FORM, type RuleFormValues, checkRuleForm, derivedEthertype } from './rule-form';

const existingSsh: SecurityGroupRule = {
  id: 'r-ssh', securityGroupId: 'sg', projectId: 'p', direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', portRangeMin: 22,
  portRangeMax: 22, remoteIpPrefix: '203.0.113.0/24', remoteGroupId: null, description: '', createdAt: null,
};
const custom = (change: Partial<RuleFormValues>): RuleFormValues => ({ ...EMPTY_RULE_FORM, template: 'custom', ...change });

describe('the rule editor form', () => {
  it('puts each problem on the field the person typed into', () => {
    expect(checkRuleForm(custom({ portFrom: '70000' }), []).errors).toEqual({ portFrom: 'port_range' });
    expect(checkRuleForm(custom({ portMode: 'range', portFrom: '90', portTo: '80' }), []).errors).toEqual({ portTo: 'port_from_after_to' });
    expect(checkRuleForm(custom({ portMode: 'range', portFrom: '', portTo: '80' }), []).errors).toMatchObject({ portFrom: 'port_required' });
    expect(checkRuleForm(custom({ portFrom: 'ssh' }), []).errors).toEqual({ portFrom: 'not_a_number' });
    expect(checkRuleForm(custom({ protocol: 'icmp', icmpCode: '0' }), []).errors).toEqual({ icmpCode: 'icmp_code_without_type' });
    expect(checkRuleForm(custom({ protocol: 'icmp', icmpType: '300' }), []).errors).toEqual({ icmpType: 'icmp_type_range' });
    expect(checkRuleForm(custom({ protocol: 'other', protocolOther: 'bogus' }), []).errors).toEqual({ protocolOther: 'protocol_unknown' });
    expect(checkRuleForm({ ...EMPTY_RULE_FORM, cidr: '10.0.0.0/40' }, []).errors).toEqual({ cidr: 'invalid_cidr' });
    expect(checkRuleForm({ ...EMPTY_RULE_FORM, remoteKind: 'group' }, []).errors).toEqual({ remoteGroupId: 'remote_group_required' });
  });

  it('refuses a rule the group already has, checked against the loaded rules', () => {
    const result = checkRuleForm({ ...EMPTY_RULE_FORM, cidr: '203.0.113.0/24' }, [existingSsh]);
    expect(result.errors).toEqual({ form: 'duplicate' });
    expect(result.duplicates.map((r) => r.id)).toEqual(['r-ssh']);
  });

  it('sends only the DNS rule that is missing when the other exists', () => {
    const udp = { ...existingSsh, id: 'r-dns', protocol: 'udp', portRangeMin: 53, portRangeMax: 53, remoteIpPrefix: null };
    const result = checkRuleForm({ ...EMPTY_RULE_FORM, template: 'dns' }, [udp]);
    expect(result.rules.map((r) => r.protocol)).toEqual(['tcp']);
    expect(result.duplicates.map((r) => r.id)).toEqual(['r-dns']);
  });

  it('builds custom ICMP, ports and any-protocol rules, IPv6 when the CIDR is', () => {
    const icmp = checkRuleForm(custom({ protocol: 'icmp', icmpType: '128', cidr: '2001:db8::/32' }), []);
    expect(icmp.rules).toMatchObject([{ protocol: 'ipv6-icmp', portRangeMin: 128, portRangeMax: null, ethertype: 'IPv6' }]);
    expect(checkRuleForm(custom({ portMode: 'range', portFrom: '8000', portTo: '8080', direction: 'egress' }), []).rules).toMatchObject([
      { direction: 'egress', protocol: 'tcp', portRangeMin: 8000, portRangeMax: 8080, remoteIpPrefix: null },
    ]);
    expect(checkRuleForm(custom({ protocol: 'any', portFrom: '22' }), []).rules).toMatchObject([{ protocol: null, portRangeMin: null }]);
    expect(derivedEthertype({ ...EMPTY_RULE_FORM, cidr: '::/0' })).toBe('IPv6');
    expect(derivedEthertype({ ...EMPTY_RULE_FORM, cidr: '' })).toBe('IPv4');
  });
});
