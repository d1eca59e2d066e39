// Data access for Nova server groups; members are the servers pointing at a group.

import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

export interface ServerGroup {
  id: string;
  projectId: string;
  userId: string;
  name: string;
  policy: string;
  rules: Record<string, number>;
  createdAt: string;
}

export interface ServerGroupStore {
  insert(group: ServerGroup): Promise<void>;
  get(id: string): Promise<ServerGroup | undefined>;
  /** All groups, or one project's, oldest first. */
  list(projectId?: string): Promise<ServerGroup[]>;
  countOfProject(projectId: string): Promise<number>;
  remove(id: string): Promise<void>;
}

export function createServerGroupStore(db: Kysely<Database>): ServerGroupStore {
  return {
    async insert(g) {
      await db
        .insertInto('server_groups')
        .values({ id: g.id, project_id: g.projectId, user_id: g.userId, name: g.name, policy: g.policy, rules: JSON.stringify(g.rules), created_at: g.createdAt })
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom('server_groups').selectAll().where('id', '=', id).executeTakeFirst();
      return row && { id: row.id, projectId: row.project_id, userId: row.user_id, name: row.name, policy: row.policy, rules: JSON.parse(row.rules) as Record<string, number>, createdAt: row.created_at };
    },
    async list(projectId) {
      // rowid is insertion order, as Nova's integer ids order groups.
      let query = db.selectFrom('server_groups').selectAll().orderBy(sql`rowid`);
      if (projectId !== undefined) query = query.where('project_id', '=', projectId);
      return (await query.execute()).map((row) => ({
        id: row.id,
        projectId: row.project_id,
        userId: row.user_id,
        name: row.name,
        policy: row.policy,
        rules: JSON.parse(row.rules) as Record<string, number>,
        createdAt: row.created_at,
      }));
    },
    async countOfProject(projectId) {
      const row = await db.selectFrom('server_groups').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async remove(id) {
      // Members stay, as in Nova; they simply no longer belong to a group.
      await db.updateTable('servers').set({ server_group_id: null }).where('server_group_id', '=', id).execute();
      await db.deleteFrom('server_groups').where('id', '=', id).execute();
    },
  };
}
