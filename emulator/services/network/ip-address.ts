// IPv4 and IPv6 arithmetic for subnets, pools and allocations: addresses as bigints, CIDRs
// parsed and printed as Neutron (netaddr) prints them, ranges compared and counted.

export type IpVersion = 4 | 6;

export interface Address {
  version: IpVersion;
  value: bigint;
}

export interface Cidr {
  version: IpVersion;
  /** The network address (host bits cleared). */
  network: bigint;
  prefix: number;
  /** True when the text had host bits set (10.0.0.1/24). */
  hostBits: boolean;
}

const BITS: Record<IpVersion, number> = { 4: 32, 6: 128 };

function parseV4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

function parseV6(text: string): bigint | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split('::').length > 2) return null;
  let tail = text;
  let v4Tail: bigint | null = null;
  // An embedded IPv4 address (::ffff:10.0.0.1) fills the last 32 bits.
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    v4Tail = parseV4(text.slice(lastColon + 1));
    if (v4Tail === null) return null;
    tail = `${text.slice(0, lastColon + 1)}0:0`;
    if (tail.endsWith(':::')) return null;
  }
  const [head = '', rest] = tail.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const groups = rest === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  if (groups.length !== 8 || (rest !== undefined && left.length + right.length > 7)) return null;
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  if (v4Tail !== null) value = (value & ~0xffffffffn) | v4Tail;
  return value;
}

/** Parses an IPv4 or IPv6 address; null when it is neither. */
export function parseAddress(text: string): Address | null {
  if (typeof text !== 'string') return null;
  const v4 = parseV4(text);
  if (v4 !== null) return { version: 4, value: v4 };
  const v6 = text.includes(':') ? parseV6(text) : null;
  return v6 === null ? null : { version: 6, value: v6 };
}

/** An address in its canonical text form (IPv6 lower case with the longest zero run as ::). */
export function formatAddress(version: IpVersion, value: bigint): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => Number((value >> shift) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** The canonical form of an address text, or null if it is not one. */
export function normalizeAddress(text: string): string | null {
  const address = parseAddress(text);
  return address && formatAddress(address.version, address.value);
}

export function parseCidr(text: string): Cidr | null {
  if (typeof text !== 'string') return null;
  const [addressText = '', prefixText, extra] = text.split('/');
  if (extra !== undefined) return null;
  const address = parseAddress(addressText);
  if (!address) return null;
  const bits = BITS[address.version];
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
  if (prefix < 0 || prefix > bits) return null;
  const network = address.value & maskOf(address.version, prefix);
  return { version: address.version, network, prefix, hostBits: network !== address.value };
}

function maskOf(version: IpVersion, prefix: number): bigint {
  const bits = BigInt(BITS[version]);
  return ((1n << bits) - 1n) ^ ((1n << (bits - BigInt(prefix))) - 1n);
}

export function formatCidr(cidr: Cidr): string {
  return `${formatAddress(cidr.version, cidr.network)}/${cidr.prefix}`;
}

/** First and last address of the CIDR (network and broadcast for IPv4). */
export function cidrBounds(cidr: Cidr): { first: bigint; last: bigint } {
  const size = 1n << BigInt(BITS[cidr.version] - cidr.prefix);
  return { first: cidr.network, last: cidr.network + size - 1n };
}

/**
 * The addresses hosts may use: IPv4 leaves out the network and broadcast addresses (unless
 * the subnet is a /31 or /32), IPv6 leaves out only the subnet-router anycast address.
 */
export function usableBounds(cidr: Cidr): { first: bigint; last: bigint } {
  const { first, last } = cidrBounds(cidr);
  if (cidr.version === 4) return last - first < 2n ? { first, last } : { first: first + 1n, last: last - 1n };
  return last === first ? { first, last } : { first: first + 1n, last };
}

export function contains(cidr: Cidr, address: Address): boolean {
  const { first, last } = cidrBounds(cidr);
  return address.version === cidr.version && address.value >= first && address.value <= last;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  if (a.version !== b.version) return false;
  const x = cidrBounds(a);
  const y = cidrBounds(b);
  return x.first <= y.last && y.first <= x.last;
}
