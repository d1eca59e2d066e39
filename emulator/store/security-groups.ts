// Data access for Neutron security groups and their rules: the project's "default" group,
// created on first use with Neutron's four rules, groups made by clients (with Neutron's two
// egress rules), rules, and which groups each port is bound to. Rows are handed out as
// stored (wire names); the network service renders them.

import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { nextSeq } from './network-rows';
import type { Database, SecurityGroupRuleTable, SecurityGroupTable } from './schema';

export type SecurityGroupRow = Selectable<SecurityGroupTable>;
export type SecurityGroupRuleRow = Selectable<SecurityGroupRuleTable>;

/** What a client chooses of a new rule; the store adds id, timestamps and sequence. */
export type NewRule = Pick<
  SecurityGroupRuleRow,
  | 'project_id'
  | 'security_group_id'
  | 'direction'
  | 'ethertype'
  | 'protocol'
  | 'port_range_min'
  | 'port_range_max'
  | 'remote_ip_prefix'
  | 'remote_group_id'
  | 'description'
>;

export interface NewGroup {
  projectId: string;
  name: string;
  description: string;
  stateful: boolean;
}

export interface GroupChanges {
  name?: string;
  description?: string;
  stateful?: boolean;
}

export interface SecurityGroupStore {
  /**
   * The project's "default" group, created at `now` (Neutron timestamp) if the project has
   * none yet, with Neutron's rules: egress IPv4 and IPv6 to anywhere, ingress IPv4 and IPv6
   * from members of the group itself. Returns the group id.
   */
  ensureDefault(projectId: string, now: string): Promise<string>;
  /** Replaces the groups bound to a port (an empty list unbinds them all). */
  bindPort(portId: string, groupIds: readonly string[]): Promise<void>;
  /** Group ids bound to each of the given ports, in one query; ports with none map to []. */
  groupsOfPorts(portIds: readonly string[]): Promise<Map<string, string[]>>;
  /** Ports bound to the group. */
  portsOfGroup(groupId: string): Promise<string[]>;
  /**
   * The groups on the ports of each device (a server), unique and in port order; a device
   * whose ports have no groups maps to [], a device without ports is absent.
   */
  groupsOfDevices(deviceIds: readonly string[]): Promise<Map<string, { id: string; name: string }[]>>;
  /** The ports of a device, in creation order, with what Nova checks before applying a group. */
  portsOfDevice(deviceId: string): Promise<{ id: string; portSecurityEnabled: boolean; hasFixedIps: boolean }[]>;

  /** Groups in creation order: one project's, or every project's when projectId is undefined. */
  listGroups(projectId?: string): Promise<SecurityGroupRow[]>;
  getGroup(id: string): Promise<SecurityGroupRow | undefined>;
  /** A group with Neutron's two egress rules (IPv4 and IPv6 to anywhere). */
  createGroup(group: NewGroup, now: string): Promise<SecurityGroupRow>;
  updateGroup(id: string, changes: GroupChanges, now: string): Promise<SecurityGroupRow>;
  /** Deletes the group, its rules and the rules of other groups that name it as remote. */
  deleteGroup(id: string): Promise<void>;

  /** Rules in creation order, of the given groups only when groupIds is given. */
  listRules(groupIds?: readonly string[]): Promise<SecurityGroupRuleRow[]>;
  getRule(id: string): Promise<SecurityGroupRuleRow | undefined>;
  /** Adds a rule and counts a revision of its group. */
  createRule(rule: NewRule, now: string): Promise<SecurityGroupRuleRow>;
  deleteRule(id: string, now: string): Promise<void>;
}

const freshStandard = (now: string, description = '') => ({
  description,
  tags: '[]',
  created_at: now,
  updated_at: now,
  revision_number: 0,
});

const egressRules = (groupId: string, projectId: string): NewRule[] =>
  (['IPv4', 'IPv6'] as const).map((ethertype) => ({
    project_id: projectId,
    security_group_id: groupId,
    direction: 'egress',
    ethertype,
    protocol: null,
    port_range_min: null,
    port_range_max: null,
    remote_ip_prefix: null,
    remote_group_id: null,
    description: '',
  }));

export function createSecurityGroupStore(db: Kysely<Database>): SecurityGroupStore {
  async function insertRules(rules: readonly NewRule[], now: string): Promise<SecurityGroupRuleRow[]> {
    let seq = await nextSeq(db, 'security_group_rules');
    const rows = rules.map((rule) => ({
      ...rule,
      ...freshStandard(now, rule.description),
      id: randomUUID(),
      remote_address_group_id: null,
      seq: seq++,
    }));
    if (rows.length > 0) await db.insertInto('security_group_rules').values(rows).execute();
    return rows;
  }

  async function insertGroup(
    group: NewGroup & { isDefault: boolean },
    now: string,
    rules: (id: string) => NewRule[],
  ): Promise<SecurityGroupRow> {
    const row: SecurityGroupRow = {
      id: randomUUID(),
      project_id: group.projectId,
      name: group.name,
      stateful: group.stateful ? 1 : 0,
      is_default: group.isDefault ? 1 : 0,
      ...freshStandard(now, group.description),
      seq: await nextSeq(db, 'security_groups'),
    };
    await db.insertInto('security_groups').values(row).execute();
    await insertRules(rules(row.id), now);
    return row;
  }

  /** A change to a group's rules is a new revision of the group, as in Neutron. */
  async function touchGroup(id: string, now: string): Promise<void> {
    await db
      .updateTable('security_groups')
      .set((eb) => ({ updated_at: now, revision_number: eb('revision_number', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  const store: SecurityGroupStore = {
    async ensureDefault(projectId, now) {
      const existing = await db
        .selectFrom('security_groups')
        .select('id')
        .where('project_id', '=', projectId)
        .where('is_default', '=', 1)
        .executeTakeFirst();
      if (existing) return existing.id;
      const group = { projectId, name: 'default', description: 'Default security group', stateful: true, isDefault: true };
      const row = await insertGroup(group, now, (id) =>
        egressRules(id, projectId).flatMap((egress) => [
          egress,
          { ...egress, direction: 'ingress' as const, remote_group_id: id },
        ]),
      );
      return row.id;
    },

    async bindPort(portId, groupIds) {
      await db.deleteFrom('port_security_groups').where('port_id', '=', portId).execute();
      const unique = [...new Set(groupIds)];
      if (unique.length === 0) return;
      await db
        .insertInto('port_security_groups')
        .values(unique.map((security_group_id) => ({ port_id: portId, security_group_id })))
        .execute();
    },

    async groupsOfPorts(portIds) {
      const result = new Map<string, string[]>(portIds.map((id) => [id, []]));
      // SQLite limits bound parameters per statement; chunks keep large pages safe.
      for (let i = 0; i < portIds.length; i += 500) {
        const chunk = portIds.slice(i, i + 500);
        const rows = await db
          .selectFrom('port_security_groups')
          .select(['port_id', 'security_group_id'])
          .where('port_id', 'in', chunk)
          .execute();
        for (const row of rows) result.get(row.port_id)?.push(row.security_group_id);
      }
      return result;
    },

    async portsOfGroup(groupId) {
      const rows = await db
        .selectFrom('port_security_groups')
        .select('port_id')
        .where('security_group_id', '=', groupId)
        .execute();
      return rows.map((row) => row.port_id);
    },

    async groupsOfDevices(deviceIds) {
      const result = new Map<string, { id: string; name: string }[]>();
      for (let i = 0; i < deviceIds.length; i += 500) {
        const chunk = deviceIds.slice(i, i + 500);
        if (chunk.length === 0) continue;
        const rows = await db
          .selectFrom('ports')
          .leftJoin('port_security_groups', 'port_security_groups.port_id', 'ports.id')
          .leftJoin('security_groups', 'security_groups.id', 'port_security_groups.security_group_id')
          .select(['ports.device_id as deviceId', 'security_groups.id as groupId', 'security_groups.name as groupName'])
          .where('ports.device_id', 'in', chunk)
          .orderBy('ports.seq')
          .orderBy('security_groups.seq')
          .execute();
        for (const row of rows) {
          const groups = result.get(row.deviceId) ?? [];
          result.set(row.deviceId, groups);
          if (row.groupId !== null && !groups.some((group) => group.id === row.groupId)) {
            groups.push({ id: row.groupId, name: row.groupName ?? '' });
          }
        }
      }
      return result;
    },

    async portsOfDevice(deviceId) {
      const rows = await db
        .selectFrom('ports')
        .select((eb) => [
          'ports.id',
          'ports.port_security_enabled',
          eb.exists(eb.selectFrom('port_fixed_ips').select('port_fixed_ips.port_id').whereRef('port_fixed_ips.port_id', '=', 'ports.id')).as('has_ips'),
        ])
        .where('ports.device_id', '=', deviceId)
        .orderBy('ports.seq')
        .execute();
      return rows.map((row) => ({ id: row.id, portSecurityEnabled: row.port_security_enabled === 1, hasFixedIps: Boolean(row.has_ips) }));
    },

    async listGroups(projectId) {
      let query = db.selectFrom('security_groups').selectAll();
      if (projectId !== undefined) query = query.where('project_id', '=', projectId);
      return query.orderBy('seq').execute();
    },

    getGroup: (id) => db.selectFrom('security_groups').selectAll().where('id', '=', id).executeTakeFirst(),

    createGroup: (group, now) => insertGroup({ ...group, isDefault: false }, now, (id) => egressRules(id, group.projectId)),

    async updateGroup(id, changes, now) {
      await db
        .updateTable('security_groups')
        .set((eb) => ({
          ...(changes.name === undefined ? {} : { name: changes.name }),
          ...(changes.description === undefined ? {} : { description: changes.description }),
          ...(changes.stateful === undefined ? {} : { stateful: changes.stateful ? 1 : 0 }),
          updated_at: now,
          revision_number: eb('revision_number', '+', 1),
        }))
        .where('id', '=', id)
        .execute();
      const row = await store.getGroup(id);
      if (!row) throw new Error(`security group ${id} vanished during update`);
      return row;
    },

    async deleteGroup(id) {
      // Rules naming the group as remote go with it (the foreign key cascades), as in Neutron.
      await db.deleteFrom('security_group_rules').where('security_group_id', '=', id).execute();
      await db.deleteFrom('security_groups').where('id', '=', id).execute();
    },

    async listRules(groupIds) {
      if (groupIds === undefined) return db.selectFrom('security_group_rules').selectAll().orderBy('seq').execute();
      const rows: SecurityGroupRuleRow[] = [];
      for (let i = 0; i < groupIds.length; i += 500) {
        const chunk = groupIds.slice(i, i + 500);
        if (chunk.length === 0) continue;
        rows.push(
          ...(await db.selectFrom('security_group_rules').selectAll().where('security_group_id', 'in', chunk).execute()),
        );
      }
      return rows.sort((a, b) => a.seq - b.seq);
    },

    getRule: (id) => db.selectFrom('security_group_rules').selectAll().where('id', '=', id).executeTakeFirst(),

    async createRule(rule, now) {
      const [row] = await insertRules([rule], now);
      await touchGroup(rule.security_group_id, now);
      return row!;
    },

    async deleteRule(id, now) {
      const rule = await store.getRule(id);
      if (!rule) return;
      await db.deleteFrom('security_group_rules').where('id', '=', id).execute();
      await touchGroup(rule.security_group_id, now);
    },
  };
  return store;
}
