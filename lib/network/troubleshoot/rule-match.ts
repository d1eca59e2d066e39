import type { RuleDirection, RuleEthertype, SecurityGroup, SecurityGroupRule } from '../../openstack/neutron/types';
import { contains, containsCidr, overlaps, parseCidr, parseIp } from '../cidr';
import type { RuleMatch, TraceProtocol } from './types';

/**
 * Whether a security-group rule lets a flow through, with Neutron's semantics: a null protocol, port,
 * ICMP type/code or remote means "any"; the ethertype must match the peer's address family; a remote group
 * matches when the peer's port is a member of it (so only when the address is not translated on the way).
 */
export interface Flow {
  direction: RuleDirection;
  ethertype: RuleEthertype;
  protocol: TraceProtocol;
  port: number | null;
  icmpType: number | null;
  icmpCode: number | null;
  /** The other end's address (or, for a CIDR source, range) as this port sees it. */
  peer: { kind: 'address'; address: string } | { kind: 'cidr'; cidr: string };
  /** The security groups of the other end's port when it is an instance and its address is not translated. */
  peerGroupIds: ReadonlySet<string>;
}

const PROTOCOL_ALIASES: Record<TraceProtocol, Record<RuleEthertype, ReadonlySet<string>>> = {
  tcp: { IPv4: new Set(['tcp', '6']), IPv6: new Set(['tcp', '6']) },
  udp: { IPv4: new Set(['udp', '17']), IPv6: new Set(['udp', '17']) },
  // Neutron applies an "icmp" rule of ethertype IPv6 to ICMPv6.
  icmp: { IPv4: new Set(['icmp', '1']), IPv6: new Set(['icmp', 'ipv6-icmp', 'icmpv6', '58']) },
};

export function protocolMatches(ruleProtocol: string | null, flow: Pick<Flow, 'protocol' | 'ethertype'>): boolean {
  if (ruleProtocol === null) return true;
  const name = ruleProtocol.trim().toLowerCase();
  if (name === '' || name === 'any' || name === '0') return true;
  return PROTOCOL_ALIASES[flow.protocol][flow.ethertype].has(name);
}

/** tcp/udp: the destination port within [min, max]; icmp: type and code (null = any). */
export function portsMatch(rule: Pick<SecurityGroupRule, 'protocol' | 'portRangeMin' | 'portRangeMax'>, flow: Pick<Flow, 'protocol' | 'port' | 'icmpType' | 'icmpCode'>): boolean {
  if (flow.protocol === 'icmp') {
    if (rule.portRangeMin === null) return true;
    if (flow.icmpType !== rule.portRangeMin) return false;
    return rule.portRangeMax === null || flow.icmpCode === rule.portRangeMax;
  }
  if (rule.portRangeMin === null && rule.portRangeMax === null) return true;
  if (flow.port === null) return false;
  const min = rule.portRangeMin ?? 0;
  const max = rule.portRangeMax ?? min;
  return flow.port >= min && flow.port <= max;
}

/** 'full' when the rule's remote covers the peer, 'partial' when it covers part of a peer range, else 'none'. */
export function remoteMatches(rule: Pick<SecurityGroupRule, 'remoteIpPrefix' | 'remoteGroupId'>, flow: Pick<Flow, 'peer' | 'peerGroupIds'>): 'full' | 'partial' | 'none' {
  if (rule.remoteGroupId !== null) return flow.peerGroupIds.has(rule.remoteGroupId) ? 'full' : 'none';
  if (rule.remoteIpPrefix === null) return 'full';
  if (flow.peer.kind === 'address') return contains(rule.remoteIpPrefix, flow.peer.address) ? 'full' : 'none';
  if (containsCidr(rule.remoteIpPrefix, flow.peer.cidr)) return 'full';
  return overlaps(rule.remoteIpPrefix, flow.peer.cidr) ? 'partial' : 'none';
}

export function ruleMatch(rule: SecurityGroupRule, flow: Flow): 'full' | 'partial' | 'none' {
  if (rule.direction !== flow.direction || rule.ethertype !== flow.ethertype) return 'none';
  if (!protocolMatches(rule.protocol, flow) || !portsMatch(rule, flow)) return 'none';
  return remoteMatches(rule, flow);
}

/** The family of the peer, which is what a rule's ethertype is compared with. */
export function ethertypeOfPeer(peer: Flow['peer']): RuleEthertype | null {
  const version = peer.kind === 'address' ? parseIp(peer.address)?.version : parseCidr(peer.cidr, { allowBareAddress: true })?.version;
  return version === 4 ? 'IPv4' : version === 6 ? 'IPv6' : null;
}

export interface GroupsVerdict {
  /** Some rule (in any group) lets the whole flow through: groups are a union of allow rules. */
  allowed: boolean;
  matches: RuleMatch[];
}

export function evaluateGroups(groups: SecurityGroup[], flow: Flow): GroupsVerdict {
  const matches: RuleMatch[] = [];
  for (const group of groups) {
    for (const rule of group.rules) {
      const match = ruleMatch(rule, flow);
      if (match !== 'none') matches.push({ groupId: group.id, groupName: group.name || group.id, rule, partial: match === 'partial' });
    }
  }
  return { allowed: matches.some((m) => !m.partial), matches };
}
