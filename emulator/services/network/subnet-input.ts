// Subnet validation as Neutron does it (neutron-lib validators and the IPAM checks): the CIDR,
// its version, the gateway, allocation pools, DNS servers, host routes and IPv6 modes. Pure:
// the caller brings the other subnets of the network for the overlap check.

import type { AllocationPool, HostRoute } from '../../store/subnets';
import { ApiError } from '../../http/api-error';
import { invalidAttribute, invalidInput } from './errors';
import {
  cidrBounds,
  cidrsOverlap,
  contains,
  formatAddress,
  formatCidr,
  parseAddress,
  parseCidr,
  usableBounds,
  type Cidr,
} from './ip-address';

export const IPV6_MODES = ['slaac', 'dhcpv6-stateful', 'dhcpv6-stateless'] as const;

/** Parses `cidr` as Neutron's validate_subnet: IPv4 host bits are refused, IPv6 ones dropped. */
export function subnetCidr(text: string, ipVersion: number): Cidr {
  const cidr = parseCidr(text);
  if (!cidr) throw invalidAttribute('cidr', `'${text}' is not a valid IP subnet`);
  if (cidr.version === 4 && (cidr.hostBits || !text.includes('/'))) {
    throw invalidAttribute('cidr', `'${text}' isn't a recognized IP subnet cidr, '${formatCidr(cidr)}' is recommended`);
  }
  checkVersion('cidr', text, cidr.version, ipVersion);
  return cidr;
}

function checkVersion(name: string, text: string, actual: number, wanted: number): void {
  if (actual !== wanted) throw invalidInput(`${name} '${text}' does not match the ip_version '${wanted}'`);
}

/** An address attribute (gateway, nameserver, nexthop) of the subnet's version, canonical. */
export function addressOf(name: string, text: string, ipVersion: number): string {
  const address = parseAddress(text);
  if (!address) throw invalidAttribute(name, `'${text}' is not a valid IP address`);
  checkVersion(name, text, address.version, ipVersion);
  return formatAddress(address.version, address.value);
}

const poolText = (pool: AllocationPool) => `${pool.start}-${pool.end}`;

/** The default gateway: the first host address (Neutron's first IP of the CIDR plus one). */
export function defaultGateway(cidr: Cidr): string | null {
  const { first, last } = usableBounds(cidr);
  return last >= first ? formatAddress(cidr.version, first) : null;
}

/** The usable range without the gateway: one or two pools. */
export function defaultPools(cidr: Cidr, gatewayIp: string | null): AllocationPool[] {
  const { first, last } = usableBounds(cidr);
  const gateway = gatewayIp === null ? undefined : parseAddress(gatewayIp)?.value;
  const ranges: [bigint, bigint][] =
    gateway === undefined || gateway < first || gateway > last
      ? [[first, last]]
      : [
          [first, gateway - 1n],
          [gateway + 1n, last],
        ];
  return ranges
    .filter(([start, end]) => start <= end)
    .map(([start, end]) => ({ start: formatAddress(cidr.version, start), end: formatAddress(cidr.version, end) }));
}

/** Checks a gateway against its subnet (not the network or broadcast address). */
export function checkGateway(cidr: Cidr, gatewayIp: string): string {
  const gateway = addressOf('gateway_ip', gatewayIp, cidr.version);
  const value = parseAddress(gateway)!.value;
  const { first, last } = cidrBounds(cidr);
  if (cidr.version === 4 && last - first > 1n && (value === first || value === last)) {
    throw invalidInput(`Gateway is not valid on subnet`);
  }
  return gateway;
}

/** Validates requested pools: inside the subnet, start <= end, no overlap, not over the gateway. */
export function checkPools(cidr: Cidr, pools: AllocationPool[], gatewayIp: string | null): AllocationPool[] {
  const cidrText = formatCidr(cidr);
  const { first, last } = usableBounds(cidr);
  const ranges = pools.map((pool) => {
    const start = addressOf('allocation_pools', pool.start, cidr.version);
    const end = addressOf('allocation_pools', pool.end, cidr.version);
    const range = { start: parseAddress(start)!.value, end: parseAddress(end)!.value, pool: { start, end } };
    if (range.start > range.end) throw new ApiError(400, `The allocation pool ${poolText(pool)} is not valid.`, 'InvalidAllocationPool');
    if (range.start < first || range.end > last) {
      throw new ApiError(400, `The allocation pool ${poolText(pool)} spans beyond the subnet cidr ${cidrText}.`, 'OutOfBoundsAllocationPool');
    }
    return range;
  });
  for (const [i, a] of ranges.entries()) {
    for (const b of ranges.slice(i + 1)) {
      if (a.start <= b.end && b.start <= a.end) {
        throw new ApiError(
          409,
          `Found overlapping allocation pools: ${poolText(a.pool)} ${poolText(b.pool)} for subnet ${cidrText}.`,
          'OverlappingAllocationPools',
        );
      }
    }
  }
  if (gatewayIp !== null) {
    const gateway = parseAddress(gatewayIp)?.value;
    const hit = ranges.find((r) => gateway !== undefined && gateway >= r.start && gateway <= r.end);
    if (hit) {
      throw new ApiError(409, `Gateway ip ${gatewayIp} conflicts with allocation pool ${poolText(hit.pool)}`, 'GatewayConflictWithAllocationPools');
    }
  }
  return ranges.map((r) => r.pool);
}

export function checkNameservers(servers: string[], ipVersion: number): string[] {
  const seen = new Set<string>();
  return servers.map((server) => {
    const address = addressOf('dns_nameservers', server, ipVersion);
    if (seen.has(address)) throw invalidAttribute('dns_nameservers', `Duplicate nameserver '${server}'`);
    seen.add(address);
    return address;
  });
}

export function checkHostRoutes(routes: HostRoute[], ipVersion: number): HostRoute[] {
  return routes.map((route) => {
    const destination = parseCidr(route.destination);
    if (!destination) throw invalidAttribute('host_routes', `'${route.destination}' is not a valid IP subnet`);
    checkVersion('destination', route.destination, destination.version, ipVersion);
    return { destination: formatCidr(destination), nexthop: addressOf('nexthop', route.nexthop, ipVersion) };
  });
}

export function checkIpv6Modes(ipVersion: number, raMode: string | null, addressMode: string | null): void {
  for (const [name, mode] of [['ipv6_ra_mode', raMode], ['ipv6_address_mode', addressMode]] as const) {
    if (mode === null) continue;
    if (!(IPV6_MODES as readonly string[]).includes(mode)) {
      throw invalidAttribute(name, `'${mode}' is not in [${IPV6_MODES.map((m) => `'${m}'`).join(', ')}]`);
    }
    if (ipVersion !== 6) throw invalidInput(`${name} set to '${mode}' is only valid for an IPv6 subnet`);
  }
  if (raMode !== null && addressMode !== null && raMode !== addressMode) {
    throw invalidInput(
      `ipv6_ra_mode set to '${raMode}' with ipv6_address_mode set to '${addressMode}' is not valid. If both attributes are set, they must be the same value`,
    );
  }
}

/** Refuses a CIDR that overlaps another subnet of the same network. */
export function checkOverlap(cidr: Cidr, networkId: string, others: readonly { cidr: string }[]): void {
  for (const other of others) {
    const parsed = parseCidr(other.cidr);
    if (parsed && cidrsOverlap(cidr, parsed)) {
      throw invalidInput(`Requested subnet with cidr: ${formatCidr(cidr)} for network: ${networkId} overlaps with another subnet`);
    }
  }
}

/** Whether an address lies inside one of the subnet's CIDR. */
export function inSubnet(cidrText: string, addressText: string): boolean {
  const cidr = parseCidr(cidrText);
  const address = parseAddress(addressText);
  return cidr !== null && address !== null && contains(cidr, address);
}
