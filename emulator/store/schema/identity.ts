// Keystone's identity tables (migrations 0002 and 0003): domains, projects, users, roles, their
// assignments and tokens, with the models and filters the data access modules use.

import type { Selectable } from 'kysely';

export interface DomainTable {
  id: string;
  name: string;
  description: string;
  enabled: number;
}

export interface ProjectTable {
  id: string;
  name: string;
  domain_id: string;
  description: string;
  enabled: number;
  /** null for a top-level project; Keystone reports the domain id as its parent. */
  parent_id: string | null;
  /** JSON array of strings. */
  tags: string;
}

export interface UserTable {
  id: string;
  name: string;
  domain_id: string;
  /** scrypt$N$r$p$salt$hash, or null for a user who cannot log in with a password. */
  password_hash: string | null;
  enabled: number;
  default_project_id: string | null;
  description: string | null;
  email: string | null;
}

export interface RoleTable {
  id: string;
  name: string;
  description: string | null;
}

export interface ProjectRoleAssignmentTable {
  user_id: string;
  project_id: string;
  role_id: string;
}

export interface DomainRoleAssignmentTable {
  user_id: string;
  domain_id: string;
  role_id: string;
}

export interface TokenTable {
  /** SHA-256 (hex) of the token id: the id itself is never stored. */
  id_hash: string;
  user_id: string;
  project_id: string | null;
  domain_id: string | null;
  /** JSON array of auth method names. */
  methods: string;
  audit_id: string;
  /** Audit id of the token this one was rescoped from, if any. */
  parent_audit_id: string | null;
  issued_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export type DomainRow = Selectable<DomainTable>;
export type ProjectRow = Selectable<ProjectTable>;
export type UserRow = Selectable<UserTable>;
export type RoleRow = Selectable<RoleTable>;
export type TokenRow = Selectable<TokenTable>;

// Models: what the data access modules hand to the services, with clean names and types.

export interface Domain {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
}

export interface Project {
  id: string;
  name: string;
  domainId: string;
  description: string;
  enabled: boolean;
  parentId: string | null;
  tags: string[];
}

export interface User {
  id: string;
  name: string;
  domainId: string;
  passwordHash: string | null;
  enabled: boolean;
  defaultProjectId: string | null;
  description: string | null;
  email: string | null;
}

export interface Role {
  id: string;
  name: string;
  description: string | null;
}

export type AssignmentScope = { kind: 'project'; id: string } | { kind: 'domain'; id: string };

export interface RoleAssignment {
  userId: string;
  roleId: string;
  scope: AssignmentScope;
}

export interface Token {
  idHash: string;
  userId: string;
  projectId: string | null;
  domainId: string | null;
  methods: string[];
  auditId: string;
  parentAuditId: string | null;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

// Filters and partial updates the data access modules accept.

export interface ProjectFilter {
  name?: string;
  domainId?: string;
  enabled?: boolean;
  parentId?: string;
}

export interface UserFilter {
  name?: string;
  domainId?: string;
  enabled?: boolean;
}

export type DomainChanges = Partial<Omit<Domain, 'id'>>;
export type ProjectChanges = Partial<Pick<Project, 'name' | 'description' | 'enabled' | 'tags'>>;
export type UserChanges = Partial<Omit<User, 'id' | 'domainId'>>;

export interface AssignmentFilter {
  userId?: string;
  roleId?: string;
  projectId?: string;
  domainId?: string;
}
