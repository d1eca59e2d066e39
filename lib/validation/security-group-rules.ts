import { z } from 'zod';

import type { RuleDirection, RuleEthertype, SecurityGroupRule } from '../openstack/neutron/types';
import { ethertypeOf, isAnyPrefix, normaliseCidr } from '../network/cidr';

/**
 * A security-group rule as the rule editor and POST /api/security-groups/{id}/rules take it, checked the way
 * Neutron checks it so that a mistake is named at its field before anything is sent. Messages are i18n keys
 * under "securityGroups.errors". For ICMP, portRangeMin is the ICMP type and portRangeMax the ICMP code.
 */

/** Neutron's protocol names and their IP protocol numbers (neutron-lib's constants). */
export const PROTOCOL_NUMBERS: Readonly<Record<string, number>> = {
  any: 0, ah: 51, dccp: 33, egp: 8, esp: 50, gre: 47, icmp: 1, icmpv6: 58, igmp: 2, ipip: 4, 'ipv6-encap': 41,
  'ipv6-frag': 44, 'ipv6-icmp': 58, 'ipv6-nonxt': 59, 'ipv6-opts': 60, 'ipv6-route': 43, ospf: 89, pgm: 113,
  rsvp: 46, sctp: 132, tcp: 6, udp: 17, udplite: 136, vrrp: 112,
};

/** Protocols whose rules may name destination ports. */
const PORT_PROTOCOLS = new Set([6, 17, 33, 132, 136]);
/** ICMP and ICMPv6: the "ports" are the ICMP type and code. */
const ICMP_PROTOCOLS = new Set([1, 58]);

/** The protocol's number, or null for "any" (an empty or null protocol, "any" or 0) or an unknown name. */
export function protocolNumber(protocol: string | null | undefined): number | null {
  if (protocol === null || protocol === undefined) return null;
  const text = protocol.trim().toLowerCase();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text);
  return PROTOCOL_NUMBERS[text] ?? null;
}

export const isAnyProtocol = (protocol: string | null | undefined): boolean => protocolNumber(protocol) === 0 || !protocol?.trim();
export const takesPorts = (protocol: string | null | undefined): boolean => PORT_PROTOCOLS.has(protocolNumber(protocol) ?? -1);
export const isIcmp = (protocol: string | null | undefined): boolean => ICMP_PROTOCOLS.has(protocolNumber(protocol) ?? -1);

const optionalText = (max: number) => z.string().trim().max(max, 'too_long');
const whole = z.number({ message: 'not_a_number' }).int('not_an_integer');

export const securityGroupRuleInput = z
  .object({
    direction: z.enum(['ingress', 'egress'], { message: 'direction_required' }),
    ethertype: z.enum(['IPv4', 'IPv6'], { message: 'ethertype_invalid' }).optional(),
    protocol: optionalText(32).nullable(),
    portRangeMin: whole.nullable(),
    portRangeMax: whole.nullable(),
    remoteIpPrefix: optionalText(64).nullable(),
    remoteGroupId: optionalText(64).nullable(),
    description: optionalText(255).optional(),
  })
  .superRefine((rule, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const protocol = rule.protocol?.trim() ?? '';
    const number = protocolNumber(protocol);
    if (protocol !== '' && (number === null || number > 255)) issue('protocol', 'protocol_unknown');
    const { portRangeMin: min, portRangeMax: max } = rule;
    if (isIcmp(protocol)) {
      if (min !== null && (min < 0 || min > 255)) issue('portRangeMin', 'icmp_type_range');
      if (max !== null && (max < 0 || max > 255)) issue('portRangeMax', 'icmp_code_range');
      if (max !== null && min === null) issue('portRangeMax', 'icmp_code_without_type');
    } else if (min !== null || max !== null) {
      if (!takesPorts(protocol)) {
        issue('portRangeMin', isAnyProtocol(protocol) ? 'ports_need_protocol' : 'ports_not_supported');
      } else {
        if (min !== null && (min < 1 || min > 65535)) issue('portRangeMin', 'port_range');
        if (max !== null && (max < 1 || max > 65535)) issue('portRangeMax', 'port_range');
        if (min !== null && max !== null && min > max) issue('portRangeMax', 'port_from_after_to');
      }
    }
    const prefix = rule.remoteIpPrefix?.trim() ?? '';
    if (prefix !== '') {
      const family = ethertypeOf(prefix);
      if (!family) issue('remoteIpPrefix', 'invalid_cidr');
      else if (rule.ethertype && rule.ethertype !== family) issue('remoteIpPrefix', 'ethertype_mismatch');
      else if (family === 'IPv4' && number === 58) issue('protocol', 'icmpv6_needs_ipv6');
    }
    if (prefix !== '' && rule.remoteGroupId?.trim()) issue('remoteGroupId', 'remote_both');
  })
  .transform(normaliseRule);

export type SecurityGroupRuleRequest = z.input<typeof securityGroupRuleInput>;
export type SecurityGroupRuleInput = z.output<typeof securityGroupRuleInput>;

/**
 * What is sent to Neutron: protocol in lower case (null for any), ethertype taken from the CIDR when there is
 * one, an empty CIDR or group as null, and the CIDR with its host bits cleared (as Neutron stores it).
 */
function normaliseRule(rule: {
  direction: RuleDirection;
  ethertype?: RuleEthertype;
  protocol: string | null;
  portRangeMin: number | null;
  portRangeMax: number | null;
  remoteIpPrefix: string | null;
  remoteGroupId: string | null;
  description?: string;
}) {
  const protocol = rule.protocol?.trim().toLowerCase() || null;
  const prefix = rule.remoteIpPrefix?.trim() ? normaliseCidr(rule.remoteIpPrefix.trim(), { allowBareAddress: true }) : null;
  const ethertype: RuleEthertype = (prefix && ethertypeOf(prefix)) || rule.ethertype || (protocolNumber(protocol) === 58 ? 'IPv6' : 'IPv4');
  const anyProtocol = protocol === null || protocol === 'any' || protocol === '0';
  return {
    direction: rule.direction,
    ethertype,
    protocol: anyProtocol ? null : protocol,
    portRangeMin: rule.portRangeMin,
    portRangeMax: rule.portRangeMax,
    remoteIpPrefix: prefix,
    remoteGroupId: rule.remoteGroupId?.trim() || null,
    description: rule.description?.trim() ?? '',
  };
}

type RuleShape = Pick<SecurityGroupRule, 'direction' | 'ethertype' | 'protocol' | 'portRangeMin' | 'portRangeMax' | 'remoteIpPrefix' | 'remoteGroupId'>;

/**
 * The key Neutron compares rules by when it refuses a duplicate: an any-address prefix counts as no prefix,
 * and a protocol name as its number. The description does not count.
 */
export function ruleKey(rule: RuleShape): string {
  const prefix = rule.remoteIpPrefix && isAnyPrefix(rule.remoteIpPrefix) ? null : rule.remoteIpPrefix;
  const number = protocolNumber(rule.protocol);
  const protocol = number === 0 ? null : (number ?? rule.protocol);
  return JSON.stringify([rule.direction, rule.ethertype, protocol, rule.portRangeMin, rule.portRangeMax, prefix, rule.remoteGroupId]);
}

/** The existing rule that the new one repeats, if any. */
export function findDuplicateRule<T extends RuleShape>(rule: RuleShape, existing: readonly T[]): T | null {
  const key = ruleKey(rule);
  return existing.find((r) => ruleKey(r) === key) ?? null;
}

export const deleteRulesInput = z.object({
  ruleIds: z.array(z.string().trim().min(1).max(64)).min(1, 'rules_required').max(500, 'too_many'),
});
