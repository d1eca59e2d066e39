// Data access for Neutron subnets: pools, DNS servers and host routes kept as JSON.

import type { Kysely } from 'kysely';
import { bool, flag, parseJson, rowAccess, standardFromRow, standardToRow, type StandardAttributes } from './network-rows';
import type { Database, SubnetTable } from './schema';

export interface AllocationPool {
  start: string;
  end: string;
}

export interface HostRoute {
  destination: string;
  nexthop: string;
}

export interface Subnet extends StandardAttributes {
  id: string;
  projectId: string;
  networkId: string;
  name: string;
  ipVersion: 4 | 6;
  cidr: string;
  gatewayIp: string | null;
  enableDhcp: boolean;
  allocationPools: AllocationPool[];
  dnsNameservers: string[];
  hostRoutes: HostRoute[];
  ipv6AddressMode: string | null;
  ipv6RaMode: string | null;
  subnetpoolId: string | null;
}

export type SubnetChanges = Partial<Omit<Subnet, 'id' | 'projectId' | 'networkId' | 'createdAt' | 'cidr' | 'ipVersion'>>;

export interface SubnetFilter {
  networkIds?: readonly string[];
  ids?: readonly string[];
}

export interface SubnetStore {
  list(filter?: SubnetFilter): Promise<Subnet[]>;
  get(id: string): Promise<Subnet | undefined>;
  insert(subnet: Subnet): Promise<void>;
  insertMany(subnets: readonly Subnet[]): Promise<void>;
  update(id: string, changes: SubnetChanges): Promise<Subnet | undefined>;
  delete(id: string): Promise<void>;
}

function toSubnet(row: SubnetTable): Subnet {
  return {
    ...standardFromRow(row),
    id: row.id,
    projectId: row.project_id,
    networkId: row.network_id,
    name: row.name,
    ipVersion: row.ip_version === 6 ? 6 : 4,
    cidr: row.cidr,
    gatewayIp: row.gateway_ip,
    enableDhcp: bool(row.enable_dhcp),
    allocationPools: parseJson<AllocationPool[]>(row.allocation_pools),
    dnsNameservers: parseJson<string[]>(row.dns_nameservers),
    hostRoutes: parseJson<HostRoute[]>(row.host_routes),
    ipv6AddressMode: row.ipv6_address_mode,
    ipv6RaMode: row.ipv6_ra_mode,
    subnetpoolId: row.subnetpool_id,
  };
}

function toRow(s: Subnet, seq: number): SubnetTable {
  return {
    ...standardToRow(s, seq),
    id: s.id,
    project_id: s.projectId,
    network_id: s.networkId,
    name: s.name,
    ip_version: s.ipVersion,
    cidr: s.cidr,
    gateway_ip: s.gatewayIp,
    enable_dhcp: flag(s.enableDhcp),
    allocation_pools: JSON.stringify(s.allocationPools),
    dns_nameservers: JSON.stringify(s.dnsNameservers),
    host_routes: JSON.stringify(s.hostRoutes),
    ipv6_address_mode: s.ipv6AddressMode,
    ipv6_ra_mode: s.ipv6RaMode,
    subnetpool_id: s.subnetpoolId,
  };
}

export function createSubnetStore(db: Kysely<Database>): SubnetStore {
  const rows = rowAccess(db, 'subnets', toSubnet, toRow, ['project_id', 'network_id', 'created_at']);
  const store: SubnetStore = {
    async list(filter = {}) {
      let query = db.selectFrom('subnets').selectAll();
      if (filter.networkIds !== undefined) query = query.where('network_id', 'in', filter.networkIds.length ? filter.networkIds : ['']);
      if (filter.ids !== undefined) query = query.where('id', 'in', filter.ids.length ? filter.ids : ['']);
      return (await query.orderBy('seq').execute()).map(toSubnet);
    },
    ...rows,
  };
  return store;
}
