import 'server-only';

import { OpenStackError } from '../errors';
import type { ServiceClient } from '../service-client';
import { type NeutronFilters, listAll } from './client';
import { type FloatingIp, type NetworkQuotaDetails, floatingIpFromWire, quotaDetailsFromWire } from './types';

/**
 * Neutron floating IPs (POST/PUT/DELETE /v2.0/floatingips), plus the two reads the allocate form needs:
 * the extension aliases (is quota_details there?) and a project's quota details.
 */
export async function listFloatingIps(neutron: ServiceClient, filters: NeutronFilters = {}): Promise<FloatingIp[]> {
  return listAll(neutron, 'floatingips', floatingIpFromWire, filters);
}

export interface AllocateFloatingIpInput {
  floatingNetworkId: string;
  description?: string;
  /** Allocate and associate in one call. */
  portId?: string;
  fixedIpAddress?: string;
}

export async function createFloatingIp(neutron: ServiceClient, input: AllocateFloatingIpInput): Promise<FloatingIp> {
  const floatingip: Record<string, string> = { floating_network_id: input.floatingNetworkId };
  if (input.description) floatingip.description = input.description;
  if (input.portId) floatingip.port_id = input.portId;
  if (input.portId && input.fixedIpAddress) floatingip.fixed_ip_address = input.fixedIpAddress;
  const { body } = await neutron.call<{ floatingip: Record<string, unknown> }>('/floatingips', { method: 'POST', body: { floatingip } });
  return floatingIpFromWire(body.floatingip);
}

/** Maps the floating IP to a port (and one of its fixed IPs), or unmaps it with portId null. */
export async function updateFloatingIpPort(
  neutron: ServiceClient,
  id: string,
  portId: string | null,
  fixedIpAddress?: string,
): Promise<FloatingIp> {
  const floatingip: Record<string, string | null> = { port_id: portId };
  if (portId && fixedIpAddress) floatingip.fixed_ip_address = fixedIpAddress;
  const { body } = await neutron.call<{ floatingip: Record<string, unknown> }>(`/floatingips/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: { floatingip },
  });
  return floatingIpFromWire(body.floatingip);
}

export async function deleteFloatingIp(neutron: ServiceClient, id: string): Promise<void> {
  await neutron.call(`/floatingips/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function listExtensionAliases(neutron: ServiceClient): Promise<Set<string>> {
  const { body } = await neutron.call<{ extensions?: { alias?: string }[] }>('/extensions');
  return new Set((body?.extensions ?? []).map((e) => e.alias ?? '').filter(Boolean));
}

export async function getQuotaDetails(neutron: ServiceClient, projectId: string): Promise<NetworkQuotaDetails> {
  const { body } = await neutron.call<{ quota?: Record<string, unknown> }>(`/quotas/${encodeURIComponent(projectId)}/details`);
  return quotaDetailsFromWire(body?.quota ?? {});
}

/** Neutron's fault when no router joins the port's subnet to the floating IP's network. */
export const UNREACHABLE_FAULT = 'ExternalGatewayForFloatingIPNotFound';
