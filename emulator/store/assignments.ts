// Data access for role assignments: a user holds a role on a project or on a domain.
// Groups, inheritance and system scope are not modelled.

import type { Kysely } from 'kysely';
import type {
  AssignmentFilter,
  AssignmentScope,
  Database,
  Domain,
  Project,
  Role,
  RoleAssignment,
} from './schema';
import { toDomain, toProject } from './identity';

export interface AssignmentStore {
  grant(userId: string, scope: AssignmentScope, roleId: string): Promise<void>;
  /** Returns false when the assignment did not exist. */
  revoke(userId: string, scope: AssignmentScope, roleId: string): Promise<boolean>;
  /** Roles of a user on one project or domain, ordered by name. */
  rolesOn(userId: string, scope: AssignmentScope): Promise<Role[]>;
  list(filter?: AssignmentFilter): Promise<RoleAssignment[]>;
  /** Projects on which the user holds at least one role. */
  projectsOf(userId: string): Promise<Project[]>;
  /** Domains on which the user holds at least one role. */
  domainsOf(userId: string): Promise<Domain[]>;
}

export function createAssignmentStore(db: Kysely<Database>): AssignmentStore {
  return {
    async grant(userId, scope, roleId) {
      if (scope.kind === 'project') {
        await db
          .insertInto('project_role_assignments')
          .values({ user_id: userId, project_id: scope.id, role_id: roleId })
          .onConflict((oc) => oc.doNothing())
          .execute();
      } else {
        await db
          .insertInto('domain_role_assignments')
          .values({ user_id: userId, domain_id: scope.id, role_id: roleId })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    },

    async revoke(userId, scope, roleId) {
      const result =
        scope.kind === 'project'
          ? await db
              .deleteFrom('project_role_assignments')
              .where('user_id', '=', userId)
              .where('project_id', '=', scope.id)
              .where('role_id', '=', roleId)
              .executeTakeFirst()
          : await db
              .deleteFrom('domain_role_assignments')
              .where('user_id', '=', userId)
              .where('domain_id', '=', scope.id)
              .where('role_id', '=', roleId)
              .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async rolesOn(userId, scope) {
      const rows =
        scope.kind === 'project'
          ? await db
              .selectFrom('project_role_assignments as a')
              .innerJoin('roles as r', 'r.id', 'a.role_id')
              .select(['r.id', 'r.name', 'r.description'])
              .where('a.user_id', '=', userId)
              .where('a.project_id', '=', scope.id)
              .orderBy('r.name')
              .execute()
          : await db
              .selectFrom('domain_role_assignments as a')
              .innerJoin('roles as r', 'r.id', 'a.role_id')
              .select(['r.id', 'r.name', 'r.description'])
              .where('a.user_id', '=', userId)
              .where('a.domain_id', '=', scope.id)
              .orderBy('r.name')
              .execute();
      return rows;
    },

    async list(filter = {}) {
      const assignments: RoleAssignment[] = [];
      if (filter.domainId === undefined) {
        let query = db.selectFrom('project_role_assignments').selectAll();
        if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
        if (filter.roleId !== undefined) query = query.where('role_id', '=', filter.roleId);
        if (filter.projectId !== undefined) query = query.where('project_id', '=', filter.projectId);
        for (const row of await query.orderBy('project_id').orderBy('user_id').orderBy('role_id').execute()) {
          assignments.push({
            userId: row.user_id,
            roleId: row.role_id,
            scope: { kind: 'project', id: row.project_id },
          });
        }
      }
      if (filter.projectId === undefined) {
        let query = db.selectFrom('domain_role_assignments').selectAll();
        if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
        if (filter.roleId !== undefined) query = query.where('role_id', '=', filter.roleId);
        if (filter.domainId !== undefined) query = query.where('domain_id', '=', filter.domainId);
        for (const row of await query.orderBy('domain_id').orderBy('user_id').orderBy('role_id').execute()) {
          assignments.push({
            userId: row.user_id,
            roleId: row.role_id,
            scope: { kind: 'domain', id: row.domain_id },
          });
        }
      }
      return assignments;
    },

    async projectsOf(userId) {
      const rows = await db
        .selectFrom('projects as p')
        .selectAll('p')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('project_role_assignments as a')
              .select('a.role_id')
              .whereRef('a.project_id', '=', 'p.id')
              .where('a.user_id', '=', userId),
          ),
        )
        .orderBy('p.name')
        .execute();
      return rows.map(toProject);
    },

    async domainsOf(userId) {
      const rows = await db
        .selectFrom('domains as d')
        .selectAll('d')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('domain_role_assignments as a')
              .select('a.role_id')
              .whereRef('a.domain_id', '=', 'd.id')
              .where('a.user_id', '=', userId),
          ),
        )
        .orderBy('d.name')
        .execute();
      return rows.map(toDomain);
    },
  };
}
