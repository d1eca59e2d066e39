// Creating, changing and deleting subnets, and the network's OVN metadata port, which takes
// an address on every IPv4 subnet with DHCP enabled (device_owner network:distributed, as
// ML2/OVN creates it; the emulator has no separate DHCP ports).

import { randomUUID } from 'node:crypto';
import type { Repositories } from '../../store/open-store';
import { freshStandard } from '../../store/network-rows';
import type { Network } from '../../store/networks';
import type { AllocationPool, HostRoute, Subnet } from '../../store/subnets';
import { inUse } from './errors';
import { formatCidr } from './ip-address';
import { allocateFixedIps, createPort } from './port-ops';
import {
  checkGateway,
  checkHostRoutes,
  checkIpv6Modes,
  checkNameservers,
  checkOverlap,
  checkPools,
  defaultGateway,
  defaultPools,
  subnetCidr,
} from './subnet-input';

export const METADATA_OWNER = 'network:distributed';
/** Ports Neutron deletes by itself with their subnet or network. */
export const AUTO_DELETED_OWNERS = [METADATA_OWNER, 'network:dhcp'];

export interface SubnetRequest {
  /** A fixed id (seeds); a new uuid otherwise. */
  id?: string;
  projectId: string;
  name?: string;
  description?: string;
  cidr: string;
  ipVersion: number;
  /** Undefined: the first host; null: no gateway. */
  gatewayIp?: string | null;
  enableDhcp?: boolean;
  allocationPools?: AllocationPool[];
  dnsNameservers?: string[];
  hostRoutes?: HostRoute[];
  ipv6AddressMode?: string | null;
  ipv6RaMode?: string | null;
  now: string;
}

export async function createSubnet(repos: Repositories, network: Network, request: SubnetRequest): Promise<Subnet> {
  const cidr = subnetCidr(request.cidr, request.ipVersion);
  checkOverlap(cidr, network.id, await repos.subnets.list({ networkIds: [network.id] }));
  const gatewayIp = request.gatewayIp === undefined ? defaultGateway(cidr) : request.gatewayIp === null ? null : checkGateway(cidr, request.gatewayIp);
  const allocationPools = request.allocationPools ? checkPools(cidr, request.allocationPools, gatewayIp) : defaultPools(cidr, gatewayIp);
  const raMode = request.ipv6RaMode ?? null;
  const addressMode = request.ipv6AddressMode ?? null;
  checkIpv6Modes(cidr.version, raMode, addressMode);
  const subnet: Subnet = {
    ...freshStandard(request.now, request.description ?? ''),
    id: request.id ?? randomUUID(),
    projectId: request.projectId,
    networkId: network.id,
    name: request.name ?? '',
    ipVersion: cidr.version,
    cidr: formatCidr(cidr),
    gatewayIp,
    enableDhcp: request.enableDhcp ?? true,
    allocationPools,
    dnsNameservers: checkNameservers(request.dnsNameservers ?? [], cidr.version),
    hostRoutes: checkHostRoutes(request.hostRoutes ?? [], cidr.version),
    ipv6AddressMode: addressMode,
    ipv6RaMode: raMode,
    subnetpoolId: null,
  };
  await repos.subnets.insert(subnet);
  await syncMetadataPort(repos, network, request.now);
  return subnet;
}

export interface SubnetUpdate {
  name?: string;
  description?: string;
  gatewayIp?: string | null;
  enableDhcp?: boolean;
  allocationPools?: AllocationPool[];
  dnsNameservers?: string[];
  hostRoutes?: HostRoute[];
}

export async function updateSubnet(repos: Repositories, subnet: Subnet, update: SubnetUpdate, now: string): Promise<Subnet> {
  const cidr = subnetCidr(subnet.cidr, subnet.ipVersion);
  const gatewayIp = update.gatewayIp === undefined ? subnet.gatewayIp : update.gatewayIp === null ? null : checkGateway(cidr, update.gatewayIp);
  const allocationPools = checkPools(cidr, update.allocationPools ?? subnet.allocationPools, gatewayIp);
  const updated = await repos.subnets.update(subnet.id, {
    ...(update.name !== undefined ? { name: update.name } : {}),
    ...(update.description !== undefined ? { description: update.description } : {}),
    ...(update.enableDhcp !== undefined ? { enableDhcp: update.enableDhcp } : {}),
    ...(update.dnsNameservers !== undefined ? { dnsNameservers: checkNameservers(update.dnsNameservers, subnet.ipVersion) } : {}),
    ...(update.hostRoutes !== undefined ? { hostRoutes: checkHostRoutes(update.hostRoutes, subnet.ipVersion) } : {}),
    gatewayIp,
    allocationPools,
    updatedAt: now,
    revisionNumber: subnet.revisionNumber + 1,
  });
  const network = await repos.networks.get(subnet.networkId);
  if (network) await syncMetadataPort(repos, network, now);
  return updated!;
}

/** Deletes a subnet unless ports other than Neutron's own still hold addresses on it. */
export async function deleteSubnet(repos: Repositories, subnet: Subnet, now: string): Promise<void> {
  const ports = await repos.ports.list({ subnetId: subnet.id });
  if (ports.some((p) => !AUTO_DELETED_OWNERS.includes(p.deviceOwner))) throw inUse.subnet(subnet.id);
  for (const port of ports) {
    const remaining = port.fixedIps.filter((ip) => ip.subnetId !== subnet.id);
    if (remaining.length === 0) await repos.ports.delete(port.id);
    else await repos.ports.update(port.id, { fixedIps: remaining, updatedAt: now, revisionNumber: port.revisionNumber + 1 });
  }
  await repos.subnets.delete(subnet.id);
}

/**
 * Gives the network's metadata port exactly one address on each IPv4 subnet with DHCP
 * enabled, creating the port with the first such subnet and deleting it with the last.
 */
export async function syncMetadataPort(repos: Repositories, network: Network, now: string): Promise<void> {
  const subnets = (await repos.subnets.list({ networkIds: [network.id] })).filter((s) => s.ipVersion === 4 && s.enableDhcp);
  const [port] = await repos.ports.list({ networkIds: [network.id], deviceOwner: METADATA_OWNER });
  const wanted = new Set(subnets.map((s) => s.id));
  if (!port) {
    if (subnets.length === 0) return;
    await createPort(repos, network, {
      projectId: network.projectId,
      deviceOwner: METADATA_OWNER,
      deviceId: `ovnmeta-${network.id}`,
      fixedIps: subnets.map((s) => ({ subnetId: s.id })),
      now,
    });
    return;
  }
  if (wanted.size === 0) {
    await repos.ports.delete(port.id);
    return;
  }
  const kept = port.fixedIps.filter((ip) => wanted.has(ip.subnetId));
  const missing = subnets.filter((s) => !kept.some((ip) => ip.subnetId === s.id));
  if (missing.length === 0 && kept.length === port.fixedIps.length) return;
  const added = await allocateFixedIps(repos, network, missing.map((s) => ({ subnetId: s.id })));
  await repos.ports.update(port.id, { fixedIps: [...kept, ...added], updatedAt: now, revisionNumber: port.revisionNumber + 1 });
}
