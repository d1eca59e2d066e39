/**
 * The rule editor's templates: each one a short name for the Neutron rules it stands for (DNS is two, UDP and
 * TCP 53). The remote (a CIDR or a group) and the direction come from the form; the ethertype follows the CIDR.
 */
import type { RuleDirection } from '../openstack/neutron/types';
import { ethertypeOf } from './cidr';
import type { SecurityGroupRuleRequest } from '../validation/security-group-rules';

export const RULE_TEMPLATE_IDS = ['ssh', 'http', 'https', 'ping', 'rdp', 'mysql', 'dns', 'all-tcp', 'all-udp', 'all-icmp', 'custom'] as const;
export type RuleTemplateId = (typeof RULE_TEMPLATE_IDS)[number];

interface TemplateRule {
  protocol: 'tcp' | 'udp' | 'icmp';
  from: number | null;
  to: number | null;
}

const TEMPLATES: Record<Exclude<RuleTemplateId, 'custom'>, TemplateRule[]> = {
  ssh: [{ protocol: 'tcp', from: 22, to: 22 }],
  http: [{ protocol: 'tcp', from: 80, to: 80 }],
  https: [{ protocol: 'tcp', from: 443, to: 443 }],
  // ICMP echo request: type 8 for IPv4, 128 for ICMPv6 (see templateRules).
  ping: [{ protocol: 'icmp', from: 8, to: null }],
  rdp: [{ protocol: 'tcp', from: 3389, to: 3389 }],
  mysql: [{ protocol: 'tcp', from: 3306, to: 3306 }],
  dns: [
    { protocol: 'udp', from: 53, to: 53 },
    { protocol: 'tcp', from: 53, to: 53 },
  ],
  'all-tcp': [{ protocol: 'tcp', from: 1, to: 65535 }],
  'all-udp': [{ protocol: 'udp', from: 1, to: 65535 }],
  'all-icmp': [{ protocol: 'icmp', from: null, to: null }],
};

export interface TemplateOptions {
  direction: RuleDirection;
  /** Empty means anywhere (0.0.0.0/0, or ::/0 when ipv6 is asked for). */
  remoteIpPrefix: string | null;
  remoteGroupId: string | null;
  /** For an empty prefix: which family "anywhere" means. Default IPv4. */
  ethertype?: 'IPv4' | 'IPv6';
  description?: string;
}

/** The rules a template stands for, ready for securityGroupRuleInput. Custom has none. */
export function templateRules(id: RuleTemplateId, options: TemplateOptions): SecurityGroupRuleRequest[] {
  if (id === 'custom') return [];
  const prefix = options.remoteIpPrefix?.trim() || null;
  const ethertype = (prefix && ethertypeOf(prefix)) || options.ethertype || 'IPv4';
  const remoteGroupId = prefix ? null : options.remoteGroupId?.trim() || null;
  return TEMPLATES[id].map((rule) => {
    const icmpv6 = rule.protocol === 'icmp' && ethertype === 'IPv6';
    return {
      direction: options.direction,
      ethertype,
      protocol: icmpv6 ? 'ipv6-icmp' : rule.protocol,
      portRangeMin: icmpv6 && rule.from === 8 ? 128 : rule.from,
      portRangeMax: rule.to,
      remoteIpPrefix: prefix,
      remoteGroupId,
      description: options.description ?? '',
    };
  });
}

/** The destination port a template opens, shown next to its name ("SSH · TCP 22"). */
export function templatePorts(id: RuleTemplateId): string {
  if (id === 'custom') return '';
  return TEMPLATES[id].map((r) => (r.protocol === 'icmp' ? 'ICMP' : `${r.protocol.toUpperCase()} ${r.from === 1 && r.to === 65535 ? '1-65535' : r.from}`)).join(' + ');
}
