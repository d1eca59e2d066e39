// Data access for Keystone's domains, projects, users and roles.

import type { Kysely } from 'kysely';
import type {
  Database,
  Domain,
  DomainChanges,
  DomainRow,
  Project,
  ProjectChanges,
  ProjectFilter,
  ProjectRow,
  Role,
  RoleRow,
  User,
  UserChanges,
  UserFilter,
  UserRow,
} from './schema';

export interface IdentityStore {
  listDomains(filter?: { name?: string; enabled?: boolean }): Promise<Domain[]>;
  getDomain(id: string): Promise<Domain | undefined>;
  findDomainByName(name: string): Promise<Domain | undefined>;
  createDomain(domain: Domain): Promise<Domain>;
  updateDomain(id: string, changes: DomainChanges): Promise<Domain | undefined>;
  deleteDomain(id: string): Promise<boolean>;

  listProjects(filter?: ProjectFilter): Promise<Project[]>;
  getProject(id: string): Promise<Project | undefined>;
  findProjectByName(domainId: string, name: string): Promise<Project | undefined>;
  createProject(project: Project): Promise<Project>;
  updateProject(id: string, changes: ProjectChanges): Promise<Project | undefined>;
  deleteProject(id: string): Promise<boolean>;

  listUsers(filter?: UserFilter): Promise<User[]>;
  getUser(id: string): Promise<User | undefined>;
  findUserByName(domainId: string, name: string): Promise<User | undefined>;
  createUser(user: User): Promise<User>;
  updateUser(id: string, changes: UserChanges): Promise<User | undefined>;
  deleteUser(id: string): Promise<boolean>;

  listRoles(filter?: { name?: string }): Promise<Role[]>;
  getRole(id: string): Promise<Role | undefined>;
  findRoleByName(name: string): Promise<Role | undefined>;
  createRole(role: Role): Promise<Role>;
  deleteRole(id: string): Promise<boolean>;
}

export function createIdentityStore(db: Kysely<Database>): IdentityStore {
  const getDomain = async (id: string): Promise<Domain | undefined> => {
    const row = await db.selectFrom('domains').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toDomain(row);
  };
  const getProject = async (id: string): Promise<Project | undefined> => {
    const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toProject(row);
  };
  const getUser = async (id: string): Promise<User | undefined> => {
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  };

  return {
    async listDomains(filter = {}) {
      let query = db.selectFrom('domains').selectAll().orderBy('name');
      if (filter.name !== undefined) query = query.where('name', '=', filter.name);
      if (filter.enabled !== undefined) query = query.where('enabled', '=', flag(filter.enabled));
      return (await query.execute()).map(toDomain);
    },
    getDomain,
    async findDomainByName(name) {
      const row = await db
        .selectFrom('domains')
        .selectAll()
        .where('name', '=', name)
        .executeTakeFirst();
      return row && toDomain(row);
    },
    async createDomain(domain) {
      await db
        .insertInto('domains')
        .values({ ...domain, enabled: flag(domain.enabled) })
        .execute();
      return domain;
    },
    async updateDomain(id, changes) {
      const values = {
        ...changes,
        enabled: changes.enabled === undefined ? undefined : flag(changes.enabled),
      };
      if (hasValues(values)) await db.updateTable('domains').set(values).where('id', '=', id).execute();
      return getDomain(id);
    },
    async deleteDomain(id) {
      const result = await db.deleteFrom('domains').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async listProjects(filter = {}) {
      let query = db.selectFrom('projects').selectAll().orderBy('name');
      if (filter.name !== undefined) query = query.where('name', '=', filter.name);
      if (filter.domainId !== undefined) query = query.where('domain_id', '=', filter.domainId);
      if (filter.enabled !== undefined) query = query.where('enabled', '=', flag(filter.enabled));
      if (filter.parentId !== undefined) {
        // A top-level project's parent is its domain (stored as null).
        const parentId = filter.parentId;
        query = query.where((eb) =>
          eb.or([
            eb('parent_id', '=', parentId),
            eb.and([eb('parent_id', 'is', null), eb('domain_id', '=', parentId)]),
          ]),
        );
      }
      return (await query.execute()).map(toProject);
    },
    getProject,
    async findProjectByName(domainId, name) {
      const row = await db
        .selectFrom('projects')
        .selectAll()
        .where('domain_id', '=', domainId)
        .where('name', '=', name)
        .executeTakeFirst();
      return row && toProject(row);
    },
    async createProject(project) {
      await db.insertInto('projects').values(fromProject(project)).execute();
      return project;
    },
    async updateProject(id, changes) {
      const values = {
        name: changes.name,
        description: changes.description,
        enabled: changes.enabled === undefined ? undefined : flag(changes.enabled),
        tags: changes.tags === undefined ? undefined : JSON.stringify(changes.tags),
      };
      if (hasValues(values)) await db.updateTable('projects').set(values).where('id', '=', id).execute();
      return getProject(id);
    },
    async deleteProject(id) {
      const result = await db.deleteFrom('projects').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async listUsers(filter = {}) {
      let query = db.selectFrom('users').selectAll().orderBy('name');
      if (filter.name !== undefined) query = query.where('name', '=', filter.name);
      if (filter.domainId !== undefined) query = query.where('domain_id', '=', filter.domainId);
      if (filter.enabled !== undefined) query = query.where('enabled', '=', flag(filter.enabled));
      return (await query.execute()).map(toUser);
    },
    getUser,
    async findUserByName(domainId, name) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('domain_id', '=', domainId)
        .where('name', '=', name)
        .executeTakeFirst();
      return row && toUser(row);
    },
    async createUser(user) {
      await db.insertInto('users').values(fromUser(user)).execute();
      return user;
    },
    async updateUser(id, changes) {
      const values = {
        name: changes.name,
        password_hash: changes.passwordHash,
        enabled: changes.enabled === undefined ? undefined : flag(changes.enabled),
        default_project_id: changes.defaultProjectId,
        description: changes.description,
        email: changes.email,
      };
      if (hasValues(values)) await db.updateTable('users').set(values).where('id', '=', id).execute();
      return getUser(id);
    },
    async deleteUser(id) {
      const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async listRoles(filter = {}) {
      let query = db.selectFrom('roles').selectAll().orderBy('name');
      if (filter.name !== undefined) query = query.where('name', '=', filter.name);
      return (await query.execute()).map(toRole);
    },
    async getRole(id) {
      const row = await db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRole(row);
    },
    async findRoleByName(name) {
      const row = await db.selectFrom('roles').selectAll().where('name', '=', name).executeTakeFirst();
      return row && toRole(row);
    },
    async createRole(role) {
      await db.insertInto('roles').values(role).execute();
      return role;
    },
    async deleteRole(id) {
      const result = await db.deleteFrom('roles').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export function flag(value: boolean): number {
  return value ? 1 : 0;
}

/** True when at least one value is set; Kysely rejects an UPDATE with nothing to set. */
function hasValues(values: Record<string, unknown>): boolean {
  return Object.values(values).some((value) => value !== undefined);
}

export function toDomain(row: DomainRow): Domain {
  return { id: row.id, name: row.name, description: row.description, enabled: row.enabled === 1 };
}

export function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    domainId: row.domain_id,
    description: row.description,
    enabled: row.enabled === 1,
    parentId: row.parent_id,
    tags: JSON.parse(row.tags) as string[],
  };
}

function fromProject(project: Project): ProjectRow {
  return {
    id: project.id,
    name: project.name,
    domain_id: project.domainId,
    description: project.description,
    enabled: flag(project.enabled),
    parent_id: project.parentId,
    tags: JSON.stringify(project.tags),
  };
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    domainId: row.domain_id,
    passwordHash: row.password_hash,
    enabled: row.enabled === 1,
    defaultProjectId: row.default_project_id,
    description: row.description,
    email: row.email,
  };
}

function fromUser(user: User): UserRow {
  return {
    id: user.id,
    name: user.name,
    domain_id: user.domainId,
    password_hash: user.passwordHash,
    enabled: flag(user.enabled),
    default_project_id: user.defaultProjectId,
    description: user.description,
    email: user.email,
  };
}

function toRole(row: RoleRow): Role {
  return { id: row.id, name: row.name, description: row.description };
}
