// Data access for Nova servers. Pending transitions are applied lazily: every read first
// settles the transitions that are due at the caller's simulated time (decision 007), so a
// server is always seen in the state the clock says it is in. Other services (Cinder's
// attachments) use getServer/settle from here and the state rules in sim/server-lifecycle.

import { sql, type Kysely } from 'kysely';
import type { Database, Flavor, ServerTable } from './schema';
import { toRow, toServer } from './server-rows';
import { addressesOfServers, firstFixedIpv4, fixedIpsOfServers, releaseServerPorts } from './server-addresses';

/** The flavor as it was when the server booted: Nova embeds this copy, not the live flavor (2.47). */
export type FlavorSnapshot = Pick<Flavor, 'id' | 'name' | 'vcpus' | 'ram' | 'disk' | 'ephemeral' | 'swap' | 'extraSpecs'>;

export interface ServerAddress {
  addr: string;
  version: 4 | 6;
  mac: string;
  /** Nova's OS-EXT-IPS:type; fixed when absent. */
  type?: 'fixed' | 'floating';
}

export interface ServerFault {
  code: number;
  message: string;
  created: string;
}

export interface Server {
  id: string;
  projectId: string;
  userId: string;
  name: string;
  description: string | null;
  flavor: FlavorSnapshot;
  oldFlavor: FlavorSnapshot | null;
  imageId: string;
  keyName: string | null;
  availabilityZone: string | null;
  host: string | null;
  vmState: string;
  taskState: string | null;
  powerState: number;
  settleAt: string | null;
  nextVmState: string | null;
  nextPowerState: number | null;
  locked: boolean;
  lockedReason: string | null;
  metadata: Record<string, string>;
  tags: string[];
  securityGroups: string[];
  /** Derived from the server's Neutron ports on every read (decision 009). */
  addresses: Record<string, ServerAddress[]>;
  /** The first fixed IPv4 address, derived with `addresses`. */
  fixedIp: string | null;
  userData: string | null;
  configDrive: string;
  diskConfig: string;
  fault: ServerFault | null;
  reservationId: string;
  launchIndex: number;
  serverGroupId: string | null;
  bootVolumeId: string | null;
  createdAt: string;
  updatedAt: string;
  launchedAt: string | null;
}

export type ServerChanges = Partial<Omit<Server, 'id' | 'projectId' | 'userId' | 'createdAt'>>;

export interface ServerFilter {
  projectId?: string;
  /** Regular expression, matched as Nova's DB regexp filter does (search, not full match). */
  name?: string;
  vmStates?: string[];
  taskStates?: string[];
  flavorId?: string;
  imageId?: string;
  /** ISO timestamp; servers updated at or after it. */
  changesSince?: string;
  /** Regular expression over the server's fixed addresses (any one matching). */
  ip?: string;
  locked?: boolean;
  host?: string;
  reservationId?: string;
}

export type ServerSortKey = 'created_at' | 'updated_at' | 'name' | 'id' | 'vm_state' | 'host' | 'display_name';

export interface ServerPage {
  limit: number;
  marker?: Server;
  sortKey: ServerSortKey;
  sortDir: 'asc' | 'desc';
}

export interface Usage {
  instances: number;
  vcpus: number;
  memoryMb: number;
  diskGb: number;
}

export interface ServerStore {
  /** Applies every transition due at `now` (an ISO timestamp): settles states, removes deleted servers. */
  settle(now: string): Promise<void>;
  insert(server: Server): Promise<void>;
  /** For seeds: many rows in few statements. Call inside a transaction. */
  insertMany(servers: readonly Server[]): Promise<void>;
  get(id: string): Promise<Server | undefined>;
  list(filter: ServerFilter, page: ServerPage): Promise<Server[]>;
  update(id: string, changes: ServerChanges): Promise<void>;
  remove(id: string): Promise<void>;
  usageOfProject(projectId: string): Promise<Usage>;
  usageByHost(): Promise<Map<string, Usage>>;
  /** Hosts of a group's members, one entry per member with a host. */
  hostsOfGroup(groupId: string): Promise<string[]>;
  countGroupMembers(groupId: string): Promise<number>;
  groupMemberIds(groupId: string): Promise<string[]>;
  /** Records a port of the server; `preserve` for one a client made (unbound, not deleted, later). */
  recordPort(serverId: string, portId: string, preserve: boolean): Promise<void>;
  /** Whether the port was passed in by a client and outlives the server. */
  isPreservedPort(portId: string): Promise<boolean>;
}

/** Settles due transitions, then reads one server; what other services call to see a server. */
export async function getServer(store: ServerStore, id: string, now: string): Promise<Server | undefined> {
  await store.settle(now);
  return store.get(id);
}

const SORT_COLUMNS: Record<ServerSortKey, keyof ServerTable> = {
  created_at: 'created_at',
  updated_at: 'updated_at',
  name: 'name',
  display_name: 'name',
  id: 'id',
  vm_state: 'vm_state',
  host: 'host',
};

export function createServerStore(db: Kysely<Database>): ServerStore {
  /** Rows to servers, with their addresses from Neutron in two queries for the whole list. */
  async function withAddresses(rows: ServerTable[]): Promise<Server[]> {
    const servers = rows.map(toServer);
    const addresses = await addressesOfServers(db, servers.map((s) => s.id));
    for (const server of servers) {
      server.addresses = addresses.get(server.id) ?? {};
      server.fixedIp = firstFixedIpv4(server.addresses);
    }
    return servers;
  }

  const store: ServerStore = {
    async settle(now) {
      const deleted = await db.selectFrom('servers').select('id').where('settle_at', '<=', now).where('next_vm_state', '=', 'deleted').execute();
      if (deleted.length > 0) {
        await releaseServerPorts(db, deleted.map((r) => r.id), now);
        await db.deleteFrom('servers').where('settle_at', '<=', now).where('next_vm_state', '=', 'deleted').execute();
      }
      await db
        .updateTable('servers')
        .set({
          vm_state: sql`next_vm_state`,
          power_state: sql`coalesce(next_power_state, power_state)`,
          task_state: null,
          launched_at: sql`case when vm_state = 'building' or task_state like 'resize%' then settle_at else launched_at end`,
          updated_at: sql`settle_at`,
          settle_at: null,
          next_vm_state: null,
          next_power_state: null,
        })
        .where('settle_at', '<=', now)
        .execute();
    },
    async insert(server) {
      await db.insertInto('servers').values(toRow(server)).execute();
    },
    async insertMany(servers) {
      // ~45 columns per row keeps each statement well under SQLite's variable limit.
      for (let i = 0; i < servers.length; i += 500) {
        await db.insertInto('servers').values(servers.slice(i, i + 500).map(toRow)).execute();
      }
    },
    async get(id) {
      const row = await db.selectFrom('servers').selectAll().where('id', '=', id).executeTakeFirst();
      return row && (await withAddresses([row]))[0];
    },
    async list(filter, page) {
      const column = SORT_COLUMNS[page.sortKey];
      let query = db.selectFrom('servers');
      if (filter.projectId !== undefined) query = query.where('project_id', '=', filter.projectId);
      if (filter.vmStates) query = query.where('vm_state', 'in', filter.vmStates.length ? filter.vmStates : ['-']);
      if (filter.taskStates) query = query.where('task_state', 'in', filter.taskStates.length ? filter.taskStates : ['-']);
      if (filter.flavorId !== undefined) query = query.where('flavor_id', '=', filter.flavorId);
      if (filter.imageId !== undefined) query = query.where('image_id', '=', filter.imageId);
      if (filter.changesSince !== undefined) query = query.where('updated_at', '>=', filter.changesSince);
      if (filter.locked !== undefined) query = query.where('locked', '=', filter.locked ? 1 : 0);
      if (filter.host !== undefined) query = query.where('host', '=', filter.host);
      if (filter.reservationId !== undefined) query = query.where('reservation_id', '=', filter.reservationId);
      // A pattern without regex syntax narrows in SQL first (LIKE matches a superset); the
      // regular expression below still decides.
      if (filter.name !== undefined && /^[\w -]+$/.test(filter.name)) {
        query = query.where('name', 'like', `%${filter.name}%`);
      }
      const dir = page.sortDir;
      const ordered = query.orderBy(column, dir).orderBy('id', dir);
      const regexes = [
        filter.name === undefined ? undefined : ([toRegex(filter.name), 'name'] as const),
      ].filter((r) => r !== undefined);
      const ipRegex = filter.ip === undefined ? undefined : toRegex(filter.ip);
      if (regexes.length === 0 && ipRegex === undefined) {
        let keyed = ordered;
        if (page.marker) {
          const markerRow = toRow(page.marker);
          const value = markerRow[column] as string | null;
          const op = dir === 'desc' ? '<' : '>';
          keyed = keyed.where((eb) =>
            eb.or([
              eb(column, op, value as never),
              eb.and([eb(column, '=', value as never), eb('id', op, page.marker!.id)]),
            ]),
          );
        }
        return withAddresses(await keyed.selectAll().limit(page.limit).execute());
      }
      // SQLite has no REGEXP here: filter the ordered candidates (three columns) in memory,
      // page, then load the page's rows.
      const rows = await ordered.select(['id', 'name']).execute();
      const ips = ipRegex === undefined ? undefined : await fixedIpsOfServers(db, rows.map((r) => r.id));
      const matching = rows.filter(
        (row) =>
          regexes.every(([re, key]) => re.test(row[key] ?? '')) &&
          (ipRegex === undefined || (ips?.get(row.id) ?? []).some((ip) => ipRegex.test(ip))),
      );
      const start = page.marker ? matching.findIndex((row) => row.id === page.marker!.id) + 1 : 0;
      const ids = matching.slice(start, start + page.limit).map((row) => row.id);
      if (ids.length === 0) return [];
      const full = new Map((await db.selectFrom('servers').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r]));
      return withAddresses(ids.map((id) => full.get(id)!));
    },
    async update(id, changes) {
      const row = toRow({ ...(await store.get(id))!, ...changes });
      const { id: _id, project_id: _p, user_id: _u, created_at: _c, ...rest } = row;
      await db.updateTable('servers').set(rest).where('id', '=', id).execute();
    },
    async remove(id) {
      await db.deleteFrom('servers').where('id', '=', id).execute();
    },
    async usageOfProject(projectId) {
      const row = await db
        .selectFrom('servers')
        .select((eb) => [
          eb.fn.countAll<number>().as('instances'),
          eb.fn.coalesce(eb.fn.sum<number>('vcpus'), sql<number>`0`).as('vcpus'),
          eb.fn.coalesce(eb.fn.sum<number>('memory_mb'), sql<number>`0`).as('memory_mb'),
          eb.fn.coalesce(eb.fn.sum<number>('disk_gb'), sql<number>`0`).as('disk_gb'),
        ])
        .where('project_id', '=', projectId)
        .executeTakeFirstOrThrow();
      return { instances: Number(row.instances), vcpus: Number(row.vcpus), memoryMb: Number(row.memory_mb), diskGb: Number(row.disk_gb) };
    },
    async usageByHost() {
      const rows = await db
        .selectFrom('servers')
        .select((eb) => [
          'host',
          eb.fn.countAll<number>().as('instances'),
          eb.fn.sum<number>('vcpus').as('vcpus'),
          eb.fn.sum<number>('memory_mb').as('memory_mb'),
          eb.fn.sum<number>('disk_gb').as('disk_gb'),
        ])
        .where('host', 'is not', null)
        .groupBy('host')
        .execute();
      return new Map(
        rows.map((r) => [
          r.host!,
          { instances: Number(r.instances), vcpus: Number(r.vcpus), memoryMb: Number(r.memory_mb), diskGb: Number(r.disk_gb) },
        ]),
      );
    },
    async hostsOfGroup(groupId) {
      const rows = await db.selectFrom('servers').select('host').where('server_group_id', '=', groupId).where('host', 'is not', null).execute();
      return rows.map((r) => r.host!);
    },
    async countGroupMembers(groupId) {
      const row = await db.selectFrom('servers').select((eb) => eb.fn.countAll<number>().as('n')).where('server_group_id', '=', groupId).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async recordPort(serverId, portId, preserve) {
      await db
        .insertInto('server_ports')
        .values({ server_id: serverId, port_id: portId, preserve_on_delete: preserve ? 1 : 0 })
        .onConflict((oc) => oc.column('port_id').doUpdateSet({ server_id: serverId, preserve_on_delete: preserve ? 1 : 0 }))
        .execute();
    },
    async isPreservedPort(portId) {
      const row = await db.selectFrom('server_ports').select('preserve_on_delete').where('port_id', '=', portId).executeTakeFirst();
      return row?.preserve_on_delete === 1;
    },
    async groupMemberIds(groupId) {
      const rows = await db.selectFrom('servers').select('id').where('server_group_id', '=', groupId).orderBy('created_at').orderBy('id').execute();
      return rows.map((r) => r.id);
    },
  };
  return store;
}

function toRegex(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch {
    // An invalid pattern matches itself literally instead of failing the request.
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
}
