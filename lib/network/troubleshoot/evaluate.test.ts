import { describe, expect, it } from 'vitest';

import type { SecurityGroup } from '../../openstack/neutron/types';
import { evaluateTrace, flowLabel } from './evaluate';
import { INTERNAL, PRIVATE, defaultGroup, demoWorld, floatingIp, group, icmp, port, router, tcp, withClient } from './fixtures';
import type { TraceInputs, TraceQuery, TraceResult } from './types';

const withFip = (world: TraceInputs): TraceInputs => ({ ...world, floatingIps: [floatingIp('172.24.4.10', 'port-web', '10.0.0.5')] });

/** The destination ("web") gets these groups (the default group stays known). */
function withGroups(world: TraceInputs, groups: SecurityGroup[], onPort = groups.map((g) => g.id)): TraceInputs {
  return {
    ...world,
    securityGroups: [defaultGroup(), ...groups.filter((g) => g.id !== 'sg-default')],
    destinationPorts: world.destinationPorts.map((p) => ({ ...p, securityGroupIds: onPort })),
  };
}

const ssh = (remoteIpPrefix: string | null, extra: Record<string, unknown> = {}) =>
  group('sg-ssh', [{ direction: 'ingress', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix, ...extra }], { name: 'ssh' });

const run = (query: TraceQuery, world: TraceInputs): TraceResult => evaluateTrace(query, world);
const hop = (result: TraceResult, kind: string) => result.hops.find((h) => h.kind === kind);
const reason = (result: TraceResult, kind: string) => hop(result, kind)?.reasons[0]?.code;

interface Case {
  name: string;
  query: TraceQuery;
  world: TraceInputs;
  verdict: 'allowed' | 'dropped';
  blockedAt?: string;
  reason?: [string, string];
}

const cases: Case[] = [
  { name: 'no floating IP: the internet cannot reach a private address', query: tcp(22), world: withGroups(demoWorld(), [ssh('0.0.0.0/0')]), verdict: 'dropped', blockedAt: 'floatingIp', reason: ['floatingIp', 'fip.none'] },
  {
    name: 'a floating IP whose router has no external gateway',
    query: tcp(22),
    world: { ...withGroups(withFip(demoWorld()), [ssh('0.0.0.0/0')]), routers: [router('router1', [{ subnetId: PRIVATE.subnetId, networkId: PRIVATE.networkId, ipAddress: '10.0.0.1' }], null)] },
    verdict: 'dropped',
    blockedAt: 'router',
    reason: ['router', 'router.noGateway'],
  },
  {
    name: 'no router on the destination subnet',
    query: tcp(22),
    world: { ...withGroups(withFip(demoWorld()), [ssh('0.0.0.0/0')]), routers: [] },
    verdict: 'dropped',
    blockedAt: 'router',
    reason: ['router', 'router.noInterface'],
  },
  { name: 'default group only: the internet is dropped', query: tcp(22), world: withFip(demoWorld()), verdict: 'dropped', blockedAt: 'ingress', reason: ['ingress', 'ingress.denied'] },
  { name: 'default group only: an instance of the same group is allowed', query: tcp(22, { kind: 'instance', serverId: 'client' }), world: withClient(demoWorld()), verdict: 'allowed', reason: ['router', 'router.sameNetwork'] },
  { name: 'SSH from a CIDR that holds the source', query: tcp(22), world: withGroups(withFip(demoWorld()), [ssh('203.0.113.0/24')]), verdict: 'allowed' },
  { name: 'SSH from a CIDR that does not hold the source', query: tcp(22), world: withGroups(withFip(demoWorld()), [ssh('198.51.100.0/24')]), verdict: 'dropped', blockedAt: 'ingress' },
  { name: 'SSH from the source as a host prefix', query: tcp(22), world: withGroups(withFip(demoWorld()), [ssh('203.0.113.5/32')]), verdict: 'allowed' },
  { name: 'SSH with a remote prefix written with host bits', query: tcp(22), world: withGroups(withFip(demoWorld()), [ssh('203.0.113.77/24')]), verdict: 'allowed' },
  { name: 'SSH rule from nowhere in particular (remote null = anywhere)', query: tcp(22), world: withGroups(withFip(demoWorld()), [ssh(null)]), verdict: 'allowed' },
  { name: 'a tcp rule does not let udp in', query: { ...tcp(22), protocol: 'udp' }, world: withGroups(withFip(demoWorld()), [ssh('0.0.0.0/0')]), verdict: 'dropped', blockedAt: 'ingress' },
  { name: 'an IPv4 rule does not let an IPv6 source in', query: tcp(22, { kind: 'internet', address: '2001:db8::5' }), world: v6World([ssh('0.0.0.0/0')]), verdict: 'dropped', blockedAt: 'ingress', reason: ['floatingIp', 'fip.ipv6'] },
  { name: 'an IPv6 rule lets an IPv6 source in (no floating IP needed)', query: tcp(22, { kind: 'internet', address: '2001:db8::5' }), world: v6World([ssh('::/0', { ethertype: 'IPv6' })]), verdict: 'allowed', reason: ['router', 'router.routedV6'] },
  {
    name: 'port security off: everything is allowed',
    query: tcp(3306),
    world: { ...withFip(demoWorld()), destinationPorts: [port('port-web', { networkId: PRIVATE.networkId, fixedIps: [{ subnetId: PRIVATE.subnetId, ipAddress: '10.0.0.5' }], portSecurityEnabled: false, securityGroupIds: [] })] },
    verdict: 'allowed',
    reason: ['ingress', 'ingress.portSecurityOff'],
  },
  {
    name: 'a port with security on and no groups drops everything',
    query: tcp(22),
    world: withGroups(withFip(demoWorld()), [], []),
    verdict: 'dropped',
    reason: ['ingress', 'ingress.noGroups'],
  },
  {
    name: 'a port administratively down',
    query: tcp(22),
    world: { ...withGroups(withFip(demoWorld()), [ssh('0.0.0.0/0')]), destinationPorts: [port('port-web', { networkId: PRIVATE.networkId, fixedIps: [{ subnetId: PRIVATE.subnetId, ipAddress: '10.0.0.5' }], adminStateUp: false, securityGroupIds: ['sg-ssh'] })] },
    verdict: 'dropped',
    blockedAt: 'port',
  },
  { name: 'an instance that is shut off', query: tcp(22), world: { ...withGroups(withFip(demoWorld()), [ssh('0.0.0.0/0')]), destination: { id: 'web', name: 'web', status: 'SHUTOFF' } }, verdict: 'dropped', blockedAt: 'port', reason: ['port', 'instance.notActive'] },
  {
    name: 'an instance directly on an external network needs no floating IP',
    query: tcp(22),
    world: { ...withGroups(demoWorld(), [ssh('0.0.0.0/0')]), destinationPorts: [port('port-web', { networkId: 'net-public', fixedIps: [{ subnetId: 'sub-public', ipAddress: '172.24.4.50' }], securityGroupIds: ['sg-ssh'] })] },
    verdict: 'allowed',
    reason: ['floatingIp', 'fip.externalNetwork'],
  },
];

function v6World(groups: SecurityGroup[]): TraceInputs {
  const world = withGroups(demoWorld(), groups);
  return {
    ...world,
    destinationPorts: world.destinationPorts.map((p) => ({ ...p, fixedIps: [...p.fixedIps, { subnetId: PRIVATE.v6SubnetId, ipAddress: 'fd00:10::5' }] })),
  };
}

describe('the troubleshooter answers as Neutron would', () => {
  it.each(cases)('$name', ({ query, world, verdict, blockedAt, reason: expected }) => {
    const result = run(query, world);
    expect(result.verdict).toBe(verdict);
    if (blockedAt) expect(result.blockedAt).toBe(blockedAt);
    if (verdict === 'allowed') expect(result.hops.filter((h) => h.status === 'fail')).toEqual([]);
    if (expected) expect(reason(result, expected[0])).toBe(expected[1]);
  });
});

describe('port ranges, ICMP and protocols', () => {
  const range = group('sg-range', [{ protocol: 'tcp', portRangeMin: 20, portRangeMax: 22 }], { name: 'range' });
  it.each([
    [19, 'dropped'],
    [20, 'allowed'],
    [21, 'allowed'],
    [22, 'allowed'],
    [23, 'dropped'],
  ])('tcp/%i against a 20–22 rule is %s', (p, verdict) => {
    expect(run(tcp(p), withGroups(withFip(demoWorld()), [range])).verdict).toBe(verdict);
  });

  it.each<[string, Record<string, unknown>, number, number, string]>([
    ['any ICMP', {}, 8, 0, 'allowed'],
    ['any ICMP', {}, 3, 1, 'allowed'],
    ['echo request (type 8)', { portRangeMin: 8 }, 8, 0, 'allowed'],
    ['echo request (type 8)', { portRangeMin: 8 }, 0, 0, 'dropped'],
    ['type 3 code 1', { portRangeMin: 3, portRangeMax: 1 }, 3, 1, 'allowed'],
    ['type 3 code 1', { portRangeMin: 3, portRangeMax: 1 }, 3, 3, 'dropped'],
  ])('icmp rule %s against icmp/%i/%i is %s', (_, fields, type, code, verdict) => {
    const g = group('sg-icmp', [{ protocol: 'icmp', ...fields }]);
    expect(run(icmp(type, code), withGroups(withFip(demoWorld()), [g])).verdict).toBe(verdict);
  });

  it('a rule with no protocol allows tcp, udp and icmp alike, and one by number works as its name', () => {
    const any = withGroups(withFip(demoWorld()), [group('sg-any', [{ remoteIpPrefix: '0.0.0.0/0' }])]);
    expect(run(tcp(22), any).verdict).toBe('allowed');
    expect(run({ ...tcp(53), protocol: 'udp' }, any).verdict).toBe('allowed');
    expect(run(icmp(8, 0), any).verdict).toBe('allowed');
    const byNumber = withGroups(withFip(demoWorld()), [group('sg-6', [{ protocol: '6', portRangeMin: 22, portRangeMax: 22 }])]);
    expect(run(tcp(22), byNumber).verdict).toBe('allowed');
  });

  it('labels flows the same way in every language', () => {
    expect(flowLabel(tcp(22))).toBe('tcp/22');
    expect(flowLabel(icmp(8, 0))).toBe('icmp/8');
    expect(flowLabel(icmp(3, 1))).toBe('icmp/3/1');
  });
});

describe('groups, remote groups and egress', () => {
  const web = group('sg-web', [{ protocol: 'tcp', portRangeMin: 80, portRangeMax: 80 }], { name: 'web' });
  const admin = ssh('203.0.113.0/24');

  it('take the union of the groups on a port, naming the rule that allows', () => {
    const world = withGroups(withFip(demoWorld()), [web, admin]);
    const ssh22 = run(tcp(22), world);
    expect(ssh22.verdict).toBe('allowed');
    expect(ssh22.allowedBy.map((m) => m.groupName)).toEqual(['ssh']);
    expect(run(tcp(80), world).allowedBy.map((m) => m.groupName)).toEqual(['web']);
    expect(run(tcp(443), world).verdict).toBe('dropped');
  });

  it('match a remote group only when the source instance’s port is a member', () => {
    const fromClients = group('sg-app', [{ protocol: 'tcp', portRangeMin: 8080, portRangeMax: 8080, remoteGroupId: 'sg-clients' }]);
    const clients = group('sg-clients', [{ direction: 'egress' }]);
    const world = { ...withGroups(demoWorld(), [fromClients]), securityGroups: [defaultGroup(), fromClients, clients] };
    const source = { kind: 'instance' as const, serverId: 'client' };
    expect(run(tcp(8080, source), withClient(world, { securityGroupIds: ['sg-clients'] })).verdict).toBe('allowed');
    const outsider = run(tcp(8080, source), withClient(world, { securityGroupIds: ['sg-default'] }));
    expect(outsider.verdict).toBe('dropped');
    expect(outsider.blockedAt).toBe('ingress');
    expect(outsider.sourceAddress).toBe('10.0.0.6');
  });

  it('stop a flow the source instance may not send, and suggest the egress rule on its group', () => {
    const noEgress = group('sg-locked', [], { name: 'locked' });
    const world = { ...withClient(withGroups(demoWorld(), [ssh('10.0.0.0/24')]), { securityGroupIds: ['sg-locked'] }) };
    world.securityGroups = [...world.securityGroups, noEgress];
    const result = run(tcp(22, { kind: 'instance', serverId: 'client' }), world);
    expect(result.verdict).toBe('dropped');
    expect(result.blockedAt).toBe('sourceEgress');
    expect(hop(result, 'ingress')?.status).toBe('pass');
    expect(result.suggestion).toMatchObject({ defaultGroupId: 'sg-locked', rule: { direction: 'egress', remoteIpPrefix: '10.0.0.5/32', portRangeMin: 22 } });
  });

  it('route between subnets through a router without translating the source', () => {
    const app = group('sg-app', [{ protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '192.168.10.0/24' }]);
    const world = withGroups(demoWorld(), [app]);
    world.routers = [router('router1', [
      { subnetId: PRIVATE.subnetId, networkId: PRIVATE.networkId, ipAddress: '10.0.0.1' },
      { subnetId: INTERNAL.subnetId, networkId: INTERNAL.networkId, ipAddress: '192.168.10.1' },
    ], 'net-public')];
    const source = withClient(world, { networkId: INTERNAL.networkId, fixedIps: [{ subnetId: INTERNAL.subnetId, ipAddress: '192.168.10.7' }] });
    const result = run(tcp(22, { kind: 'instance', serverId: 'client' }), source);
    expect(reason(result, 'router')).toBe('router.eastWest');
    expect(result.sourceAddress).toBe('192.168.10.7');
    expect(result.verdict).toBe('allowed');
  });

  it('see an instance behind another router arrive from that router’s SNAT address, which no remote group holds', () => {
    const world = withGroups(withFip(demoWorld()), [group('sg-app', [{ protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteGroupId: 'sg-default' }])]);
    world.routers = [...world.routers, router('router2', [{ subnetId: INTERNAL.subnetId, networkId: INTERNAL.networkId, ipAddress: '192.168.10.1' }], 'net-public', '172.24.4.3')];
    const source = withClient(world, { networkId: INTERNAL.networkId, fixedIps: [{ subnetId: INTERNAL.subnetId, ipAddress: '192.168.10.7' }] });
    const result = run(tcp(22, { kind: 'instance', serverId: 'client' }), source);
    expect(result.hops.map((h) => `${h.kind}:${h.status}`)).toEqual([
      'source:pass', 'sourcePort:pass', 'sourceEgress:pass', 'router:pass', 'floatingIp:pass', 'router:pass', 'subnet:pass', 'port:pass', 'ingress:fail', 'reply:skip',
    ]);
    expect(result.sourceAddress).toBe('172.24.4.3');
    expect(result.suggestion?.rule.remoteIpPrefix).toBe('172.24.4.3/32');
  });

  it('say when no path joins two instances', () => {
    const source = withClient(demoWorld(), { networkId: INTERNAL.networkId, fixedIps: [{ subnetId: INTERNAL.subnetId, ipAddress: '192.168.10.7' }] });
    const result = run(tcp(22, { kind: 'instance', serverId: 'client' }), source);
    expect(result.blockedAt).toBe('router');
    expect(reason(result, 'router')).toBe('router.noPath');
  });
});

describe('a CIDR source', () => {
  it('is allowed only when a rule covers the whole range', () => {
    const world = withGroups(withFip(demoWorld()), [ssh('198.51.100.0/25')]);
    const partial = run(tcp(22, { kind: 'cidr', cidr: '198.51.100.0/24' }), world);
    expect(partial.verdict).toBe('dropped');
    expect(reason(partial, 'ingress')).toBe('ingress.partial');
    expect(partial.suggestion?.rule.remoteIpPrefix).toBe('198.51.100.0/24');
    expect(run(tcp(22, { kind: 'cidr', cidr: '198.51.100.0/26' }), world).verdict).toBe('allowed');
  });

  it('on the destination’s own network needs no floating IP', () => {
    const result = run(tcp(22, { kind: 'cidr', cidr: '10.0.0.0/28' }), withGroups(demoWorld(), [ssh('10.0.0.0/24')]));
    expect(result.verdict).toBe('allowed');
    expect(reason(result, 'router')).toBe('router.sameNetwork');
  });
});

describe('replies and suggestions', () => {
  it('let replies out of a stateful group, and warn for a stateless one without an egress rule', () => {
    expect(reason(run(tcp(22), withGroups(withFip(demoWorld()), [ssh('0.0.0.0/0')])), 'reply')).toBe('reply.stateful');
    const stateless = group('sg-sl', [{ protocol: 'tcp', portRangeMin: 22, portRangeMax: 22 }], { stateful: false });
    const result = run(tcp(22), withGroups(withFip(demoWorld()), [stateless]));
    expect(hop(result, 'reply')).toMatchObject({ status: 'warn', reasons: [{ code: 'reply.stateless' }] });
    const withEgress = group('sg-sl', [{ protocol: 'tcp', portRangeMin: 22, portRangeMax: 22 }, { direction: 'egress', protocol: 'tcp' }], { stateful: false });
    expect(reason(run(tcp(22), withGroups(withFip(demoWorld()), [withEgress])), 'reply')).toBe('reply.statelessEgress');
  });

  it('suggest the narrowest ingress rule on the first non-default group, and the wide one apart', () => {
    const web = group('sg-web', [], { name: 'web' });
    const result = run(tcp(22), withGroups(withFip(demoWorld()), [defaultGroup(), web]));
    expect(result.suggestion).toEqual({
      groups: [{ id: 'sg-default', name: 'default' }, { id: 'sg-web', name: 'web' }],
      defaultGroupId: 'sg-web',
      rule: { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '203.0.113.5/32', remoteGroupId: null },
      wider: { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '0.0.0.0/0', remoteGroupId: null },
    });
    const onlyDefault = run(icmp(8, 0), withFip(demoWorld()));
    expect(onlyDefault.suggestion).toMatchObject({ defaultGroupId: 'sg-default', rule: { protocol: 'icmp', portRangeMin: 8, portRangeMax: 0 } });
  });

  it('suggest nothing when the flow is allowed, and an IPv6 rule for an IPv6 source', () => {
    expect(run(tcp(22), withGroups(withFip(demoWorld()), [ssh('0.0.0.0/0')])).suggestion).toBeNull();
    const v6 = run(tcp(22, { kind: 'internet', address: '2001:db8::5' }), withFip(demoWorld()));
    expect(v6.verdict).toBe('dropped');
    expect(hop(v6, 'port')?.reasons[0]?.code).toBe('port.noAddressOfFamily');
  });

  it('still evaluate the groups when there is no floating IP, so one run shows every obstacle', () => {
    const result = run(tcp(22), demoWorld());
    expect(result.blockedAt).toBe('floatingIp');
    expect(hop(result, 'ingress')?.status).toBe('fail');
    expect(result.suggestion?.rule.remoteIpPrefix).toBe('203.0.113.5/32');
  });
});
