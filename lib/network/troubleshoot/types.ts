import type { FloatingIp, Network, Port, Router, SecurityGroup, SecurityGroupRule, Subnet } from '../../openstack/neutron/types';

/**
 * The connectivity troubleshooter's model: what is asked (a flow from a source to an instance), the plain
 * Neutron data the BFF gathers for it, and the answer as hops with a status and reasons. Reasons are codes
 * with parameters so that the page can say them in English or Japanese.
 */
export type TraceProtocol = 'tcp' | 'udp' | 'icmp';

export type TraceSource =
  | { kind: 'internet'; address: string }
  | { kind: 'cidr'; cidr: string }
  | { kind: 'instance'; serverId: string };

export interface TraceQuery {
  source: TraceSource;
  destinationServerId: string;
  protocol: TraceProtocol;
  /** The destination port for tcp/udp. */
  port: number | null;
  /** For icmp: the type (8 = echo request) and code (0 when not given). */
  icmpType: number | null;
  icmpCode: number | null;
}

export interface TraceServer {
  id: string;
  name: string;
  status: string | null;
}

export interface RouterInterface {
  portId: string;
  networkId: string;
  subnetId: string;
  ipAddress: string;
}

export interface TraceRouter extends Router {
  interfaces: RouterInterface[];
}

/** Everything the evaluation reads; gathered by lib/bff/troubleshoot.ts in a few calls. */
export interface TraceInputs {
  destination: TraceServer;
  destinationPorts: Port[];
  /** Present when the source is an instance. */
  sourceServer: TraceServer | null;
  sourcePorts: Port[];
  subnets: Subnet[];
  networks: Network[];
  routers: TraceRouter[];
  floatingIps: FloatingIp[];
  /** The groups on the destination's and source's ports (and any they name as remote groups). */
  securityGroups: SecurityGroup[];
}

export type HopKind = 'source' | 'sourcePort' | 'sourceEgress' | 'floatingIp' | 'router' | 'subnet' | 'port' | 'ingress' | 'reply';
export type HopStatus = 'pass' | 'fail' | 'warn' | 'skip';

/** A reason in words: `code` is a message key under "troubleshoot.reasons", `params` fill it. */
export interface Reason {
  code: string;
  params?: Record<string, string | number>;
}

export interface RuleMatch {
  groupId: string;
  groupName: string;
  rule: SecurityGroupRule;
  /** For a CIDR source: the rule lets in only part of the range. */
  partial: boolean;
}

export interface Hop {
  kind: HopKind;
  status: HopStatus;
  reasons: Reason[];
  /** The rules that let the flow through (security-group hops). */
  matches?: RuleMatch[];
}

/** A rule in the shape of POST /api/security-groups/{id}/rules (H4's securityGroupRuleInput). */
export type SuggestedRuleInput = Pick<SecurityGroupRule, 'direction' | 'ethertype' | 'protocol' | 'portRangeMin' | 'portRangeMax' | 'remoteIpPrefix' | 'remoteGroupId'> & {
  description?: string;
};

export interface RuleSuggestion {
  /** The groups the rule can go to (the destination's for ingress, the source's for egress). */
  groups: { id: string; name: string }[];
  /** The first non-default group, else default. */
  defaultGroupId: string;
  rule: SuggestedRuleInput;
  /** The same rule open to every address of the family: offered only with a warning. */
  wider: SuggestedRuleInput | null;
}

export interface TraceResult {
  verdict: 'allowed' | 'dropped';
  hops: Hop[];
  /** The first hop that failed. */
  blockedAt: HopKind | null;
  /** The source as the destination's port sees it (an address or a CIDR), and the address it reaches. */
  sourceAddress: string | null;
  destinationAddress: string | null;
  /** The ingress rules that allow the flow (union over the port's groups). */
  allowedBy: RuleMatch[];
  suggestion: RuleSuggestion | null;
}
