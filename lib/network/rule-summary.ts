/**
 * A security-group rule described in words ("Ingress TCP 22 (SSH) from anywhere"): a structured description
 * that the pages translate, and an English sentence for logs, benchmarks and tests.
 */
import type { RuleDirection, RuleEthertype, SecurityGroupRule } from '../openstack/neutron/types';
import { isAnyPrefix } from './cidr';
import { isIcmp, protocolNumber, takesPorts } from '../validation/security-group-rules';

/** Well-known destination ports, named as the rule templates name them. */
export const SERVICE_PORTS: Readonly<Record<number, string>> = {
  22: 'SSH', 25: 'SMTP', 53: 'DNS', 80: 'HTTP', 110: 'POP3', 143: 'IMAP', 389: 'LDAP', 443: 'HTTPS', 465: 'SMTPS',
  993: 'IMAPS', 995: 'POP3S', 1433: 'MS SQL', 3306: 'MySQL', 3389: 'RDP', 5432: 'PostgreSQL', 6379: 'Redis',
};

/** ICMP (v4) and ICMPv6 type numbers with a name key, for "ICMP type 8 (echo request)". */
const ICMP_TYPES: Readonly<Record<number, string>> = { 0: 'echoReply', 3: 'unreachable', 8: 'echoRequest', 11: 'timeExceeded' };
const ICMPV6_TYPES: Readonly<Record<number, string>> = { 1: 'unreachable', 3: 'timeExceeded', 128: 'echoRequest', 129: 'echoReply' };

const ICMP_NAMES_EN: Readonly<Record<string, string>> = { echoReply: 'echo reply', echoRequest: 'echo request', unreachable: 'destination unreachable', timeExceeded: 'time exceeded' };

/** Ports exposed to the whole internet that the editor warns about. */
export const SENSITIVE_PORTS: Readonly<Record<number, string>> = { 22: 'SSH', 3389: 'RDP', 3306: 'MySQL' };

export type RulePorts =
  | { kind: 'all' }
  | { kind: 'single'; port: number; service: string | null }
  | { kind: 'range'; from: number; to: number }
  | { kind: 'icmp'; type: number | null; code: number | null; typeName: string | null }
  | { kind: 'none' };

export type RuleRemote =
  | { kind: 'anywhere'; cidr: string }
  | { kind: 'cidr'; cidr: string }
  | { kind: 'group'; id: string; name: string | null; self: boolean };

export interface RuleDescription {
  direction: RuleDirection;
  ethertype: RuleEthertype;
  /** "any" or the protocol as people write it: TCP, UDP, ICMP, ICMPv6, GRE, or a number. */
  protocol: string;
  ports: RulePorts;
  remote: RuleRemote;
}

type DescribableRule = Pick<SecurityGroupRule, 'direction' | 'ethertype' | 'protocol' | 'portRangeMin' | 'portRangeMax' | 'remoteIpPrefix' | 'remoteGroupId'> &
  Partial<Pick<SecurityGroupRule, 'securityGroupId'>>;

function protocolLabel(protocol: string | null): string {
  const number = protocolNumber(protocol);
  if (protocol === null || number === 0) return 'any';
  if (number === 58) return 'ICMPv6';
  if (/^\d+$/.test(protocol)) return protocol;
  return protocol.toUpperCase();
}

function portsOf(rule: DescribableRule): RulePorts {
  const { portRangeMin: min, portRangeMax: max } = rule;
  if (isIcmp(rule.protocol)) {
    if (min === null) return { kind: 'all' };
    const names = protocolNumber(rule.protocol) === 58 ? ICMPV6_TYPES : ICMP_TYPES;
    return { kind: 'icmp', type: min, code: max, typeName: names[min] ?? null };
  }
  if (!takesPorts(rule.protocol)) return { kind: 'none' };
  if (min === null && max === null) return { kind: 'all' };
  const from = min ?? 1;
  const to = max ?? 65535;
  if (from === 1 && to === 65535) return { kind: 'all' };
  if (from === to) return { kind: 'single', port: from, service: SERVICE_PORTS[from] ?? null };
  return { kind: 'range', from, to };
}

export function describeRule(rule: DescribableRule, groupNames: ReadonlyMap<string, string> = new Map()): RuleDescription {
  let remote: RuleRemote;
  if (rule.remoteGroupId) {
    remote = { kind: 'group', id: rule.remoteGroupId, name: groupNames.get(rule.remoteGroupId) ?? null, self: rule.remoteGroupId === rule.securityGroupId };
  } else if (!rule.remoteIpPrefix || isAnyPrefix(rule.remoteIpPrefix)) {
    remote = { kind: 'anywhere', cidr: rule.ethertype === 'IPv6' ? '::/0' : '0.0.0.0/0' };
  } else {
    remote = { kind: 'cidr', cidr: rule.remoteIpPrefix };
  }
  return { direction: rule.direction, ethertype: rule.ethertype, protocol: protocolLabel(rule.protocol), ports: portsOf(rule), remote };
}

/** The ports part in English: "22 (SSH)", "8000-8080", "all ports", "type 8 (echo request) code 0". */
export function portsInWords(ports: RulePorts): string {
  switch (ports.kind) {
    case 'all':
      return 'all';
    case 'none':
      return '';
    case 'single':
      return ports.service ? `${ports.port} (${ports.service})` : String(ports.port);
    case 'range':
      return `${ports.from}-${ports.to}`;
    case 'icmp':
      return `type ${ports.type}${ports.typeName ? ` (${ICMP_NAMES_EN[ports.typeName] ?? ports.typeName})` : ''}${ports.code === null ? '' : ` code ${ports.code}`}`;
  }
}

/** The remote part in English: "anywhere (0.0.0.0/0)", "10.0.0.0/8", "members of group web". */
export function remoteInWords(remote: RuleRemote): string {
  if (remote.kind === 'anywhere') return `anywhere (${remote.cidr})`;
  if (remote.kind === 'cidr') return remote.cidr;
  return remote.self ? 'members of this group' : `members of group ${remote.name ?? remote.id}`;
}

/** "Ingress TCP 22 (SSH) from anywhere (0.0.0.0/0)", "Egress any IPv6 to anywhere (::/0)". */
export function ruleSummary(rule: DescribableRule, groupNames?: ReadonlyMap<string, string>): string {
  const words = describeRule(rule, groupNames);
  const direction = words.direction === 'ingress' ? 'Ingress' : 'Egress';
  const what = words.protocol === 'any' ? `any ${words.ethertype}` : [words.protocol, portsInWords(words.ports)].filter(Boolean).join(' ');
  return `${direction} ${what} ${words.direction === 'ingress' ? 'from' : 'to'} ${remoteInWords(words.remote)}`;
}

/**
 * The sensitive services (SSH, RDP, MySQL) that an ingress rule opens to the whole internet, for the editor's
 * warning: a TCP (or any-protocol) rule from 0.0.0.0/0 or ::/0 whose port range covers them.
 */
export function exposedServices(rule: DescribableRule): string[] {
  if (rule.direction !== 'ingress' || rule.remoteGroupId) return [];
  if (rule.remoteIpPrefix && !isAnyPrefix(rule.remoteIpPrefix)) return [];
  const number = protocolNumber(rule.protocol);
  if (rule.protocol !== null && number !== 0 && number !== 6) return [];
  const from = rule.portRangeMin ?? 1;
  const to = rule.portRangeMax ?? 65535;
  return Object.entries(SENSITIVE_PORTS)
    .filter(([port]) => Number(port) >= from && Number(port) <= to)
    .map(([, name]) => name);
}

const plain = (value: string): string => (/^[A-Za-z0-9._:/@+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

/**
 * The `openstack security group rule create` command for a rule: --dst-port is the destination port (a range
 * as from:to), ICMP takes --icmp-type/--icmp-code, the remote is --remote-ip or --remote-group.
 */
export function ruleCliCommand(rule: DescribableRule & { description?: string }, group: string, remoteGroupName?: string | null): string {
  const parts = ['openstack security group rule create', rule.direction === 'ingress' ? '--ingress' : '--egress'];
  if (rule.ethertype === 'IPv6') parts.push('--ethertype IPv6');
  parts.push(`--protocol ${plain(rule.protocol ?? 'any')}`);
  if (isIcmp(rule.protocol)) {
    if (rule.portRangeMin !== null) parts.push(`--icmp-type ${rule.portRangeMin}`);
    if (rule.portRangeMax !== null) parts.push(`--icmp-code ${rule.portRangeMax}`);
  } else if (rule.portRangeMin !== null || rule.portRangeMax !== null) {
    const from = rule.portRangeMin ?? rule.portRangeMax;
    const to = rule.portRangeMax ?? rule.portRangeMin;
    parts.push(`--dst-port ${from === to ? from : `${from}:${to}`}`);
  }
  if (rule.remoteGroupId) parts.push(`--remote-group ${plain(remoteGroupName || rule.remoteGroupId)}`);
  else parts.push(`--remote-ip ${rule.remoteIpPrefix ?? (rule.ethertype === 'IPv6' ? '::/0' : '0.0.0.0/0')}`);
  if (rule.description) parts.push(`--description ${plain(rule.description)}`);
  parts.push(plain(group));
  return parts.join(' ');
}
