import 'server-only';

import type { ServiceClient } from '../service-client';
import { type NeutronFilters, listAll } from './client';
import { type HostRoute, type Router, routerFromWire } from './types';

/**
 * Neutron routers: the gateway lives in external_gateway_info, interfaces are added and removed with their
 * own PUT actions, and static routes replace the whole list on update.
 */
export function listRouters(neutron: ServiceClient, filters: NeutronFilters = {}): Promise<Router[]> {
  return listAll(neutron, 'routers', routerFromWire, filters);
}

export async function getRouter(neutron: ServiceClient, id: string): Promise<Router> {
  const { body } = await neutron.call<{ router: Record<string, unknown> }>(`/routers/${encodeURIComponent(id)}`);
  return routerFromWire(body.router);
}

export interface GatewayInput {
  networkId: string;
  enableSnat?: boolean;
}

const gatewayWire = (gateway: GatewayInput): Record<string, unknown> => ({
  network_id: gateway.networkId,
  ...(gateway.enableSnat === undefined ? {} : { enable_snat: gateway.enableSnat }),
});

export async function createRouter(
  neutron: ServiceClient,
  input: { name: string; description?: string; adminStateUp?: boolean; gateway?: GatewayInput | null },
): Promise<Router> {
  const router: Record<string, unknown> = { name: input.name };
  if (input.description !== undefined) router.description = input.description;
  if (input.adminStateUp !== undefined) router.admin_state_up = input.adminStateUp;
  if (input.gateway) router.external_gateway_info = gatewayWire(input.gateway);
  const { body } = await neutron.call<{ router: Record<string, unknown> }>('/routers', { method: 'POST', body: { router } });
  return routerFromWire(body.router);
}

export interface RouterChanges {
  name?: string;
  description?: string;
  adminStateUp?: boolean;
  /** null clears the gateway. */
  gateway?: GatewayInput | null;
  routes?: HostRoute[];
}

export async function updateRouter(neutron: ServiceClient, id: string, changes: RouterChanges): Promise<Router> {
  const router: Record<string, unknown> = {};
  if (changes.name !== undefined) router.name = changes.name;
  if (changes.description !== undefined) router.description = changes.description;
  if (changes.adminStateUp !== undefined) router.admin_state_up = changes.adminStateUp;
  // openstackclient's `router unset --external-gateway` sends an empty object; Neutron takes it as "none".
  if (changes.gateway !== undefined) router.external_gateway_info = changes.gateway ? gatewayWire(changes.gateway) : {};
  if (changes.routes !== undefined) router.routes = changes.routes;
  const { body } = await neutron.call<{ router: Record<string, unknown> }>(`/routers/${encodeURIComponent(id)}`, { method: 'PUT', body: { router } });
  return routerFromWire(body.router);
}

export interface RouterInterface {
  routerId: string;
  subnetId: string;
  portId: string;
}

export async function addRouterInterface(neutron: ServiceClient, id: string, target: { subnetId: string } | { portId: string }): Promise<RouterInterface> {
  const { body } = await neutron.call<Record<string, unknown>>(`/routers/${encodeURIComponent(id)}/add_router_interface`, {
    method: 'PUT',
    body: 'subnetId' in target ? { subnet_id: target.subnetId } : { port_id: target.portId },
  });
  return { routerId: String(body.id ?? id), subnetId: String(body.subnet_id ?? ''), portId: String(body.port_id ?? '') };
}

export async function removeRouterInterface(neutron: ServiceClient, id: string, target: { subnetId: string } | { portId: string }): Promise<void> {
  await neutron.call(`/routers/${encodeURIComponent(id)}/remove_router_interface`, {
    method: 'PUT',
    body: 'subnetId' in target ? { subnet_id: target.subnetId } : { port_id: target.portId },
  });
}

export async function deleteRouter(neutron: ServiceClient, id: string): Promise<void> {
  await neutron.call(`/routers/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
