import 'server-only';

import type { ServiceClient } from '../service-client';
import { type NeutronFilters, listAll } from './client';
import { type Network, networkFromWire } from './types';

/** Neutron networks: list, show, create, update, delete (DELETE answers 409 NetworkInUse while ports remain). */
export function listNetworks(neutron: ServiceClient, filters: NeutronFilters = {}): Promise<Network[]> {
  return listAll(neutron, 'networks', networkFromWire, filters);
}

export async function getNetwork(neutron: ServiceClient, id: string): Promise<Network> {
  const { body } = await neutron.call<{ network: Record<string, unknown> }>(`/networks/${encodeURIComponent(id)}`);
  return networkFromWire(body.network);
}

export interface NetworkChanges {
  name?: string;
  description?: string;
  adminStateUp?: boolean;
  shared?: boolean;
  mtu?: number;
}

function networkBody(changes: NetworkChanges): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (changes.name !== undefined) body.name = changes.name;
  if (changes.description !== undefined) body.description = changes.description;
  if (changes.adminStateUp !== undefined) body.admin_state_up = changes.adminStateUp;
  if (changes.shared !== undefined) body.shared = changes.shared;
  if (changes.mtu !== undefined) body.mtu = changes.mtu;
  return body;
}

export async function createNetwork(neutron: ServiceClient, input: NetworkChanges): Promise<Network> {
  const { body } = await neutron.call<{ network: Record<string, unknown> }>('/networks', { method: 'POST', body: { network: networkBody(input) } });
  return networkFromWire(body.network);
}

export async function updateNetwork(neutron: ServiceClient, id: string, changes: NetworkChanges): Promise<Network> {
  const { body } = await neutron.call<{ network: Record<string, unknown> }>(`/networks/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: { network: networkBody(changes) },
  });
  return networkFromWire(body.network);
}

export async function deleteNetwork(neutron: ServiceClient, id: string): Promise<void> {
  await neutron.call(`/networks/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
