import type { Port, RuleDirection, SecurityGroup } from '../../openstack/neutron/types';
import { hostCidr, isAnyPrefix, normaliseCidr, parseCidr, parseIp } from '../cidr';
import { type Endpoint, type Lookup, buildLookup, portName } from './lookup';
import { type PathPlan, cidrPath, externalPath, instancePath } from './path';
import { type Flow, ethertypeOfPeer, evaluateGroups } from './rule-match';
import type { Hop, RuleSuggestion, SuggestedRuleInput, TraceInputs, TraceQuery, TraceResult } from './types';

/**
 * The troubleshooter: walks a flow hop by hop as ovn-trace walks logical flows, and says at each hop
 * whether it passes and why. Every hop is evaluated (not only up to the first drop), so one run shows
 * everything that stands in the way; the verdict is the first failure.
 */
export function evaluateTrace(query: TraceQuery, inputs: TraceInputs): TraceResult {
  const lookup = buildLookup(inputs);
  const flowText = flowLabel(query);
  const hops: Hop[] = [];
  let plan: PathPlan;

  if (query.source.kind === 'internet') {
    hops.push({ kind: 'source', status: 'pass', reasons: [{ code: 'source.internet', params: { address: query.source.address } }] });
    plan = externalPath(inputs, lookup, { kind: 'address', address: query.source.address }, parseIp(query.source.address)?.version ?? 4);
  } else if (query.source.kind === 'cidr') {
    const cidr = normaliseCidr(query.source.cidr, { allowBareAddress: true }) ?? query.source.cidr;
    hops.push({ kind: 'source', status: 'pass', reasons: [{ code: 'source.cidr', params: { cidr } }] });
    plan = cidrPath(inputs, lookup, cidr);
  } else {
    plan = instancePath(inputs, lookup);
    hops.push(...sourceHops(query, inputs, lookup, plan, flowText));
  }
  hops.push(...plan.hops);

  const destination = plan.destination;
  if (destination) {
    hops.push(subnetHop(lookup, destination), portHop(inputs, lookup, destination));
    hops.push(...securityHops(query, lookup, plan, destination, flowText));
  }

  const failed = hops.find((h) => h.status === 'fail');
  const ingress = hops.find((h) => h.kind === 'ingress');
  return {
    verdict: failed ? 'dropped' : 'allowed',
    hops,
    blockedAt: failed?.kind ?? null,
    sourceAddress: plan.peerAtDestination.kind === 'address' ? plan.peerAtDestination.address || null : plan.peerAtDestination.cidr,
    destinationAddress: destination?.fixedIp.ipAddress ?? null,
    allowedBy: ingress?.status === 'pass' ? (ingress.matches ?? []) : [],
    suggestion: suggest(query, lookup, plan, hops),
  };
}

/** "tcp/22", "udp/53", "icmp/8" or "icmp/3/1": protocol and what it is aimed at, the same in every language. */
export function flowLabel(query: Pick<TraceQuery, 'protocol' | 'port' | 'icmpType' | 'icmpCode'>): string {
  if (query.protocol === 'icmp') {
    if (query.icmpType === null) return 'icmp';
    return query.icmpCode ? `icmp/${query.icmpType}/${query.icmpCode}` : `icmp/${query.icmpType}`;
  }
  return query.port === null ? query.protocol : `${query.protocol}/${query.port}`;
}

const notActive = (status: string | null): boolean => status !== null && status.toUpperCase() !== 'ACTIVE';

function sourceHops(query: TraceQuery, inputs: TraceInputs, lookup: Lookup, plan: PathPlan, flowText: string): Hop[] {
  const server = inputs.sourceServer;
  const name = server?.name || server?.id || (query.source.kind === 'instance' ? query.source.serverId : '');
  const source = plan.source;
  const hops: Hop[] = [{ kind: 'source', status: 'pass', reasons: [{ code: 'source.instance', params: { name, address: source?.fixedIp.ipAddress ?? '—' } }] }];
  if (!source) return hops;
  if (!source.port.adminStateUp) hops.push({ kind: 'sourcePort', status: 'fail', reasons: [{ code: 'port.down', params: { port: portName(source.port) } }] });
  else if (server && notActive(server.status)) hops.push({ kind: 'sourcePort', status: 'fail', reasons: [{ code: 'instance.notActive', params: { name, status: server.status ?? '' } }] });
  else hops.push({ kind: 'sourcePort', status: 'pass', reasons: [{ code: 'port.up', params: { port: portName(source.port), network: lookup.networkName(source.port.networkId) } }] });
  if (plan.peerAtSource) hops.push(groupsHop('sourceEgress', 'egress', query, lookup, source.port, plan.peerAtSource, plan.peerGroupsAtSource, flowText));
  return hops;
}

function subnetHop(lookup: Lookup, destination: Endpoint): Hop {
  const subnet = lookup.subnet(destination.fixedIp.subnetId);
  const network = lookup.network(destination.port.networkId);
  const params = { address: destination.fixedIp.ipAddress, subnet: lookup.subnetName(destination.fixedIp.subnetId), network: lookup.networkName(destination.port.networkId) };
  if (network && !network.adminStateUp) return { kind: 'subnet', status: 'fail', reasons: [{ code: 'network.down', params }] };
  if (!subnet) return { kind: 'subnet', status: 'warn', reasons: [{ code: 'subnet.unknown', params }] };
  return { kind: 'subnet', status: 'pass', reasons: [{ code: 'subnet.ok', params }] };
}

function portHop(inputs: TraceInputs, lookup: Lookup, destination: Endpoint): Hop {
  const port = portName(destination.port);
  if (!destination.port.adminStateUp) return { kind: 'port', status: 'fail', reasons: [{ code: 'port.down', params: { port } }] };
  const server = inputs.destination;
  if (notActive(server.status)) return { kind: 'port', status: 'fail', reasons: [{ code: 'instance.notActive', params: { name: server.name || server.id, status: server.status ?? '' } }] };
  return {
    kind: 'port',
    status: 'pass',
    reasons: [
      { code: 'port.up', params: { port, network: lookup.networkName(destination.port.networkId) } },
      ...(destination.port.portSecurityEnabled ? [] : [{ code: 'port.securityOff', params: { port } }]),
    ],
  };
}

function groupsHop(kind: 'ingress' | 'sourceEgress', direction: RuleDirection, query: TraceQuery, lookup: Lookup, port: Port, peer: Flow['peer'], peerGroupIds: ReadonlySet<string>, flowText: string): Hop {
  const peerText = peer.kind === 'address' ? peer.address : peer.cidr;
  const params = { flow: flowText, peer: peerText, port: portName(port) };
  if (!port.portSecurityEnabled) return { kind, status: 'pass', reasons: [{ code: `${direction}.portSecurityOff`, params }] };
  const groups = lookup.groupsOf(port);
  if (groups.length === 0) return { kind, status: 'fail', reasons: [{ code: `${direction}.noGroups`, params }] };
  const ethertype = ethertypeOfPeer(peer) ?? 'IPv4';
  const verdict = evaluateGroups(groups, { direction, ethertype, protocol: query.protocol, port: query.port, icmpType: query.icmpType, icmpCode: query.icmpCode, peer, peerGroupIds });
  if (verdict.allowed) return { kind, status: 'pass', reasons: [{ code: `${direction}.allowed`, params }], matches: verdict.matches.filter((m) => !m.partial) };
  if (verdict.matches.length > 0) return { kind, status: 'fail', reasons: [{ code: `${direction}.partial`, params }], matches: verdict.matches };
  return { kind, status: 'fail', reasons: [{ code: `${direction}.denied`, params: { ...params, groups: groups.map((g) => g.name || g.id).join(', ') } }] };
}

function securityHops(query: TraceQuery, lookup: Lookup, plan: PathPlan, destination: Endpoint, flowText: string): Hop[] {
  const ingress = groupsHop('ingress', 'ingress', query, lookup, destination.port, plan.peerAtDestination, plan.peerGroupsAtDestination, flowText);
  return [ingress, replyHop(query, lookup, plan, destination, ingress)];
}

/** Stateful groups let the reply out by connection tracking; a stateless group needs an egress rule back. */
function replyHop(query: TraceQuery, lookup: Lookup, plan: PathPlan, destination: Endpoint, ingress: Hop): Hop {
  if (ingress.status !== 'pass') return { kind: 'reply', status: 'skip', reasons: [{ code: 'reply.notReached' }] };
  if (!destination.port.portSecurityEnabled) return { kind: 'reply', status: 'pass', reasons: [{ code: 'reply.portSecurityOff' }] };
  const allowing = new Set((ingress.matches ?? []).map((m) => m.groupId));
  const stateful = lookup.groupsOf(destination.port).filter((g) => allowing.has(g.id) && g.stateful);
  if (stateful.length > 0) return { kind: 'reply', status: 'pass', reasons: [{ code: 'reply.stateful', params: { group: stateful[0]!.name || stateful[0]!.id } }] };
  const peer = plan.peerAtDestination;
  const back = evaluateGroups(lookup.groupsOf(destination.port), {
    direction: 'egress',
    ethertype: ethertypeOfPeer(peer) ?? 'IPv4',
    protocol: query.protocol,
    // The reply goes to the source's ephemeral port (or is an echo reply): only a rule without a range surely covers it.
    port: null,
    icmpType: query.protocol === 'icmp' && query.icmpType === 8 ? 0 : null,
    icmpCode: query.protocol === 'icmp' ? 0 : null,
    peer,
    peerGroupIds: plan.peerGroupsAtDestination,
  });
  if (back.allowed) return { kind: 'reply', status: 'pass', reasons: [{ code: 'reply.statelessEgress' }], matches: back.matches.filter((m) => !m.partial) };
  return { kind: 'reply', status: 'warn', reasons: [{ code: 'reply.stateless' }] };
}

function chooseGroup(groups: SecurityGroup[]): string {
  return (groups.find((g) => g.name !== 'default') ?? groups[0])!.id;
}

/** The narrowest rule that would let the flow through the first security-group hop that drops it. */
function suggest(query: TraceQuery, lookup: Lookup, plan: PathPlan, hops: Hop[]): RuleSuggestion | null {
  const blocked = hops.find((h) => (h.kind === 'sourceEgress' || h.kind === 'ingress') && h.status === 'fail');
  if (!blocked) return null;
  const egress = blocked.kind === 'sourceEgress';
  const port = egress ? plan.source?.port : plan.destination?.port;
  const peer = egress ? plan.peerAtSource : plan.peerAtDestination;
  if (!port || !peer) return null;
  const groups = lookup.groupsOf(port);
  if (groups.length === 0) return null;
  const remote = peer.kind === 'address' ? hostCidr(peer.address) : normaliseCidr(peer.cidr, { allowBareAddress: true });
  if (!remote) return null;
  const version = parseCidr(remote)?.version ?? 4;
  const rule: SuggestedRuleInput = {
    direction: egress ? 'egress' : 'ingress',
    ethertype: version === 6 ? 'IPv6' : 'IPv4',
    protocol: query.protocol,
    portRangeMin: query.protocol === 'icmp' ? query.icmpType : query.port,
    portRangeMax: query.protocol === 'icmp' ? (query.icmpType === null ? null : query.icmpCode) : query.port,
    remoteIpPrefix: remote,
    remoteGroupId: null,
  };
  const wider = isAnyPrefix(remote) ? null : { ...rule, remoteIpPrefix: version === 6 ? '::/0' : '0.0.0.0/0' };
  return { groups: groups.map((g) => ({ id: g.id, name: g.name || g.id })), defaultGroupId: chooseGroup(groups), rule, wider };
}
