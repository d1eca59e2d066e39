import { describe, expect, it } from 'vitest';

import type { SecurityGroupRule } from '../openstack/neutron/types';
import { describeRule, exposedServices, ruleCliCommand, ruleSummary } from './rule-summary';

const rule = (change: Partial<SecurityGroupRule>): SecurityGroupRule => ({
  id: 'r', securityGroupId: 'sg-web', projectId: 'p', direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp',
  portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '0.0.0.0/0', remoteGroupId: null, description: '', createdAt: null, ...change,
});

describe('a rule in words', () => {
  it.each<[Partial<SecurityGroupRule>, string]>([
    [{}, 'Ingress TCP 22 (SSH) from anywhere (0.0.0.0/0)'],
    [{ remoteIpPrefix: null }, 'Ingress TCP 22 (SSH) from anywhere (0.0.0.0/0)'],
    [{ remoteIpPrefix: '203.0.113.0/24' }, 'Ingress TCP 22 (SSH) from 203.0.113.0/24'],
    [{ portRangeMin: 8000, portRangeMax: 8080 }, 'Ingress TCP 8000-8080 from anywhere (0.0.0.0/0)'],
    [{ portRangeMin: null, portRangeMax: null, protocol: 'udp' }, 'Ingress UDP all from anywhere (0.0.0.0/0)'],
    [{ portRangeMin: 1, portRangeMax: 65535 }, 'Ingress TCP all from anywhere (0.0.0.0/0)'],
    [{ protocol: 'icmp', portRangeMin: 8, portRangeMax: 0 }, 'Ingress ICMP type 8 (echo request) code 0 from anywhere (0.0.0.0/0)'],
    [{ protocol: 'icmp', portRangeMin: null, portRangeMax: null }, 'Ingress ICMP all from anywhere (0.0.0.0/0)'],
    [{ protocol: 'ipv6-icmp', ethertype: 'IPv6', portRangeMin: null, portRangeMax: null, remoteIpPrefix: null }, 'Ingress ICMPv6 all from anywhere (::/0)'],
    [{ protocol: '47', portRangeMin: null, portRangeMax: null }, 'Ingress 47 from anywhere (0.0.0.0/0)'],
    [{ direction: 'egress', protocol: null, portRangeMin: null, portRangeMax: null, remoteIpPrefix: null }, 'Egress any IPv4 to anywhere (0.0.0.0/0)'],
    [{ protocol: null, portRangeMin: null, portRangeMax: null, remoteIpPrefix: null, remoteGroupId: 'sg-web' }, 'Ingress any IPv4 from members of this group'],
    [{ remoteIpPrefix: null, remoteGroupId: 'sg-db' }, 'Ingress TCP 22 (SSH) from members of group db'],
    [{ remoteIpPrefix: null, remoteGroupId: 'sg-gone' }, 'Ingress TCP 22 (SSH) from members of group sg-gone'],
  ])('%o → %s', (change, words) => {
    expect(ruleSummary(rule(change), new Map([['sg-db', 'db']]))).toBe(words);
  });

  it('is structured for translation', () => {
    expect(describeRule(rule({ portRangeMin: 3389, portRangeMax: 3389 }))).toEqual({
      direction: 'ingress', ethertype: 'IPv4', protocol: 'TCP', ports: { kind: 'single', port: 3389, service: 'RDP' }, remote: { kind: 'anywhere', cidr: '0.0.0.0/0' },
    });
  });
});

describe('sensitive services opened to the internet', () => {
  it('names SSH, RDP and MySQL when the internet reaches them', () => {
    expect(exposedServices(rule({}))).toEqual(['SSH']);
    expect(exposedServices(rule({ remoteIpPrefix: '::/0', ethertype: 'IPv6', portRangeMin: 3306, portRangeMax: 3389 }))).toEqual(['MySQL', 'RDP']);
    expect(exposedServices(rule({ protocol: null, portRangeMin: null, portRangeMax: null }))).toEqual(['SSH', 'MySQL', 'RDP']);
  });

  it('stays quiet for a narrow CIDR, a group, egress, UDP or other ports', () => {
    expect(exposedServices(rule({ remoteIpPrefix: '203.0.113.0/24' }))).toEqual([]);
    expect(exposedServices(rule({ remoteIpPrefix: null, remoteGroupId: 'g' }))).toEqual([]);
    expect(exposedServices(rule({ direction: 'egress' }))).toEqual([]);
    expect(exposedServices(rule({ protocol: 'udp' }))).toEqual([]);
    expect(exposedServices(rule({ portRangeMin: 80, portRangeMax: 80 }))).toEqual([]);
  });
});

describe('the CLI equivalent', () => {
  it('names the destination port, ICMP type and code, and the remote', () => {
    expect(ruleCliCommand(rule({ remoteIpPrefix: '203.0.113.0/24' }), 'web')).toBe(
      'openstack security group rule create --ingress --protocol tcp --dst-port 22 --remote-ip 203.0.113.0/24 web',
    );
    expect(ruleCliCommand(rule({ portRangeMin: 8000, portRangeMax: 8080, remoteIpPrefix: null, ethertype: 'IPv6' }), 'my group')).toBe(
      "openstack security group rule create --ingress --ethertype IPv6 --protocol tcp --dst-port 8000:8080 --remote-ip ::/0 'my group'",
    );
    expect(ruleCliCommand(rule({ direction: 'egress', protocol: 'icmp', portRangeMin: 8, portRangeMax: 0, remoteIpPrefix: null, remoteGroupId: 'sg-db' }), 'web', 'db')).toBe(
      'openstack security group rule create --egress --protocol icmp --icmp-type 8 --icmp-code 0 --remote-group db web',
    );
    expect(ruleCliCommand({ ...rule({ protocol: null, portRangeMin: null, portRangeMax: null }), description: "it's" }, 'web')).toBe(
      "openstack security group rule create --ingress --protocol any --remote-ip 0.0.0.0/0 --description 'it'\\''s' web",
    );
  });
});
