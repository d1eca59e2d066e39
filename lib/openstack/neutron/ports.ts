import 'server-only';

import type { ServiceClient } from '../service-client';
import { type NeutronFilters, listAll } from './client';
import { type Port, portFromWire } from './types';

/** Neutron ports: what plugs into a network (instances, router interfaces and gateways, DHCP, floating IPs). */
export function listPorts(neutron: ServiceClient, filters: NeutronFilters = {}): Promise<Port[]> {
  return listAll(neutron, 'ports', portFromWire, filters);
}

export async function getPort(neutron: ServiceClient, id: string): Promise<Port> {
  const { body } = await neutron.call<{ port: Record<string, unknown> }>(`/ports/${encodeURIComponent(id)}`);
  return portFromWire(body.port);
}

export interface CreatePortInput {
  networkId: string;
  name?: string;
  description?: string;
  adminStateUp?: boolean;
  /** A subnet to take an address from, with or without the address itself. */
  fixedIps?: { subnetId?: string; ipAddress?: string }[];
  /** undefined: the project's default group. */
  securityGroupIds?: string[];
}

export async function createPort(neutron: ServiceClient, input: CreatePortInput): Promise<Port> {
  const port: Record<string, unknown> = { network_id: input.networkId };
  if (input.name !== undefined) port.name = input.name;
  if (input.description !== undefined) port.description = input.description;
  if (input.adminStateUp !== undefined) port.admin_state_up = input.adminStateUp;
  if (input.fixedIps?.length) {
    port.fixed_ips = input.fixedIps.map((ip) => ({
      ...(ip.subnetId ? { subnet_id: ip.subnetId } : {}),
      ...(ip.ipAddress ? { ip_address: ip.ipAddress } : {}),
    }));
  }
  if (input.securityGroupIds !== undefined) port.security_groups = input.securityGroupIds;
  const { body } = await neutron.call<{ port: Record<string, unknown> }>('/ports', { method: 'POST', body: { port } });
  return portFromWire(body.port);
}

export async function updatePort(neutron: ServiceClient, id: string, changes: { name?: string; adminStateUp?: boolean }): Promise<Port> {
  const port: Record<string, unknown> = {};
  if (changes.name !== undefined) port.name = changes.name;
  if (changes.adminStateUp !== undefined) port.admin_state_up = changes.adminStateUp;
  const { body } = await neutron.call<{ port: Record<string, unknown> }>(`/ports/${encodeURIComponent(id)}`, { method: 'PUT', body: { port } });
  return portFromWire(body.port);
}

export async function deletePort(neutron: ServiceClient, id: string): Promise<void> {
  await neutron.call(`/ports/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Device owners that mean a router holds the port (interfaces of legacy, HA and distributed routers, and gateways). */
export const ROUTER_OWNERS = new Set([
  'network:router_interface',
  'network:ha_router_replicated_interface',
  'network:router_interface_distributed',
  'network:router_gateway',
]);

export const isRouterInterface = (port: Pick<Port, 'deviceOwner'>): boolean =>
  ROUTER_OWNERS.has(port.deviceOwner) && port.deviceOwner !== 'network:router_gateway';

export const isInstancePort = (port: Pick<Port, 'deviceOwner'>): boolean => port.deviceOwner.startsWith('compute:');
