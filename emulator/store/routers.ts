// Data access for Neutron routers. The gateway is a port on the external network
// (gw_port_id); interfaces are ports with device_owner network:router_interface.

import type { Kysely } from 'kysely';
import { bool, flag, parseJson, rowAccess, standardFromRow, standardToRow, type StandardAttributes } from './network-rows';
import type { Database, RouterTable } from './schema';
import type { HostRoute } from './subnets';

export interface Router extends StandardAttributes {
  id: string;
  projectId: string;
  name: string;
  status: string;
  adminStateUp: boolean;
  gwNetworkId: string | null;
  gwPortId: string | null;
  enableSnat: boolean;
  routes: HostRoute[];
  distributed: boolean;
  ha: boolean;
  availabilityZoneHints: string[];
}

export type RouterChanges = Partial<Omit<Router, 'id' | 'projectId' | 'createdAt'>>;

export interface RouterStore {
  list(filter?: { projectId?: string; ids?: readonly string[]; gwNetworkId?: string }): Promise<Router[]>;
  get(id: string): Promise<Router | undefined>;
  insert(router: Router): Promise<void>;
  update(id: string, changes: RouterChanges): Promise<Router | undefined>;
  delete(id: string): Promise<void>;
}

function toRouter(row: RouterTable): Router {
  return {
    ...standardFromRow(row),
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    status: row.status,
    adminStateUp: bool(row.admin_state_up),
    gwNetworkId: row.gw_network_id,
    gwPortId: row.gw_port_id,
    enableSnat: bool(row.enable_snat),
    routes: parseJson<HostRoute[]>(row.routes),
    distributed: bool(row.distributed),
    ha: bool(row.ha),
    availabilityZoneHints: parseJson<string[]>(row.availability_zone_hints),
  };
}

function toRow(r: Router, seq: number): RouterTable {
  return {
    ...standardToRow(r, seq),
    id: r.id,
    project_id: r.projectId,
    name: r.name,
    status: r.status,
    admin_state_up: flag(r.adminStateUp),
    gw_network_id: r.gwNetworkId,
    gw_port_id: r.gwPortId,
    enable_snat: flag(r.enableSnat),
    routes: JSON.stringify(r.routes),
    distributed: flag(r.distributed),
    ha: flag(r.ha),
    availability_zone_hints: JSON.stringify(r.availabilityZoneHints),
  };
}

export function createRouterStore(db: Kysely<Database>): RouterStore {
  const rows = rowAccess(db, 'routers', toRouter, toRow, ['project_id', 'created_at']);
  const store: RouterStore = {
    async list(filter = {}) {
      let query = db.selectFrom('routers').selectAll();
      if (filter.projectId !== undefined) query = query.where('project_id', '=', filter.projectId);
      if (filter.ids !== undefined) query = query.where('id', 'in', filter.ids.length ? filter.ids : ['']);
      if (filter.gwNetworkId !== undefined) query = query.where('gw_network_id', '=', filter.gwNetworkId);
      return (await query.orderBy('seq').execute()).map(toRouter);
    },
    ...rows,
  };
  return store;
}
