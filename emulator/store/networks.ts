// Data access for Neutron networks. Visibility follows Neutron's policy: a project sees its
// own networks plus shared and external ones.

import type { Kysely } from 'kysely';
import { bool, flag, parseJson, rowAccess, standardFromRow, standardToRow, type StandardAttributes } from './network-rows';
import type { Database, NetworkTable } from './schema';

export interface Network extends StandardAttributes {
  id: string;
  projectId: string;
  name: string;
  status: string;
  adminStateUp: boolean;
  shared: boolean;
  external: boolean;
  isDefault: boolean;
  mtu: number;
  portSecurityEnabled: boolean;
  providerNetworkType: string | null;
  providerPhysicalNetwork: string | null;
  providerSegmentationId: number | null;
  availabilityZoneHints: string[];
  dnsDomain: string;
}

export type NetworkChanges = Partial<Omit<Network, 'id' | 'projectId' | 'createdAt'>>;

export interface NetworkFilter {
  /** Networks this project may see: its own, shared and external ones. */
  visibleTo?: string;
  ids?: readonly string[];
  external?: boolean;
}

export interface NetworkStore {
  list(filter?: NetworkFilter): Promise<Network[]>;
  get(id: string): Promise<Network | undefined>;
  insert(network: Network): Promise<void>;
  /** For seeds: many rows in few statements. */
  insertMany(networks: readonly Network[]): Promise<void>;
  update(id: string, changes: NetworkChanges): Promise<Network | undefined>;
  delete(id: string): Promise<void>;
}

type Row = NetworkTable;

function toNetwork(row: Row): Network {
  return {
    ...standardFromRow(row),
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    status: row.status,
    adminStateUp: bool(row.admin_state_up),
    shared: bool(row.shared),
    external: bool(row.external),
    isDefault: bool(row.is_default),
    mtu: row.mtu,
    portSecurityEnabled: bool(row.port_security_enabled),
    providerNetworkType: row.provider_network_type,
    providerPhysicalNetwork: row.provider_physical_network,
    providerSegmentationId: row.provider_segmentation_id,
    availabilityZoneHints: parseJson<string[]>(row.availability_zone_hints),
    dnsDomain: row.dns_domain,
  };
}

function toRow(n: Network, seq: number): Row {
  return {
    ...standardToRow(n, seq),
    id: n.id,
    project_id: n.projectId,
    name: n.name,
    status: n.status,
    admin_state_up: flag(n.adminStateUp),
    shared: flag(n.shared),
    external: flag(n.external),
    is_default: flag(n.isDefault),
    mtu: n.mtu,
    port_security_enabled: flag(n.portSecurityEnabled),
    provider_network_type: n.providerNetworkType,
    provider_physical_network: n.providerPhysicalNetwork,
    provider_segmentation_id: n.providerSegmentationId,
    availability_zone_hints: JSON.stringify(n.availabilityZoneHints),
    dns_domain: n.dnsDomain,
  };
}

export function createNetworkStore(db: Kysely<Database>): NetworkStore {
  const rows = rowAccess(db, 'networks', toNetwork, toRow, ['project_id', 'created_at']);
  const store: NetworkStore = {
    async list(filter = {}) {
      let query = db.selectFrom('networks').selectAll();
      const { visibleTo, ids, external } = filter;
      if (visibleTo !== undefined) {
        query = query.where((eb) => eb.or([eb('project_id', '=', visibleTo), eb('shared', '=', 1), eb('external', '=', 1)]));
      }
      if (ids !== undefined) query = query.where('id', 'in', ids.length > 0 ? ids : ['']);
      if (external !== undefined) query = query.where('external', '=', flag(external));
      return (await query.orderBy('seq').execute()).map(toNetwork);
    },
    ...rows,
  };
  return store;
}
