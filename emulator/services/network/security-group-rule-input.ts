// The body of POST /v2.0/security-group-rules, checked in the order Neutron checks it: the
// attribute converters (protocol, ports, ethertype, remote_ip_prefix), then the plugin's rule
// validation (port range per protocol, ethertype against the prefix and the protocol, one
// remote only). Messages and error types are Neutron's (neutron/extensions/securitygroup.py),
// so clients print what a real cloud prints. Checks that need the store (the group and the
// remote group exist for the project, duplicates, quota) belong to the route.

import { ApiError } from '../../http/api-error';

export type Direction = 'ingress' | 'egress';
export type Ethertype = 'IPv4' | 'IPv6';

/** A rule as it will be stored; wire names, because the store and the view use them as is. */
export interface RuleFields {
  security_group_id: string;
  direction: Direction;
  ethertype: Ethertype;
  /** null is any protocol; otherwise a lower-case name or a number 0–255 as text. */
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  /** As the client wrote it, with the prefix length added (10.0.0.5 → 10.0.0.5/32). */
  remote_ip_prefix: string | null;
  /** The prefix with its host bits cleared (10.0.0.5/24 → 10.0.0.0/24); null without a prefix. */
  normalized_cidr: string | null;
  remote_group_id: string | null;
  description: string;
}

export interface ParsedRule extends RuleFields {
  /** project_id or tenant_id from the body, when the client gave one. */
  project_id: string | null;
}

// neutron_lib.constants.IP_PROTOCOL_MAP (icmpv6 is the legacy alias of ipv6-icmp).
const PROTOCOL_NUMBERS: Readonly<Record<string, number>> = {
  ah: 51, dccp: 33, egp: 8, esp: 50, gre: 47, hopopt: 0, icmp: 1, igmp: 2, ip: 0, ipip: 4,
  'ipv6-encap': 41, 'ipv6-frag': 44, 'ipv6-icmp': 58, icmpv6: 58, 'ipv6-nonxt': 59,
  'ipv6-opts': 60, 'ipv6-route': 43, ospf: 89, pgm: 113, rsvp: 46, sctp: 132, tcp: 6,
  udp: 17, udplite: 136, vrrp: 112,
};
const PROTOCOL_NAMES = Object.keys(PROTOCOL_NUMBERS);
const NAME_OF_NUMBER = new Map<number, string>(
  Object.entries(PROTOCOL_NUMBERS)
    .filter(([name]) => name !== 'icmpv6' && name !== 'ip')
    .map(([name, number]) => [number, name]),
);
/** Protocols whose rules carry a destination port range (neutron's SG_PORT_PROTO_NAMES). */
const PORT_PROTOCOLS = ['dccp', 'sctp', 'tcp', 'udp', 'udplite'];
const ICMP_NUMBERS = [1, 58];
/** Protocols that exist only over IPv6; a rule for them with ethertype IPv4 is refused. */
const IPV6_ONLY = ['ipv6-encap', 'ipv6-frag', 'ipv6-icmp', 'icmpv6', 'ipv6-nonxt', 'ipv6-opts', 'ipv6-route'];
const IPV6_ONLY_NUMBERS = ['41', '44', '58', '59', '60', '43'];

const ALLOWED_ATTRIBUTES = new Set([
  'security_group_id', 'remote_group_id', 'direction', 'protocol', 'port_range_min', 'port_range_max',
  'ethertype', 'remote_ip_prefix', 'tenant_id', 'project_id', 'description',
]);

const pyRepr = (value: unknown): string =>
  value === null || value === undefined ? 'None' : typeof value === 'string' ? `'${value}'` : String(value);
const pyList = (values: readonly unknown[]): string => `[${values.map(pyRepr).join(', ')}]`;
/** How Python's %s prints a JSON value in Neutron's messages. */
const pyStr = (value: unknown): string =>
  typeof value === 'string' ? value : value === true ? 'True' : value === false ? 'False' : value === null ? 'None' : Array.isArray(value) ? pyList(value) : String(value);

const invalid = (type: string, message: string): ApiError => new ApiError(400, message, type);
const badRequest = (message: string): ApiError => new ApiError(400, message, 'HTTPBadRequest');
const invalidAttribute = (attribute: string, reason: string): ApiError =>
  badRequest(`Invalid input for ${attribute}. Reason: ${reason}.`);

export function convertProtocol(value: unknown): string | null {
  if (value === null || value === undefined || value === 'any') return null;
  const refuse = (): ApiError =>
    invalid(
      'SecurityGroupRuleInvalidProtocol',
      `Security group rule protocol ${pyStr(value)} not supported. Only protocol values ${pyList([null, ...PROTOCOL_NAMES])} and integer representations [0 to 255] are supported.`,
    );
  if (typeof value === 'number' || (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value))) {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0 || number > 255) throw refuse();
    return String(value).trim();
  }
  if (typeof value === 'string' && PROTOCOL_NAMES.includes(value.toLowerCase())) return value.toLowerCase();
  throw refuse();
}

export function convertPort(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(number) || number < 0 || number > 65535) {
    throw invalid('SecurityGroupInvalidPortValue', `Invalid value for port ${pyStr(value)}`);
  }
  return number;
}

export function convertEthertype(value: unknown): Ethertype {
  if (typeof value === 'string') {
    if (value.toLowerCase() === 'ipv4') return 'IPv4';
    if (value.toLowerCase() === 'ipv6') return 'IPv6';
  }
  throw invalid(
    'SecurityGroupRuleInvalidEtherType',
    `Security group rule for ethertype '${pyStr(value)}' not supported. Allowed values are ['IPv4', 'IPv6'].`,
  );
}

/** The protocol's number, or null for any; names and numbers are both accepted. */
export function protocolNumber(protocol: string | null): number | null {
  if (protocol === null) return null;
  return PROTOCOL_NUMBERS[protocol] ?? Number(protocol);
}

/** [name, number] of a protocol, as Neutron compares rules: "tcp" and "6" are the same rule. */
function protocolIdentity(protocol: string | null, ethertype: Ethertype): string {
  if (protocol === null) return '+';
  let value = protocol;
  if (ethertype === 'IPv6' && (value === 'icmp' || value === 'icmpv6')) value = 'ipv6-icmp';
  if (ethertype === 'IPv6' && value === '1') value = '58';
  const number = protocolNumber(value);
  return `${number === null ? value : NAME_OF_NUMBER.get(number) ?? value}/${number}`;
}

function validatePortRange(rule: RuleFields): void {
  const { port_range_min: min, port_range_max: max, protocol } = rule;
  if (min === null && max === null) return;
  if (protocol === null) {
    throw invalid('SecurityGroupProtocolRequiredWithPorts', 'Must also specify protocol if port range is given.');
  }
  const number = protocolNumber(protocol);
  if (PORT_PROTOCOLS.some((name) => PROTOCOL_NUMBERS[name] === number)) {
    if (min === 0 || max === 0) throw invalid('SecurityGroupInvalidPortValue', 'Invalid value for port 0');
    if (min === null || max === null || min > max) {
      throw invalid('SecurityGroupInvalidPortRange', 'For TCP/UDP protocols, port_range_min must be <= port_range_max');
    }
  } else if (number !== null && ICMP_NUMBERS.includes(number)) {
    for (const [attribute, field, value] of [['port_range_min', 'type', min], ['port_range_max', 'code', max]] as const) {
      if (value !== null && value > 255) {
        throw invalid(
          'SecurityGroupInvalidIcmpValue',
          `Invalid value for ICMP ${field} (${attribute}) ${value}. It must be 0 to 255.`,
        );
      }
    }
    if (min === null && max !== null) {
      throw invalid(
        'SecurityGroupMissingIcmpType',
        `ICMP code (port-range-max) ${max} is provided but ICMP type (port-range-min) is missing.`,
      );
    }
  } else {
    throw invalid(
      'SecurityGroupInvalidProtocolForPort',
      `Invalid protocol ${number} for port range, only supported for ${PORT_PROTOCOLS.map((p) => p.toUpperCase()).join(', ')} protocols.`,
    );
  }
}

/** Parses `{"security_group_rule": {...}}`; throws the ApiError Neutron would answer with. */
export function parseSecurityGroupRule(body: unknown): ParsedRule {
  const input = (body as Record<string, unknown> | null)?.security_group_rule;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw badRequest("Unable to find 'security_group_rule' in request body");
  }
  const fields = input as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !ALLOWED_ATTRIBUTES.has(key));
  if (unknown.length > 0) throw badRequest(`Unrecognized attribute(s) '${unknown.join(', ')}'`);
  const project = projectOf(fields);
  for (const required of ['security_group_id', 'direction']) {
    if (fields[required] === undefined) {
      throw badRequest(`Failed to parse request. Required attribute '${required}' not specified`);
    }
  }

  // The attribute converters and validators, in Neutron's attribute order.
  const securityGroupId = idText('security_group_id', fields.security_group_id);
  const remoteGroupId = fields.remote_group_id == null ? null : idText('remote_group_id', fields.remote_group_id);
  if (fields.direction !== 'ingress' && fields.direction !== 'egress') {
    throw invalidAttribute('direction', `${pyStr(fields.direction)} is not in valid_values`);
  }
  let protocol = convertProtocol(fields.protocol);
  const portRangeMin = convertPort(fields.port_range_min);
  const portRangeMax = convertPort(fields.port_range_max);
  const ethertype = fields.ethertype === undefined ? 'IPv4' : convertEthertype(fields.ethertype);
  const prefix = fields.remote_ip_prefix == null || fields.remote_ip_prefix === '' ? null : parsePrefix(fields.remote_ip_prefix);
  const description = descriptionText(fields.description);

  // The plugin's checks (securitygroups_db._validate_security_group_rule).
  if (ethertype === 'IPv6' && (protocol === 'icmp' || protocol === 'icmpv6')) protocol = 'ipv6-icmp';
  else if (ethertype === 'IPv6' && protocol === '1') protocol = '58';
  const rule: RuleFields = {
    security_group_id: securityGroupId,
    direction: fields.direction,
    ethertype,
    protocol,
    port_range_min: portRangeMin,
    port_range_max: portRangeMax,
    remote_ip_prefix: prefix === null ? null : prefix.text,
    normalized_cidr: prefix === null ? null : prefix.normalized,
    remote_group_id: remoteGroupId,
    description,
  };
  validatePortRange(rule);
  if (prefix !== null && `IPv${prefix.version}` !== ethertype) {
    throw invalid('SecurityGroupRuleParameterConflict', `Conflicting value ethertype ${ethertype} for CIDR ${prefix.text}`);
  }
  if (ethertype === 'IPv4' && protocol !== null && (IPV6_ONLY.includes(protocol) || IPV6_ONLY_NUMBERS.includes(protocol))) {
    throw invalid('SecurityGroupEthertypeConflictWithProtocol', `Invalid ethertype ${ethertype} for protocol ${protocol}.`);
  }
  if (rule.remote_ip_prefix !== null && rule.remote_group_id !== null) {
    throw invalid('SecurityGroupRemoteGroupAndRemoteIpPrefix', 'Only remote_ip_prefix or remote_group_id may be provided.');
  }
  return { ...rule, project_id: project };
}

/**
 * What makes two rules of a group the same rule (securitygroups_db._rule_to_key): protocol by
 * name and number, and "anywhere" written as 0.0.0.0/0, ::/0 or nothing.
 */
export function ruleKey(
  rule: Pick<
    RuleFields,
    | 'direction'
    | 'ethertype'
    | 'port_range_min'
    | 'port_range_max'
    | 'protocol'
    | 'remote_group_id'
    | 'remote_ip_prefix'
    | 'security_group_id'
  >,
): string {
  const prefix = rule.remote_ip_prefix === null ? null : parsePrefix(rule.remote_ip_prefix).normalized;
  const anywhere = prefix === null || prefix === '0.0.0.0/0' || prefix === '::/0';
  return [
    rule.direction,
    rule.ethertype,
    rule.port_range_max ?? '+',
    rule.port_range_min ?? '+',
    protocolIdentity(rule.protocol, rule.ethertype),
    rule.remote_group_id ?? '+',
    anywhere ? '+' : prefix,
    rule.security_group_id,
  ].join('_');
}

function projectOf(fields: Record<string, unknown>): string | null {
  const { project_id: project, tenant_id: tenant } = fields;
  if (project !== undefined && tenant !== undefined && project !== tenant) {
    throw badRequest("'project_id' and 'tenant_id' do not match");
  }
  const value = project ?? tenant;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalidAttribute('project_id', `'${pyStr(value)}' is not a valid string`);
  return value;
}

function idText(attribute: string, value: unknown): string {
  if (typeof value !== 'string') throw invalidAttribute(attribute, `'${pyStr(value)}' is not a valid string`);
  return value;
}

function descriptionText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw invalidAttribute('description', `'${pyStr(value)}' is not a valid string`);
  if (value.length > 255) throw invalidAttribute('description', `'${value}' exceeds maximum length of 255`);
  return value;
}

// ---- IP prefixes, as netaddr.IPNetwork reads and prints them ----

export interface Prefix {
  version: 4 | 6;
  /** Address and length as netaddr prints them: 10.0.0.5/24, 2001:db8::1/64. */
  text: string;
  /** Host bits cleared: 10.0.0.0/24. */
  normalized: string;
}

function parseV4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255)) return null;
  return parts.reduce((value, part) => (value << 8n) | BigInt(part), 0n);
}

function parseV6(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string, last: boolean): number[] | null => {
    if (half === '') return [];
    const out: number[] = [];
    const parts = half.split(':');
    for (const [index, part] of parts.entries()) {
      if (last && index === parts.length - 1 && part.includes('.')) {
        const v4 = parseV4(part);
        if (v4 === null) return null;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (/^[0-9a-f]{1,4}$/i.test(part)) {
        out.push(parseInt(part, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = groups(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? groups(halves[1]!, true) : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...Array<number>(missing).fill(0), ...tail].reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

function formatV4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
function formatV6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, index) => Number((value >> BigInt((7 - index) * 16)) & 0xffffn));
  let best = { start: -1, length: 0 };
  for (let start = 0; start < 8; ) {
    let end = start;
    while (end < 8 && groups[end] === 0) end += 1;
    if (end - start > best.length) best = { start, length: end - start };
    start = end === start ? start + 1 : end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.length < 2) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

/** A remote_ip_prefix; throws Neutron's InvalidCIDR when it is not one. */
export function parsePrefix(input: unknown): Prefix {
  const refuse = (): ApiError => invalid('InvalidCIDR', `Invalid CIDR ${pyStr(input)} given as IP prefix.`);
  if (typeof input !== 'string') throw refuse();
  const [address = '', length, extra] = input.trim().split('/');
  if (extra !== undefined) throw refuse();
  const v4 = parseV4(address);
  const version = v4 !== null ? 4 : 6;
  const value = v4 ?? parseV6(address);
  if (value === null) throw refuse();
  const bits = version === 4 ? 32 : 128;
  if (length !== undefined && !/^\d{1,3}$/.test(length)) throw refuse();
  const prefixLength = length === undefined ? bits : Number(length);
  if (prefixLength > bits) throw refuse();
  const hostMask = (1n << BigInt(bits - prefixLength)) - 1n;
  const format = version === 4 ? formatV4 : formatV6;
  return {
    version,
    text: `${format(value)}/${prefixLength}`,
    normalized: `${format(value & ~hostMask)}/${prefixLength}`,
  };
}
