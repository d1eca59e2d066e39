// Data access for Neutron ports and their fixed IPs (one row per address, unique within its
// subnet). Reads load a page's addresses in one query, never one per port.

import type { Kysely } from 'kysely';
import { bool, flag, nextSeq, parseJson, standardFromRow, standardToRow, type StandardAttributes } from './network-rows';
import type { Database, PortTable } from './schema';

export interface FixedIp {
  subnetId: string;
  ipAddress: string;
}

export interface AddressPair {
  ip_address: string;
  mac_address: string;
}

export interface Port extends StandardAttributes {
  id: string;
  projectId: string;
  networkId: string;
  name: string;
  macAddress: string;
  deviceOwner: string;
  deviceId: string;
  status: string;
  adminStateUp: boolean;
  portSecurityEnabled: boolean;
  bindingHostId: string;
  bindingVnicType: string;
  bindingProfile: Record<string, unknown>;
  allowedAddressPairs: AddressPair[];
  dnsName: string;
  fixedIps: FixedIp[];
}

export type PortChanges = Partial<Omit<Port, 'id' | 'networkId' | 'createdAt' | 'macAddress'>> & { macAddress?: string };

export interface PortFilter {
  projectId?: string;
  /** Ports of this project or on one of these networks (Neutron's admin_or_network_owner). */
  visibleTo?: { projectId: string; networkIds: readonly string[] };
  ids?: readonly string[];
  networkIds?: readonly string[];
  deviceIds?: readonly string[];
  deviceOwner?: string;
  /** Ports with an address on this subnet. */
  subnetId?: string;
  /** A window in id order: ids from this one on (inclusive), at most `limit` of them. */
  window?: { fromId?: string; limit: number };
}

export interface PortStore {
  list(filter?: PortFilter): Promise<Port[]>;
  get(id: string): Promise<Port | undefined>;
  insert(port: Port): Promise<void>;
  /** For seeds: many ports, their addresses and security groups (by port id) in few statements. */
  insertMany(ports: readonly Port[], groups?: ReadonlyMap<string, readonly string[]>): Promise<void>;
  /** Every MAC address in use (seeds pick theirs around them). */
  macs(): Promise<Set<string>>;
  update(id: string, changes: PortChanges): Promise<Port | undefined>;
  delete(id: string): Promise<void>;
  /** Addresses in use on a subnet. */
  addressesOnSubnet(subnetId: string): Promise<Set<string>>;
  /** How many addresses each of the given subnets has in use. */
  countBySubnet(subnetIds: readonly string[]): Promise<Map<string, number>>;
  macInUse(mac: string): Promise<boolean>;
  /** The project of each existing security group among `ids` (for checking a port's groups). */
  securityGroupProjects(ids: readonly string[]): Promise<Map<string, string>>;
  /** Ids of a project's security groups with the given names (Nova boots by group name). */
  securityGroupIdsByName(projectId: string, names: readonly string[]): Promise<Map<string, string[]>>;
}

function toPort(row: PortTable, fixedIps: FixedIp[]): Port {
  return {
    ...standardFromRow(row),
    id: row.id,
    projectId: row.project_id,
    networkId: row.network_id,
    name: row.name,
    macAddress: row.mac_address,
    deviceOwner: row.device_owner,
    deviceId: row.device_id,
    status: row.status,
    adminStateUp: bool(row.admin_state_up),
    portSecurityEnabled: bool(row.port_security_enabled),
    bindingHostId: row.binding_host_id,
    bindingVnicType: row.binding_vnic_type,
    bindingProfile: parseJson<Record<string, unknown>>(row.binding_profile),
    allowedAddressPairs: parseJson<AddressPair[]>(row.allowed_address_pairs),
    dnsName: row.dns_name,
    fixedIps,
  };
}

function toRow(p: Port, seq: number): PortTable {
  return {
    ...standardToRow(p, seq),
    id: p.id,
    project_id: p.projectId,
    network_id: p.networkId,
    name: p.name,
    mac_address: p.macAddress,
    device_owner: p.deviceOwner,
    device_id: p.deviceId,
    status: p.status,
    admin_state_up: flag(p.adminStateUp),
    port_security_enabled: flag(p.portSecurityEnabled),
    binding_host_id: p.bindingHostId,
    binding_vnic_type: p.bindingVnicType,
    binding_profile: JSON.stringify(p.bindingProfile),
    allowed_address_pairs: JSON.stringify(p.allowedAddressPairs),
    dns_name: p.dnsName,
  };
}

const fixedIpRows = (port: Port) =>
  port.fixedIps.map((ip, position) => ({
    subnet_id: ip.subnetId,
    ip_address: ip.ipAddress,
    port_id: port.id,
    network_id: port.networkId,
    position,
  }));

const CHUNK = 400;

export function createPortStore(db: Kysely<Database>): PortStore {
  async function withAddresses(rows: PortTable[]): Promise<Port[]> {
    const byPort = new Map<string, FixedIp[]>(rows.map((r) => [r.id, []]));
    for (let i = 0; i < rows.length; i += CHUNK) {
      const ids = rows.slice(i, i + CHUNK).map((r) => r.id);
      const ips = await db
        .selectFrom('port_fixed_ips')
        .select(['port_id', 'subnet_id', 'ip_address'])
        .where('port_id', 'in', ids)
        .orderBy('port_id')
        .orderBy('position')
        .execute();
      for (const ip of ips) byPort.get(ip.port_id)?.push({ subnetId: ip.subnet_id, ipAddress: ip.ip_address });
    }
    return rows.map((row) => toPort(row, byPort.get(row.id) ?? []));
  }

  const store: PortStore = {
    async list(filter = {}) {
      let query = db.selectFrom('ports').selectAll('ports');
      const nonEmpty = (values: readonly string[]) => (values.length > 0 ? values : ['']);
      if (filter.projectId !== undefined) query = query.where('ports.project_id', '=', filter.projectId);
      if (filter.visibleTo !== undefined) {
        const { projectId, networkIds } = filter.visibleTo;
        query = query.where((eb) => eb.or([eb('ports.project_id', '=', projectId), eb('ports.network_id', 'in', nonEmpty(networkIds))]));
      }
      if (filter.ids !== undefined) query = query.where('ports.id', 'in', nonEmpty(filter.ids));
      if (filter.networkIds !== undefined) query = query.where('ports.network_id', 'in', nonEmpty(filter.networkIds));
      if (filter.deviceIds !== undefined) query = query.where('ports.device_id', 'in', nonEmpty(filter.deviceIds));
      if (filter.deviceOwner !== undefined) query = query.where('ports.device_owner', '=', filter.deviceOwner);
      if (filter.subnetId !== undefined) {
        const subnetId = filter.subnetId;
        query = query.where('ports.id', 'in', (eb) =>
          eb.selectFrom('port_fixed_ips').select('port_id').where('subnet_id', '=', subnetId),
        );
      }
      if (filter.window !== undefined) {
        const { fromId, limit } = filter.window;
        if (fromId !== undefined) query = query.where('ports.id', '>=', fromId);
        return withAddresses(await query.orderBy('ports.id').limit(limit).execute());
      }
      return withAddresses(await query.orderBy('ports.seq').execute());
    },
    async get(id) {
      const row = await db.selectFrom('ports').selectAll().where('id', '=', id).executeTakeFirst();
      return row && (await withAddresses([row]))[0];
    },
    async insert(port) {
      await db.insertInto('ports').values(toRow(port, await nextSeq(db, 'ports'))).execute();
      if (port.fixedIps.length > 0) await db.insertInto('port_fixed_ips').values(fixedIpRows(port)).execute();
    },
    async insertMany(ports, groups = new Map()) {
      const first = await nextSeq(db, 'ports');
      const rows = ports.map((p, i) => toRow(p, first + i));
      for (let i = 0; i < rows.length; i += 100) await db.insertInto('ports').values(rows.slice(i, i + 100)).execute();
      const ips = ports.flatMap(fixedIpRows);
      for (let i = 0; i < ips.length; i += 150) await db.insertInto('port_fixed_ips').values(ips.slice(i, i + 150)).execute();
      const bindings = [...groups].flatMap(([port_id, ids]) => ids.map((security_group_id) => ({ port_id, security_group_id })));
      for (let i = 0; i < bindings.length; i += 400) {
        await db.insertInto('port_security_groups').values(bindings.slice(i, i + 400)).execute();
      }
    },
    async macs() {
      return new Set((await db.selectFrom('ports').select('mac_address').execute()).map((r) => r.mac_address));
    },
    async update(id, changes) {
      const current = await store.get(id);
      if (!current) return undefined;
      const next = { ...current, ...changes };
      const { seq: _s, id: _i, network_id: _n, created_at: _c, ...values } = toRow(next, 0);
      await db.updateTable('ports').set(values).where('id', '=', id).execute();
      if (changes.fixedIps !== undefined) {
        await db.deleteFrom('port_fixed_ips').where('port_id', '=', id).execute();
        if (next.fixedIps.length > 0) await db.insertInto('port_fixed_ips').values(fixedIpRows(next)).execute();
      }
      return store.get(id);
    },
    async delete(id) {
      await db.deleteFrom('ports').where('id', '=', id).execute();
    },
    async addressesOnSubnet(subnetId) {
      const rows = await db.selectFrom('port_fixed_ips').select('ip_address').where('subnet_id', '=', subnetId).execute();
      return new Set(rows.map((r) => r.ip_address));
    },
    async countBySubnet(subnetIds) {
      const counts = new Map<string, number>(subnetIds.map((id) => [id, 0]));
      if (subnetIds.length === 0) return counts;
      const rows = await db
        .selectFrom('port_fixed_ips')
        .select((eb) => ['subnet_id', eb.fn.countAll<number>().as('n')])
        .where('subnet_id', 'in', subnetIds)
        .groupBy('subnet_id')
        .execute();
      for (const row of rows) counts.set(row.subnet_id, Number(row.n));
      return counts;
    },
    async macInUse(mac) {
      return (await db.selectFrom('ports').select('id').where('mac_address', '=', mac).executeTakeFirst()) !== undefined;
    },
    async securityGroupProjects(ids) {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('security_groups').select(['id', 'project_id']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.project_id]));
    },
    async securityGroupIdsByName(projectId, names) {
      const result = new Map<string, string[]>(names.map((n) => [n, []]));
      if (names.length === 0) return result;
      const rows = await db
        .selectFrom('security_groups')
        .select(['id', 'name'])
        .where('project_id', '=', projectId)
        .where('name', 'in', names)
        .orderBy('seq')
        .execute();
      for (const row of rows) result.get(row.name)?.push(row.id);
      return result;
    },
  };
  return store;
}
