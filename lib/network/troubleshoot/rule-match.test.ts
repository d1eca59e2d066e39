import { describe, expect, it } from 'vitest';

import { rule } from './fixtures';
import { type Flow, portsMatch, protocolMatches, remoteMatches, ruleMatch } from './rule-match';

const flow = (fields: Partial<Flow> = {}): Flow => ({
  direction: 'ingress',
  ethertype: 'IPv4',
  protocol: 'tcp',
  port: 22,
  icmpType: null,
  icmpCode: null,
  peer: { kind: 'address', address: '203.0.113.5' },
  peerGroupIds: new Set(),
  ...fields,
});

describe('a rule matches a flow', () => {
  it.each<[string | null, Flow['protocol'], Flow['ethertype'], boolean]>([
    [null, 'tcp', 'IPv4', true],
    ['any', 'udp', 'IPv4', true],
    ['0', 'icmp', 'IPv6', true],
    ['tcp', 'tcp', 'IPv4', true],
    ['TCP', 'tcp', 'IPv4', true],
    ['6', 'tcp', 'IPv4', true],
    ['17', 'udp', 'IPv6', true],
    ['udp', 'tcp', 'IPv4', false],
    ['icmp', 'icmp', 'IPv4', true],
    ['1', 'icmp', 'IPv4', true],
    ['icmp', 'icmp', 'IPv6', true],
    ['ipv6-icmp', 'icmp', 'IPv6', true],
    ['58', 'icmp', 'IPv6', true],
    ['ipv6-icmp', 'icmp', 'IPv4', false],
    ['1', 'icmp', 'IPv6', false],
    ['gre', 'tcp', 'IPv4', false],
  ])('protocol %j for %s over %s: %s', (protocol, p, ethertype, expected) => {
    expect(protocolMatches(protocol, { protocol: p, ethertype })).toBe(expected);
  });

  it('reads a missing upper port as the lower one, and no range as every port', () => {
    expect(portsMatch({ protocol: 'tcp', portRangeMin: 22, portRangeMax: null }, flow({ port: 22 }))).toBe(true);
    expect(portsMatch({ protocol: 'tcp', portRangeMin: 22, portRangeMax: null }, flow({ port: 23 }))).toBe(false);
    expect(portsMatch({ protocol: 'tcp', portRangeMin: null, portRangeMax: null }, flow({ port: 65535 }))).toBe(true);
    expect(portsMatch({ protocol: 'tcp', portRangeMin: 1, portRangeMax: 65535 }, flow({ port: null }))).toBe(false);
  });

  it('compares remote prefixes with addresses and ranges, and remote groups with membership', () => {
    expect(remoteMatches({ remoteIpPrefix: '203.0.113.0/24', remoteGroupId: null }, flow())).toBe('full');
    expect(remoteMatches({ remoteIpPrefix: '203.0.114.0/24', remoteGroupId: null }, flow())).toBe('none');
    expect(remoteMatches({ remoteIpPrefix: '10.0.0.0/25', remoteGroupId: null }, flow({ peer: { kind: 'cidr', cidr: '10.0.0.0/24' } }))).toBe('partial');
    expect(remoteMatches({ remoteIpPrefix: '10.0.0.0/8', remoteGroupId: null }, flow({ peer: { kind: 'cidr', cidr: '10.0.0.0/24' } }))).toBe('full');
    expect(remoteMatches({ remoteIpPrefix: null, remoteGroupId: 'g1' }, flow({ peerGroupIds: new Set(['g1']) }))).toBe('full');
    expect(remoteMatches({ remoteIpPrefix: null, remoteGroupId: 'g1' }, flow())).toBe('none');
  });

  it('requires the direction and ethertype to agree', () => {
    const r = rule({ securityGroupId: 'g', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22 });
    expect(ruleMatch(r, flow())).toBe('full');
    expect(ruleMatch(r, flow({ direction: 'egress' }))).toBe('none');
    expect(ruleMatch(r, flow({ ethertype: 'IPv6', peer: { kind: 'address', address: '2001:db8::5' } }))).toBe('none');
  });
});
