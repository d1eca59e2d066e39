import { describe, expect, it } from 'vitest';

import { type SecurityGroupRuleRequest, findDuplicateRule, protocolNumber, ruleKey, securityGroupRuleInput } from './security-group-rules';

const base: SecurityGroupRuleRequest = {
  direction: 'ingress',
  protocol: 'tcp',
  portRangeMin: 22,
  portRangeMax: 22,
  remoteIpPrefix: null,
  remoteGroupId: null,
};

/** The first problem the schema names, as "field: message key", or "ok". */
function problem(change: Partial<SecurityGroupRuleRequest>): string {
  const result = securityGroupRuleInput.safeParse({ ...base, ...change });
  if (result.success) return 'ok';
  const issue = result.error.issues[0]!;
  return `${issue.path.join('.')}: ${issue.message}`;
}

describe('a security-group rule is refused at its field', () => {
  it.each<[string, Partial<SecurityGroupRuleRequest>, string]>([
    ['a plain SSH rule', {}, 'ok'],
    ['a port range', { portRangeMin: 8000, portRangeMax: 8080 }, 'ok'],
    ['port 0', { portRangeMin: 0, portRangeMax: 0 }, 'portRangeMin: port_range'],
    ['a port above 65535', { portRangeMin: 22, portRangeMax: 70000 }, 'portRangeMax: port_range'],
    ['from after to', { portRangeMin: 8080, portRangeMax: 8000 }, 'portRangeMax: port_from_after_to'],
    ['a fractional port', { portRangeMin: 22.5 }, 'portRangeMin: not_an_integer'],
    ['ports with any protocol', { protocol: null }, 'portRangeMin: ports_need_protocol'],
    ['ports with GRE', { protocol: 'gre' }, 'portRangeMin: ports_not_supported'],
    ['an unknown protocol name', { protocol: 'tcpp', portRangeMin: null, portRangeMax: null }, 'protocol: protocol_unknown'],
    ['protocol number 256', { protocol: '256', portRangeMin: null, portRangeMax: null }, 'protocol: protocol_unknown'],
    ['protocol number 47', { protocol: '47', portRangeMin: null, portRangeMax: null }, 'ok'],
    ['ICMP type 8 code 0', { protocol: 'icmp', portRangeMin: 8, portRangeMax: 0 }, 'ok'],
    ['ICMP all types', { protocol: 'icmp', portRangeMin: null, portRangeMax: null }, 'ok'],
    ['ICMP code without a type', { protocol: 'icmp', portRangeMin: null, portRangeMax: 0 }, 'portRangeMax: icmp_code_without_type'],
    ['ICMP type 256', { protocol: 'icmp', portRangeMin: 256, portRangeMax: null }, 'portRangeMin: icmp_type_range'],
    ['ICMP code 300', { protocol: 'icmp', portRangeMin: 3, portRangeMax: 300 }, 'portRangeMax: icmp_code_range'],
    ['an invalid CIDR', { remoteIpPrefix: '10.0.0.0/33' }, 'remoteIpPrefix: invalid_cidr'],
    ['a word as CIDR', { remoteIpPrefix: 'office' }, 'remoteIpPrefix: invalid_cidr'],
    ['an IPv6 CIDR under an IPv4 ethertype', { ethertype: 'IPv4', remoteIpPrefix: '2001:db8::/32' }, 'remoteIpPrefix: ethertype_mismatch'],
    ['ICMPv6 from an IPv4 CIDR', { protocol: 'ipv6-icmp', portRangeMin: null, portRangeMax: null, remoteIpPrefix: '10.0.0.0/8' }, 'protocol: icmpv6_needs_ipv6'],
    ['both a CIDR and a group', { remoteIpPrefix: '10.0.0.0/8', remoteGroupId: 'g1' }, 'remoteGroupId: remote_both'],
    ['a long description', { description: 'x'.repeat(256) }, 'description: too_long'],
    ['no direction', { direction: 'sideways' as 'ingress' }, 'direction: direction_required'],
  ])('%s → %s', (_name, change, expected) => {
    expect(problem(change)).toBe(expected);
  });
});

describe('a valid rule is normalised for Neutron', () => {
  it('takes the ethertype from the CIDR and clears host bits', () => {
    const rule = securityGroupRuleInput.parse({ ...base, remoteIpPrefix: ' 2001:DB8::5/64 ' });
    expect(rule).toMatchObject({ ethertype: 'IPv6', remoteIpPrefix: '2001:db8::/64', protocol: 'tcp', description: '' });
    expect(securityGroupRuleInput.parse({ ...base, remoteIpPrefix: '203.0.113.7' }).remoteIpPrefix).toBe('203.0.113.7/32');
  });

  it('sends no prefix for "anywhere" and null for any protocol', () => {
    const rule = securityGroupRuleInput.parse({ ...base, protocol: 'ANY', portRangeMin: null, portRangeMax: null, remoteIpPrefix: '  ', remoteGroupId: '' });
    expect(rule).toMatchObject({ ethertype: 'IPv4', protocol: null, remoteIpPrefix: null, remoteGroupId: null });
  });

  it('makes an ICMPv6 rule without a CIDR IPv6', () => {
    expect(securityGroupRuleInput.parse({ ...base, protocol: 'ipv6-icmp', portRangeMin: null, portRangeMax: null }).ethertype).toBe('IPv6');
  });
});

describe('duplicates', () => {
  const existing = [
    { id: 'r1', direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '0.0.0.0/0', remoteGroupId: null },
    { id: 'r2', direction: 'egress', ethertype: 'IPv4', protocol: null, portRangeMin: null, portRangeMax: null, remoteIpPrefix: null, remoteGroupId: null },
  ] as const;

  it('count an any-address prefix as none and a protocol number as its name, as Neutron does', () => {
    const rule = securityGroupRuleInput.parse({ ...base, protocol: '6' });
    expect(findDuplicateRule(rule, existing)?.id).toBe('r1');
    expect(findDuplicateRule({ ...rule, direction: 'egress', protocol: 'any', portRangeMin: null, portRangeMax: null }, existing)?.id).toBe('r2');
  });

  it('differ by port, direction, ethertype or remote', () => {
    const rule = securityGroupRuleInput.parse(base);
    expect(findDuplicateRule({ ...rule, portRangeMax: 23 }, existing)).toBeNull();
    expect(findDuplicateRule({ ...rule, direction: 'egress' }, existing)).toBeNull();
    expect(findDuplicateRule({ ...rule, ethertype: 'IPv6' }, existing)).toBeNull();
    expect(findDuplicateRule({ ...rule, remoteIpPrefix: '10.0.0.0/8' }, existing)).toBeNull();
    expect(ruleKey({ ...rule, remoteGroupId: 'g' })).not.toBe(ruleKey(rule));
  });

  it('protocol numbers', () => {
    expect([protocolNumber('TCP'), protocolNumber('icmpv6'), protocolNumber('any'), protocolNumber(null), protocolNumber('bogus')]).toEqual([6, 58, 0, null, null]);
  });
});
