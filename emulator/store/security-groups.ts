// Data access for Neutron security groups: the project's "default" group, created on first
// use with Neutron's four rules, and which groups each port is bound to.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nextSeq } from './network-rows';
import type { Database } from './schema';

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
}

export function createSecurityGroupStore(db: Kysely<Database>): SecurityGroupStore {
  return {
    async ensureDefault(projectId, now) {
      const existing = await db
        .selectFrom('security_groups')
        .select('id')
        .where('project_id', '=', projectId)
        .where('is_default', '=', 1)
        .executeTakeFirst();
      if (existing) return existing.id;

      const id = randomUUID();
      const standard = { description: '', tags: '[]', created_at: now, updated_at: now, revision_number: 0 };
      await db
        .insertInto('security_groups')
        .values({
          id,
          project_id: projectId,
          name: 'default',
          stateful: 1,
          is_default: 1,
          ...standard,
          description: 'Default security group',
          seq: await nextSeq(db, 'security_groups'),
        })
        .execute();
      let seq = await nextSeq(db, 'security_group_rules');
      const rules = (['IPv4', 'IPv6'] as const).flatMap((ethertype) => [
        { direction: 'egress' as const, ethertype, remote_group_id: null },
        { direction: 'ingress' as const, ethertype, remote_group_id: id },
      ]);
      await db
        .insertInto('security_group_rules')
        .values(
          rules.map((rule) => ({
            id: randomUUID(),
            project_id: projectId,
            security_group_id: id,
            ...rule,
            protocol: null,
            port_range_min: null,
            port_range_max: null,
            remote_ip_prefix: null,
            remote_address_group_id: null,
            ...standard,
            seq: seq++,
          })),
        )
        .execute();
      return id;
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
  };
}
