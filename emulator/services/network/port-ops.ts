// Creating ports as Neutron's IPAM does: addresses taken from the subnets' allocation pools
// (or the ones asked for, checked against the network's subnets), a unique fa:16:3e MAC, and
// the project's default security group when port security is on. Routes, routers, floating
// IPs and Nova's server create all make their ports here.

import { randomBytes, randomUUID } from 'node:crypto';
import type { Repositories } from '../../store/open-store';
import { freshStandard } from '../../store/network-rows';
import type { Network } from '../../store/networks';
import type { AddressPair, FixedIp, Port } from '../../store/ports';
import type { Subnet } from '../../store/subnets';
import { badRequest, conflict, invalidInput, notFound } from './errors';
import { contains, formatAddress, parseAddress, parseCidr } from './ip-address';

export interface FixedIpRequest {
  subnetId?: string;
  ipAddress?: string;
}

export interface PortRequest {
  projectId: string;
  name?: string;
  description?: string;
  deviceOwner?: string;
  deviceId?: string;
  adminStateUp?: boolean;
  macAddress?: string;
  /** Undefined: one address from the network's subnets. [] : no address. */
  fixedIps?: FixedIpRequest[];
  /** Undefined: the project's default group when port security is on. */
  securityGroupIds?: string[];
  portSecurityEnabled?: boolean;
  bindingHostId?: string;
  bindingVnicType?: string;
  bindingProfile?: Record<string, unknown>;
  allowedAddressPairs?: AddressPair[];
  now: string;
}

export const ipGenerationFailure = (networkId: string) =>
  conflict(`No more IP addresses available on network ${networkId}.`, 'IpAddressGenerationFailure');

/** Neutron's port status: routers' ports are up, floating IP ports have none, others follow their binding. */
export function portStatus(port: Pick<Port, 'deviceOwner' | 'bindingHostId' | 'adminStateUp'>): string {
  if (port.deviceOwner === 'network:floatingip') return 'N/A';
  if (!port.adminStateUp) return 'DOWN';
  if (port.deviceOwner === 'network:router_interface' || port.deviceOwner === 'network:router_gateway') return 'ACTIVE';
  return port.bindingHostId !== '' ? 'ACTIVE' : 'DOWN';
}

/** The first free address of a subnet's pools, or undefined when they are exhausted. */
export function firstFreeAddress(subnet: Subnet, used: ReadonlySet<string>): string | undefined {
  for (const pool of subnet.allocationPools) {
    const start = parseAddress(pool.start);
    const end = parseAddress(pool.end);
    if (!start || !end) continue;
    for (let value = start.value; value <= end.value; value++) {
      const candidate = formatAddress(start.version, value);
      if (!used.has(candidate)) return candidate;
    }
  }
  return undefined;
}

async function randomMac(repos: Repositories): Promise<string> {
  for (;;) {
    const mac = `fa:16:3e:${[...randomBytes(3)].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
    if (!(await repos.ports.macInUse(mac))) return mac;
  }
}

/** Addresses for a new port on `network`, checked against its subnets and what is in use. */
export async function allocateFixedIps(
  repos: Repositories,
  network: Network,
  requests: FixedIpRequest[] | undefined,
): Promise<FixedIp[]> {
  const subnets = await repos.subnets.list({ networkIds: [network.id] });
  const usedBySubnet = new Map<string, Set<string>>();
  const used = async (subnetId: string) => {
    let set = usedBySubnet.get(subnetId);
    if (!set) usedBySubnet.set(subnetId, (set = await repos.ports.addressesOnSubnet(subnetId)));
    return set;
  };

  if (requests === undefined) {
    // Neutron: one IPv4 address (from the first subnet with room) and one per IPv6 subnet.
    const result: FixedIp[] = [];
    const v4 = subnets.filter((s) => s.ipVersion === 4);
    for (const subnet of v4) {
      const address = firstFreeAddress(subnet, await used(subnet.id));
      if (address !== undefined) {
        result.push({ subnetId: subnet.id, ipAddress: address });
        break;
      }
    }
    if (v4.length > 0 && result.length === 0) throw ipGenerationFailure(network.id);
    for (const subnet of subnets.filter((s) => s.ipVersion === 6)) {
      const address = firstFreeAddress(subnet, await used(subnet.id));
      if (address === undefined) throw ipGenerationFailure(network.id);
      result.push({ subnetId: subnet.id, ipAddress: address });
    }
    return result;
  }

  const result: FixedIp[] = [];
  for (const request of requests) {
    let subnet: Subnet | undefined;
    if (request.subnetId !== undefined) {
      subnet = subnets.find((s) => s.id === request.subnetId);
      if (!subnet) {
        if (!(await repos.subnets.get(request.subnetId))) throw notFound('subnet', request.subnetId);
        throw invalidInput(`Failed to create port on network ${network.id}, because fixed_ips included invalid subnet ${request.subnetId}`);
      }
    }
    if (request.ipAddress !== undefined) {
      const address = parseAddress(request.ipAddress);
      if (!address) throw badRequest(`Invalid input for fixed_ips. Reason: '${request.ipAddress}' is not a valid IP address.`, 'HTTPBadRequest');
      const inSubnet = (s: Subnet) => {
        const cidr = parseCidr(s.cidr);
        return cidr !== null && contains(cidr, address);
      };
      if (subnet && !inSubnet(subnet)) {
        throw invalidInput(`IP address ${request.ipAddress} is not a valid IP for the specified subnet`);
      }
      subnet ??= subnets.find(inSubnet);
      if (!subnet) {
        throw invalidInput(`IP address ${request.ipAddress} is not a valid IP for any of the subnets on the specified network`);
      }
      const canonical = formatAddress(address.version, address.value);
      const taken = await used(subnet.id);
      if (taken.has(canonical) || result.some((r) => r.ipAddress === canonical)) {
        throw conflict(`IP address ${canonical} already allocated in subnet ${subnet.id}`, 'IpAddressAlreadyAllocated');
      }
      taken.add(canonical);
      result.push({ subnetId: subnet.id, ipAddress: canonical });
      continue;
    }
    if (!subnet) throw invalidInput('Each fixed IP needs a subnet_id or an ip_address');
    const taken = await used(subnet.id);
    const address = firstFreeAddress(subnet, taken);
    if (address === undefined) throw conflict(`No more IP addresses available for subnet ${subnet.id}.`, 'IpAddressGenerationFailure');
    taken.add(address);
    result.push({ subnetId: subnet.id, ipAddress: address });
  }
  return result;
}

/** Security groups of a new port, checked to exist and to belong to the port's project. */
async function portGroups(repos: Repositories, request: PortRequest, portSecurity: boolean, hasAddress: boolean): Promise<string[]> {
  const owner = request.deviceOwner ?? '';
  if (request.securityGroupIds === undefined) {
    if (!portSecurity || owner.startsWith('network:')) return [];
    return [await repos.securityGroups.ensureDefault(request.projectId, request.now)];
  }
  if (request.securityGroupIds.length > 0 && (!portSecurity || !hasAddress)) {
    throw badRequest(
      'Port security must be enabled and port must have an IP address in order to use security groups.',
      'PortSecurityAndIPRequiredForSecurityGroups',
    );
  }
  const owners = await repos.ports.securityGroupProjects(request.securityGroupIds);
  for (const id of request.securityGroupIds) {
    if (owners.get(id) !== request.projectId) throw notFound('security_group', id);
  }
  return [...new Set(request.securityGroupIds)];
}

export async function createPort(repos: Repositories, network: Network, request: PortRequest): Promise<Port> {
  let macAddress = request.macAddress;
  if (macAddress !== undefined) {
    macAddress = macAddress.toLowerCase();
    if (!/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(macAddress)) {
      throw badRequest(`Invalid input for mac_address. Reason: '${request.macAddress}' is not a valid MAC address.`, 'HTTPBadRequest');
    }
    if (await repos.ports.macInUse(macAddress)) {
      throw conflict(`Unable to complete operation for network ${network.id}. The mac address ${macAddress} is in use.`, 'MacAddressInUse');
    }
  }
  const fixedIps = await allocateFixedIps(repos, network, request.fixedIps);
  const portSecurity = request.portSecurityEnabled ?? network.portSecurityEnabled;
  const groups = await portGroups(repos, request, portSecurity, fixedIps.length > 0);
  const base = {
    deviceOwner: request.deviceOwner ?? '',
    bindingHostId: request.bindingHostId ?? '',
    adminStateUp: request.adminStateUp ?? true,
  };
  const port: Port = {
    ...freshStandard(request.now, request.description ?? ''),
    id: randomUUID(),
    projectId: request.projectId,
    networkId: network.id,
    name: request.name ?? '',
    macAddress: macAddress ?? (await randomMac(repos)),
    deviceId: request.deviceId ?? '',
    ...base,
    status: portStatus(base),
    portSecurityEnabled: portSecurity,
    bindingVnicType: request.bindingVnicType ?? 'normal',
    bindingProfile: request.bindingProfile ?? {},
    allowedAddressPairs: request.allowedAddressPairs ?? [],
    dnsName: '',
    fixedIps,
  };
  await repos.ports.insert(port);
  if (groups.length > 0) await repos.securityGroups.bindPort(port.id, groups);
  return port;
}

/** Throws Neutron's 404 unless the network exists and `projectId` (or an admin) may use it. */
export async function usableNetwork(repos: Repositories, networkId: string, projectId: string, admin: boolean): Promise<Network> {
  const network = await repos.networks.get(networkId);
  if (!network || (!admin && network.projectId !== projectId && !network.shared && !network.external)) {
    throw notFound('network', networkId);
  }
  return network;
}
