import { describe, expect, it } from 'vitest';

import { securityGroupRuleInput } from '../validation/security-group-rules';
import { RULE_TEMPLATE_IDS, templatePorts, templateRules } from './rule-templates';

const anywhere = { direction: 'ingress' as const, remoteIpPrefix: null, remoteGroupId: null };

describe('rule templates', () => {
  it('SSH from a CIDR is one TCP 22 rule with the CIDR’s ethertype', () => {
    expect(templateRules('ssh', { ...anywhere, remoteIpPrefix: '203.0.113.0/24' })).toEqual([
      { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '203.0.113.0/24', remoteGroupId: null, description: '' },
    ]);
  });

  it('DNS is two rules, UDP and TCP 53', () => {
    const rules = templateRules('dns', anywhere);
    expect(rules.map((r) => `${r.protocol} ${r.portRangeMin}-${r.portRangeMax}`)).toEqual(['udp 53-53', 'tcp 53-53']);
  });

  it('ping is ICMP echo request, type 8 for IPv4 and 128 for IPv6', () => {
    expect(templateRules('ping', anywhere)[0]).toMatchObject({ protocol: 'icmp', portRangeMin: 8, portRangeMax: null, ethertype: 'IPv4' });
    expect(templateRules('ping', { ...anywhere, remoteIpPrefix: '2001:db8::/32' })[0]).toMatchObject({ protocol: 'ipv6-icmp', portRangeMin: 128, ethertype: 'IPv6' });
  });

  it('all TCP, all UDP and all ICMP cover every port and type', () => {
    expect(templateRules('all-tcp', anywhere)[0]).toMatchObject({ protocol: 'tcp', portRangeMin: 1, portRangeMax: 65535 });
    expect(templateRules('all-udp', anywhere)[0]).toMatchObject({ protocol: 'udp', portRangeMin: 1, portRangeMax: 65535 });
    expect(templateRules('all-icmp', { ...anywhere, ethertype: 'IPv6' })[0]).toMatchObject({ protocol: 'ipv6-icmp', portRangeMin: null, portRangeMax: null, ethertype: 'IPv6' });
  });

  it('from a remote group, not a CIDR, when a group is chosen', () => {
    expect(templateRules('mysql', { ...anywhere, remoteGroupId: 'web' })[0]).toMatchObject({ portRangeMin: 3306, remoteGroupId: 'web', remoteIpPrefix: null });
  });

  it('every template’s rules pass the rule schema; custom has none', () => {
    for (const id of RULE_TEMPLATE_IDS) {
      for (const rule of templateRules(id, { ...anywhere, direction: 'egress', remoteIpPrefix: '10.0.0.0/8' })) {
        expect(securityGroupRuleInput.safeParse(rule).success, id).toBe(true);
      }
    }
    expect(templateRules('custom', anywhere)).toEqual([]);
    expect(templatePorts('dns')).toBe('UDP 53 + TCP 53');
    expect(templatePorts('rdp')).toBe('TCP 3389');
  });
});
