import 'server-only';

import type { ServiceClient } from '../service-client';
import { type NeutronFilters, listAll } from './client';
import { type AllocationPool, type HostRoute, type Subnet, subnetFromWire } from './types';

/** Neutron subnets. A gateway of null means "no gateway" on the wire (gateway_ip: null), not "pick one". */
export function listSubnets(neutron: ServiceClient, filters: NeutronFilters = {}): Promise<Subnet[]> {
  return listAll(neutron, 'subnets', subnetFromWire, filters);
}

export async function getSubnet(neutron: ServiceClient, id: string): Promise<Subnet> {
  const { body } = await neutron.call<{ subnet: Record<string, unknown> }>(`/subnets/${encodeURIComponent(id)}`);
  return subnetFromWire(body.subnet);
}

export interface SubnetFields {
  name?: string;
  description?: string;
  /** undefined: Neutron picks the first address; null: no gateway. */
  gatewayIp?: string | null;
  enableDhcp?: boolean;
  allocationPools?: AllocationPool[];
  dnsNameservers?: string[];
  hostRoutes?: HostRoute[];
}

export interface CreateSubnetInput extends SubnetFields {
  networkId: string;
  cidr: string;
  ipVersion: 4 | 6;
}

function subnetBody(fields: SubnetFields): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (fields.name !== undefined) body.name = fields.name;
  if (fields.description !== undefined) body.description = fields.description;
  if (fields.gatewayIp !== undefined) body.gateway_ip = fields.gatewayIp;
  if (fields.enableDhcp !== undefined) body.enable_dhcp = fields.enableDhcp;
  if (fields.allocationPools !== undefined) body.allocation_pools = fields.allocationPools;
  if (fields.dnsNameservers !== undefined) body.dns_nameservers = fields.dnsNameservers;
  if (fields.hostRoutes !== undefined) body.host_routes = fields.hostRoutes;
  return body;
}

export async function createSubnet(neutron: ServiceClient, input: CreateSubnetInput): Promise<Subnet> {
  const subnet: Record<string, unknown> = { ...subnetBody(input), network_id: input.networkId, cidr: input.cidr, ip_version: input.ipVersion };
  // An empty pool list would mean "no addresses to hand out"; leaving it out lets Neutron take the whole range.
  if (input.allocationPools?.length === 0) delete subnet.allocation_pools;
  const { body } = await neutron.call<{ subnet: Record<string, unknown> }>('/subnets', { method: 'POST', body: { subnet } });
  return subnetFromWire(body.subnet);
}

export async function updateSubnet(neutron: ServiceClient, id: string, fields: SubnetFields): Promise<Subnet> {
  const { body } = await neutron.call<{ subnet: Record<string, unknown> }>(`/subnets/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: { subnet: subnetBody(fields) },
  });
  return subnetFromWire(body.subnet);
}

export async function deleteSubnet(neutron: ServiceClient, id: string): Promise<void> {
  await neutron.call(`/subnets/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
