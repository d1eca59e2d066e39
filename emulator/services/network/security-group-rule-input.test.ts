import { describe, expect, it } from 'vitest';
import { ApiError } from '../../http/api-error';
import { parsePrefix, parseSecurityGroupRule, ruleKey, type ParsedRule } from './security-group-rule-input';

const GROUP = '5b2e6a1c-0000-4000-8000-000000000001';
const OTHER = '5b2e6a1c-0000-4000-8000-000000000002';

function parse(fields: Record<string, unknown>): ParsedRule {
  return parseSecurityGroupRule({ security_group_rule: { security_group_id: GROUP, direction: 'ingress', ...fields } });
}

function refusal(fields: Record<string, unknown>): { status: number; type: string | undefined; message: string } {
  try {
    parse(fields);
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, type: error.type, message: error.message };
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(fields)}`);
}

describe('parseSecurityGroupRule accepts what Neutron accepts', () => {
  it.each([
    ['ssh from anywhere', { protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0' },
      { protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0', normalized_cidr: '0.0.0.0/0' }],
    ['a port range given as digit strings', { protocol: 'udp', port_range_min: '1000', port_range_max: '2000' },
      { protocol: 'udp', port_range_min: 1000, port_range_max: 2000 }],
    ['protocol names in any case', { protocol: 'TCP', port_range_min: 80, port_range_max: 80 }, { protocol: 'tcp' }],
    ['any protocol as null', { protocol: null }, { protocol: null, port_range_min: null, port_range_max: null }],
    ['any protocol as "any"', { protocol: 'any' }, { protocol: null }],
    ['a protocol number', { protocol: 47 }, { protocol: '47' }],
    ['a protocol number with ports', { protocol: '6', port_range_min: 443, port_range_max: 443 }, { protocol: '6' }],
    ['icmp with type and code', { protocol: 'icmp', port_range_min: 8, port_range_max: 0 },
      { protocol: 'icmp', port_range_min: 8, port_range_max: 0 }],
    ['icmp with a type only', { protocol: 'icmp', port_range_min: 3 }, { port_range_min: 3, port_range_max: null }],
    ['icmp over IPv6 becomes ipv6-icmp', { protocol: 'icmp', ethertype: 'IPv6' }, { protocol: 'ipv6-icmp' }],
    ['icmpv6 becomes ipv6-icmp', { protocol: 'icmpv6', ethertype: 'ipv6' }, { protocol: 'ipv6-icmp', ethertype: 'IPv6' }],
    ['protocol 1 over IPv6 becomes 58', { protocol: '1', ethertype: 'IPv6' }, { protocol: '58' }],
    ['ethertype in any case', { ethertype: 'ipv4' }, { ethertype: 'IPv4' }],
    ['ethertype defaults to IPv4', {}, { ethertype: 'IPv4', remote_ip_prefix: null, normalized_cidr: null }],
    ['an address becomes a /32', { remote_ip_prefix: '203.0.113.5' },
      { remote_ip_prefix: '203.0.113.5/32', normalized_cidr: '203.0.113.5/32' }],
    ['host bits are kept, normalized_cidr clears them', { remote_ip_prefix: '10.0.0.5/24' },
      { remote_ip_prefix: '10.0.0.5/24', normalized_cidr: '10.0.0.0/24' }],
    ['IPv6 prefixes are printed compactly', { ethertype: 'IPv6', remote_ip_prefix: '2001:DB8:0:0:0:0:0:1/64' },
      { remote_ip_prefix: '2001:db8::1/64', normalized_cidr: '2001:db8::/64' }],
    ['::/0', { ethertype: 'IPv6', remote_ip_prefix: '::/0' }, { remote_ip_prefix: '::/0' }],
    ['a remote group', { remote_group_id: OTHER }, { remote_group_id: OTHER }],
    ['egress', { direction: 'egress' }, { direction: 'egress' }],
    ['the project in the body', { tenant_id: 'p1' }, { project_id: 'p1' }],
    ['a description', { description: 'web' }, { description: 'web' }],
  ])('%s', (_name, fields, expected) => {
    expect(parse(fields)).toMatchObject(expected);
  });
});

describe('parseSecurityGroupRule refuses as Neutron does', () => {
  it.each([
    ['from > to', { protocol: 'tcp', port_range_min: 90, port_range_max: 80 },
      'SecurityGroupInvalidPortRange', 'For TCP/UDP protocols, port_range_min must be <= port_range_max'],
    ['only one end of a tcp range', { protocol: 'tcp', port_range_min: 80 },
      'SecurityGroupInvalidPortRange', 'For TCP/UDP protocols, port_range_min must be <= port_range_max'],
    ['a port above 65535', { protocol: 'tcp', port_range_min: 22, port_range_max: 70000 },
      'SecurityGroupInvalidPortValue', 'Invalid value for port 70000'],
    ['a negative port', { protocol: 'tcp', port_range_min: -1, port_range_max: 22 },
      'SecurityGroupInvalidPortValue', 'Invalid value for port -1'],
    ['port 0 for tcp', { protocol: 'tcp', port_range_min: 0, port_range_max: 22 },
      'SecurityGroupInvalidPortValue', 'Invalid value for port 0'],
    ['a port that is not a number', { protocol: 'tcp', port_range_min: 'ssh', port_range_max: 22 },
      'SecurityGroupInvalidPortValue', 'Invalid value for port ssh'],
    ['ports without a protocol', { port_range_min: 22, port_range_max: 22 },
      'SecurityGroupProtocolRequiredWithPorts', 'Must also specify protocol if port range is given.'],
    ['ports for gre', { protocol: 'gre', port_range_min: 1, port_range_max: 2 },
      'SecurityGroupInvalidProtocolForPort',
      'Invalid protocol 47 for port range, only supported for DCCP, SCTP, TCP, UDP, UDPLITE protocols.'],
    ['an icmp code without a type', { protocol: 'icmp', port_range_max: 0 },
      'SecurityGroupMissingIcmpType', 'ICMP code (port-range-max) 0 is provided but ICMP type (port-range-min) is missing.'],
    ['an icmp type above 255', { protocol: 'icmp', port_range_min: 256 },
      'SecurityGroupInvalidIcmpValue', 'Invalid value for ICMP type (port_range_min) 256. It must be 0 to 255.'],
    ['an icmp code above 255', { protocol: 'icmp', port_range_min: 3, port_range_max: 300 },
      'SecurityGroupInvalidIcmpValue', 'Invalid value for ICMP code (port_range_max) 300. It must be 0 to 255.'],
    ['an unknown protocol', { protocol: 'http' }, 'SecurityGroupRuleInvalidProtocol',
      /^Security group rule protocol http not supported\. Only protocol values \[None, 'ah', .*'tcp', 'udp', 'udplite', 'vrrp'\] and integer representations \[0 to 255\] are supported\.$/],
    ['a protocol number above 255', { protocol: 256 }, 'SecurityGroupRuleInvalidProtocol', /^Security group rule protocol 256 not supported/],
    ['an IPv6 prefix with ethertype IPv4', { remote_ip_prefix: '2001:db8::/64' },
      'SecurityGroupRuleParameterConflict', 'Conflicting value ethertype IPv4 for CIDR 2001:db8::/64'],
    ['an IPv4 address with ethertype IPv6', { ethertype: 'IPv6', remote_ip_prefix: '10.0.0.1' },
      'SecurityGroupRuleParameterConflict', 'Conflicting value ethertype IPv6 for CIDR 10.0.0.1/32'],
    ['ipv6-icmp with ethertype IPv4', { protocol: 'ipv6-icmp' },
      'SecurityGroupEthertypeConflictWithProtocol', 'Invalid ethertype IPv4 for protocol ipv6-icmp.'],
    ['a prefix and a remote group', { remote_ip_prefix: '10.0.0.0/8', remote_group_id: OTHER },
      'SecurityGroupRemoteGroupAndRemoteIpPrefix', 'Only remote_ip_prefix or remote_group_id may be provided.'],
    ['not a CIDR', { remote_ip_prefix: '10.0.0.300/24' }, 'InvalidCIDR', 'Invalid CIDR 10.0.0.300/24 given as IP prefix.'],
    ['a prefix length too long', { remote_ip_prefix: '10.0.0.0/33' }, 'InvalidCIDR', 'Invalid CIDR 10.0.0.0/33 given as IP prefix.'],
    ['two "::"', { ethertype: 'IPv6', remote_ip_prefix: '1::2::3/64' }, 'InvalidCIDR', 'Invalid CIDR 1::2::3/64 given as IP prefix.'],
    ['an unknown ethertype', { ethertype: 'IPv5' }, 'SecurityGroupRuleInvalidEtherType',
      "Security group rule for ethertype 'IPv5' not supported. Allowed values are ['IPv4', 'IPv6']."],
    ['an unknown direction', { direction: 'inbound' }, 'HTTPBadRequest',
      'Invalid input for direction. Reason: inbound is not in valid_values.'],
    ['an unknown attribute', { port: 22 }, 'HTTPBadRequest', "Unrecognized attribute(s) 'port'"],
    ['a description too long', { description: 'x'.repeat(256) }, 'HTTPBadRequest',
      /^Invalid input for description\. Reason: 'x+' exceeds maximum length of 255\.$/],
    ['different project and tenant ids', { project_id: 'a', tenant_id: 'b' }, 'HTTPBadRequest',
      "'project_id' and 'tenant_id' do not match"],
  ])('%s', (_name, fields, type, message) => {
    const error = refusal(fields);
    expect(error.status).toBe(400);
    expect(error.type).toBe(type);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it('needs the resource key and the required attributes', () => {
    expect(() => parseSecurityGroupRule({ rule: {} })).toThrow("Unable to find 'security_group_rule' in request body");
    expect(() => parseSecurityGroupRule({ security_group_rule: { direction: 'ingress' } })).toThrow(
      "Failed to parse request. Required attribute 'security_group_id' not specified",
    );
    expect(() => parseSecurityGroupRule({ security_group_rule: { security_group_id: GROUP } })).toThrow(
      "Failed to parse request. Required attribute 'direction' not specified",
    );
  });
});

describe('ruleKey', () => {
  const key = (fields: Record<string, unknown>): string => ruleKey(parse(fields));

  it('treats a protocol name and its number as the same rule', () => {
    expect(key({ protocol: 'tcp', port_range_min: 22, port_range_max: 22 })).toBe(
      key({ protocol: '6', port_range_min: 22, port_range_max: 22 }),
    );
  });

  it('treats 0.0.0.0/0 and no prefix as the same rule', () => {
    expect(key({ protocol: 'icmp', remote_ip_prefix: '0.0.0.0/0' })).toBe(key({ protocol: 'icmp' }));
    expect(key({ ethertype: 'IPv6', remote_ip_prefix: '::/0' })).toBe(key({ ethertype: 'IPv6' }));
  });

  it('compares prefixes by their network', () => {
    expect(key({ remote_ip_prefix: '10.0.0.5/24' })).toBe(key({ remote_ip_prefix: '10.0.0.0/24' }));
    expect(key({ remote_ip_prefix: '10.0.0.0/24' })).not.toBe(key({ remote_ip_prefix: '10.0.0.0/25' }));
  });

  it('tells directions, ports and remote groups apart', () => {
    const base = { protocol: 'tcp', port_range_min: 22, port_range_max: 22 };
    expect(key(base)).not.toBe(key({ ...base, direction: 'egress' }));
    expect(key(base)).not.toBe(key({ ...base, port_range_max: 23 }));
    expect(key({ remote_group_id: GROUP })).not.toBe(key({ remote_group_id: OTHER }));
  });
});

describe('parsePrefix', () => {
  it.each([
    ['0.0.0.0/0', '0.0.0.0/0', '0.0.0.0/0'],
    ['192.168.1.10', '192.168.1.10/32', '192.168.1.10/32'],
    ['fe80::1%eth0', null, null],
    ['2001:db8:0:1:0:0:0:1/48', '2001:db8:0:1::1/48', '2001:db8::/48'],
    ['2001:0:0:1:0:0:0:1/128', '2001:0:0:1::1/128', '2001:0:0:1::1/128'],
    ['1:2:3:4:5:6:7:8/64', '1:2:3:4:5:6:7:8/64', '1:2:3:4::/64'],
    ['10.1.2.3/8', '10.1.2.3/8', '10.0.0.0/8'],
    ['010.0.0.1/8', null, null],
    ['10.0.0.0/-1', null, null],
    ['', null, null],
  ])('%s', (input, text, normalized) => {
    if (text === null) {
      expect(() => parsePrefix(input)).toThrow(ApiError);
    } else {
      expect(parsePrefix(input)).toMatchObject({ text, normalized });
    }
  });
});
