// Data access for Neutron floating IPs. Each holds its address through a network:floatingip
// port on the external network (floating_port_id), and points at the port it forwards to.

import type { Kysely } from 'kysely';
import { rowAccess, standardFromRow, standardToRow, type StandardAttributes } from './network-rows';
import type { Database, FloatingIpTable } from './schema';

export interface FloatingIp extends StandardAttributes {
  id: string;
  projectId: string;
  floatingNetworkId: string;
  floatingIpAddress: string;
  floatingPortId: string;
  portId: string | null;
  fixedIpAddress: string | null;
  routerId: string | null;
  status: string;
  dnsName: string;
  dnsDomain: string;
}

export type FloatingIpChanges = Partial<Pick<FloatingIp, 'portId' | 'fixedIpAddress' | 'routerId' | 'status' | 'description' | 'updatedAt' | 'revisionNumber' | 'tags'>>;

export interface FloatingIpStore {
  list(filter?: { projectId?: string; ids?: readonly string[]; portIds?: readonly string[]; routerId?: string }): Promise<FloatingIp[]>;
  get(id: string): Promise<FloatingIp | undefined>;
  insert(floatingIp: FloatingIp): Promise<void>;
  update(id: string, changes: FloatingIpChanges): Promise<FloatingIp | undefined>;
  delete(id: string): Promise<void>;
}

function toFloatingIp(row: FloatingIpTable): FloatingIp {
  return {
    ...standardFromRow(row),
    id: row.id,
    projectId: row.project_id,
    floatingNetworkId: row.floating_network_id,
    floatingIpAddress: row.floating_ip_address,
    floatingPortId: row.floating_port_id,
    portId: row.port_id,
    fixedIpAddress: row.fixed_ip_address,
    routerId: row.router_id,
    status: row.status,
    dnsName: row.dns_name,
    dnsDomain: row.dns_domain,
  };
}

function toRow(f: FloatingIp, seq: number): FloatingIpTable {
  return {
    ...standardToRow(f, seq),
    id: f.id,
    project_id: f.projectId,
    floating_network_id: f.floatingNetworkId,
    floating_ip_address: f.floatingIpAddress,
    floating_port_id: f.floatingPortId,
    port_id: f.portId,
    fixed_ip_address: f.fixedIpAddress,
    router_id: f.routerId,
    status: f.status,
    dns_name: f.dnsName,
    dns_domain: f.dnsDomain,
  };
}

export function createFloatingIpStore(db: Kysely<Database>): FloatingIpStore {
  const rows = rowAccess(db, 'floating_ips', toFloatingIp, toRow, ['project_id', 'created_at']);
  const store: FloatingIpStore = {
    async list(filter = {}) {
      let query = db.selectFrom('floating_ips').selectAll();
      if (filter.projectId !== undefined) query = query.where('project_id', '=', filter.projectId);
      if (filter.ids !== undefined) query = query.where('id', 'in', filter.ids.length ? filter.ids : ['']);
      if (filter.portIds !== undefined) query = query.where('port_id', 'in', filter.portIds.length ? filter.portIds : ['']);
      if (filter.routerId !== undefined) query = query.where('router_id', '=', filter.routerId);
      return (await query.orderBy('seq').execute()).map(toFloatingIp);
    },
    ...rows,
  };
  return store;
}
