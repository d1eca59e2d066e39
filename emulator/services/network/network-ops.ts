// Creating and deleting networks: tenant networks are Geneve overlays (MTU 1442 under OVN,
// a VNI per network), external ones flat on the "public" physical network (MTU 1500).
// Deleting takes Neutron's own ports and the subnets along, unless other ports remain.

import { randomUUID } from 'node:crypto';
import type { Repositories } from '../../store/open-store';
import { freshStandard } from '../../store/network-rows';
import type { Network } from '../../store/networks';
import { inUse } from './errors';
import { AUTO_DELETED_OWNERS } from './subnet-ops';

export const GENEVE_MTU = 1442;
export const FLAT_MTU = 1500;
export const PUBLIC_PHYSNET = 'public';

export interface NetworkRequest {
  /** A fixed id (seeds); a new uuid otherwise. */
  id?: string;
  projectId: string;
  name?: string;
  description?: string;
  adminStateUp?: boolean;
  shared?: boolean;
  external?: boolean;
  isDefault?: boolean;
  mtu?: number;
  portSecurityEnabled?: boolean;
  providerNetworkType?: string;
  providerPhysicalNetwork?: string;
  providerSegmentationId?: number;
  availabilityZoneHints?: string[];
  now: string;
}

/** The next free Geneve VNI (segmentation id), counting from 1 as ML2's range does. */
async function nextVni(repos: Repositories): Promise<number> {
  const taken = new Set(
    (await repos.networks.list()).filter((n) => n.providerNetworkType === 'geneve').map((n) => n.providerSegmentationId),
  );
  let vni = 1;
  while (taken.has(vni)) vni++;
  return vni;
}

export async function buildNetwork(repos: Repositories, request: NetworkRequest): Promise<Network> {
  const external = request.external ?? false;
  const type = request.providerNetworkType ?? (external ? 'flat' : 'geneve');
  const overlay = type === 'geneve' || type === 'vxlan';
  return {
    ...freshStandard(request.now, request.description ?? ''),
    id: request.id ?? randomUUID(),
    projectId: request.projectId,
    name: request.name ?? '',
    status: 'ACTIVE',
    adminStateUp: request.adminStateUp ?? true,
    shared: request.shared ?? false,
    external,
    isDefault: request.isDefault ?? false,
    mtu: request.mtu ?? (overlay ? GENEVE_MTU : FLAT_MTU),
    portSecurityEnabled: request.portSecurityEnabled ?? true,
    providerNetworkType: type,
    providerPhysicalNetwork: request.providerPhysicalNetwork ?? (overlay ? null : PUBLIC_PHYSNET),
    providerSegmentationId: request.providerSegmentationId ?? (type === 'geneve' ? await nextVni(repos) : null),
    availabilityZoneHints: request.availabilityZoneHints ?? [],
    dnsDomain: '',
  };
}

export async function createNetwork(repos: Repositories, request: NetworkRequest): Promise<Network> {
  const network = await buildNetwork(repos, request);
  await repos.networks.insert(network);
  return network;
}

export async function deleteNetwork(repos: Repositories, network: Network): Promise<void> {
  const ports = await repos.ports.list({ networkIds: [network.id] });
  if (ports.some((p) => !AUTO_DELETED_OWNERS.includes(p.deviceOwner))) throw inUse.network(network.id);
  for (const port of ports) await repos.ports.delete(port.id);
  for (const subnet of await repos.subnets.list({ networkIds: [network.id] })) await repos.subnets.delete(subnet.id);
  await repos.networks.delete(network.id);
}
