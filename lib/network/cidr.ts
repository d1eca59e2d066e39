/**
 * IPv4/IPv6 addresses and CIDRs as Neutron reads them: parse, normalise (host bits), contains, overlaps and the
 * ethertype of an address or prefix. Pure and isomorphic (forms, route handlers, the troubleshooter).
 * Addresses are held as bigint so IPv4 and IPv6 share one code path.
 */

export type IpVersion = 4 | 6;
export type Ethertype = 'IPv4' | 'IPv6';

export interface IpAddress {
  version: IpVersion;
  value: bigint;
}

export interface Cidr {
  version: IpVersion;
  /** The network address (host bits cleared). */
  network: bigint;
  prefixLength: number;
  /** True when the text had bits set after the prefix (e.g. 10.0.0.5/24): Neutron refuses that for subnets. */
  hadHostBits: boolean;
}

/** Why a text is not an acceptable CIDR; usable as an i18n key suffix. */
export type CidrProblem = 'not_a_cidr' | 'host_bits_set';

const BITS: Record<IpVersion, number> = { 4: 32, 6: 128 };
const DECIMAL = /^(0|[1-9][0-9]{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

export const maxPrefix = (version: IpVersion): number => BITS[version];

function allOnes(bits: number): bigint {
  return (1n << BigInt(bits)) - 1n;
}

function maskOf(version: IpVersion, prefixLength: number): bigint {
  const bits = BITS[version];
  return allOnes(bits) ^ allOnes(bits - prefixLength);
}

/** Dotted decimal, exactly four parts 0–255, no leading zeros (they are octal to some parsers). */
function parseIpv4Value(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!DECIMAL.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

/** RFC 4291 text forms: eight groups, one "::", an optional dotted IPv4 tail. No zone ids. */
function parseIpv6Value(text: string): bigint | null {
  if (text.length > 45 || !text.includes(':')) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (half: string, allowV4Tail: boolean): bigint[] | null => {
    if (half === '') return [];
    const parts = half.split(':');
    const groups: bigint[] = [];
    for (let i = 0; i < parts.length; i += 1) {
      const part = parts[i]!;
      if (allowV4Tail && i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4Value(part);
        if (v4 === null) return null;
        groups.push(v4 >> 16n, v4 & 0xffffn);
      } else if (HEX_GROUP.test(part)) {
        groups.push(BigInt(parseInt(part, 16)));
      } else {
        return null;
      }
    }
    return groups;
  };
  const head = groupsOf(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? groupsOf(halves[1]!, true) : [];
  if (!head || !tail) return null;
  let groups: bigint[];
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return null;
    groups = [...head, ...Array<bigint>(missing).fill(0n), ...tail];
  } else {
    groups = head;
  }
  if (groups.length !== 8) return null;
  return groups.reduce((value, group) => (value << 16n) | group, 0n);
}

/** An IPv4 or IPv6 address, or null. Whitespace is not trimmed: callers (zod) trim. */
export function parseIp(text: string): IpAddress | null {
  if (typeof text !== 'string') return null;
  if (text.includes(':')) {
    const value = parseIpv6Value(text);
    return value === null ? null : { version: 6, value };
  }
  const value = parseIpv4Value(text);
  return value === null ? null : { version: 4, value };
}

export const isIpAddress = (text: string): boolean => parseIp(text) !== null;
export const isIpv4 = (text: string): boolean => parseIp(text)?.version === 4;
export const isIpv6 = (text: string): boolean => parseIp(text)?.version === 6;

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/** RFC 5952: lower case, no leading zeros, the longest run (≥2) of zero groups as "::", IPv4-mapped as dotted. */
function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${formatIpv4(value & 0xffffffffn)}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

export function formatIp(address: IpAddress): string {
  return address.version === 4 ? formatIpv4(address.value) : formatIpv6(address.value);
}

/** The canonical text of an address ("2001:DB8:0::1" → "2001:db8::1"), or null. */
export function normaliseIp(text: string): string | null {
  const address = parseIp(text);
  return address ? formatIp(address) : null;
}

export interface ParseCidrOptions {
  /** Read a bare address as a host prefix (/32 or /128), as Neutron does for remote_ip_prefix. Default false. */
  allowBareAddress?: boolean;
}

/** "address/prefix" (host bits allowed but noted in hadHostBits), or null. */
export function parseCidr(text: string, options: ParseCidrOptions = {}): Cidr | null {
  if (typeof text !== 'string') return null;
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const address = parseIp(addressText);
  if (!address) return null;
  const bits = BITS[address.version];
  let prefixLength = bits;
  if (slash < 0) {
    if (!options.allowBareAddress) return null;
  } else {
    const prefixText = text.slice(slash + 1);
    if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return null;
    prefixLength = Number(prefixText);
    if (prefixLength > bits) return null;
  }
  const network = address.value & maskOf(address.version, prefixLength);
  return { version: address.version, network, prefixLength, hadHostBits: network !== address.value };
}

export function formatCidr(cidr: Pick<Cidr, 'version' | 'network' | 'prefixLength'>): string {
  return `${formatIp({ version: cidr.version, value: cidr.network })}/${cidr.prefixLength}`;
}

/** The canonical network text with host bits cleared ("10.0.0.5/24" → "10.0.0.0/24"), or null. */
export function normaliseCidr(text: string, options: ParseCidrOptions = {}): string | null {
  const cidr = parseCidr(text, options);
  return cidr ? formatCidr(cidr) : null;
}

/** What is wrong with a CIDR text for a subnet (host bits are refused), or null when it is fine. */
export function cidrProblem(text: string, options: ParseCidrOptions & { allowHostBits?: boolean } = {}): CidrProblem | null {
  const cidr = parseCidr(text, options);
  if (!cidr) return 'not_a_cidr';
  if (cidr.hadHostBits && !options.allowHostBits) return 'host_bits_set';
  return null;
}

/** A single-address prefix: "203.0.113.5" → "203.0.113.5/32", "2001:db8::1" → "2001:db8::1/128". */
export function hostCidr(ip: string | IpAddress): string | null {
  const address = typeof ip === 'string' ? parseIp(ip) : ip;
  return address ? `${formatIp(address)}/${BITS[address.version]}` : null;
}

/** The first and last address of a prefix. */
export function cidrRange(cidr: Pick<Cidr, 'version' | 'network' | 'prefixLength'>): { first: bigint; last: bigint } {
  return { first: cidr.network, last: cidr.network | allOnes(BITS[cidr.version] - cidr.prefixLength) };
}

/** The number of addresses in a prefix (bigint: an IPv6 /64 does not fit a number). */
export function cidrSize(cidr: Pick<Cidr, 'version' | 'prefixLength'>): bigint {
  return 1n << BigInt(BITS[cidr.version] - cidr.prefixLength);
}

type CidrInput = string | Cidr;
type IpInput = string | IpAddress;

const asCidr = (input: CidrInput): Cidr | null =>
  typeof input === 'string' ? parseCidr(input, { allowBareAddress: true }) : input;
const asIp = (input: IpInput): IpAddress | null => (typeof input === 'string' ? parseIp(input) : input);

/** Whether the address lies inside the prefix. Different families never match; bad input never matches. */
export function contains(cidr: CidrInput, ip: IpInput): boolean {
  const prefix = asCidr(cidr);
  const address = asIp(ip);
  if (!prefix || !address || prefix.version !== address.version) return false;
  return (address.value & maskOf(prefix.version, prefix.prefixLength)) === prefix.network;
}

/** Whether `outer` includes every address of `inner` (same family). */
export function containsCidr(outer: CidrInput, inner: CidrInput): boolean {
  const a = asCidr(outer);
  const b = asCidr(inner);
  if (!a || !b || a.version !== b.version || b.prefixLength < a.prefixLength) return false;
  return (b.network & maskOf(a.version, a.prefixLength)) === a.network;
}

/** Whether two prefixes share any address (same family). */
export function overlaps(a: CidrInput, b: CidrInput): boolean {
  const x = asCidr(a);
  const y = asCidr(b);
  if (!x || !y || x.version !== y.version) return false;
  const shorter = Math.min(x.prefixLength, y.prefixLength);
  const mask = maskOf(x.version, shorter);
  return (x.network & mask) === (y.network & mask);
}

/** 'IPv4' or 'IPv6' for an address or a CIDR text (bare addresses too), or null when it is neither. */
export function ethertypeOf(cidrOrIp: string): Ethertype | null {
  const cidr = parseCidr(cidrOrIp, { allowBareAddress: true });
  if (!cidr) return null;
  return cidr.version === 4 ? 'IPv4' : 'IPv6';
}

/** Whether the prefix is "any address" of its family (0.0.0.0/0 or ::/0). */
export function isAnyPrefix(cidr: CidrInput): boolean {
  const prefix = asCidr(cidr);
  return prefix !== null && prefix.prefixLength === 0;
}
