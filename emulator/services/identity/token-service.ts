// Issuing, resolving and revoking Keystone tokens. A token is valid only while it is
// unexpired, unrevoked, its user and their domain are enabled, and (when scoped) its project
// or domain is enabled and the user still holds a role there: roles are read at validation
// time, as Keystone does, so removing a role invalidates the tokens it backed.

import { createHash, randomBytes } from 'node:crypto';
import type { Cloud } from '../../cloud';
import { formatIsoMicros, parseIsoMicros } from '../../sim/clock';
import type { Domain, Project, Role, Token, User } from '../../store/schema';

export type TokenScope =
  | { kind: 'unscoped' }
  | { kind: 'project'; project: Project; domain: Domain }
  | { kind: 'domain'; domain: Domain };

export interface TokenContext {
  token: Token;
  user: User;
  userDomain: Domain;
  scope: TokenScope;
  roles: Role[];
}

export type ScopeTarget =
  | { kind: 'unscoped' }
  | { kind: 'project'; projectId: string }
  | { kind: 'domain'; domainId: string };

export interface TokenRequest {
  userId: string;
  scope: ScopeTarget;
  methods: string[];
  /** Set when rescoping: the new token keeps the original's expiry and audit chain. */
  expiresAt?: string;
  parentAuditId?: string;
}

// Tokens that expired this long ago are deleted when new ones are issued.
const EXPIRED_TOKEN_RETENTION_MS = 24 * 3600 * 1000;

export function hashTokenId(tokenId: string): string {
  return createHash('sha256').update(tokenId).digest('hex');
}

/** Opaque ids shaped like Keystone's Fernet tokens; nothing can be read out of them. */
function newTokenId(): string {
  return `gAAAAA${randomBytes(48).toString('base64url')}`;
}

function newAuditId(): string {
  return randomBytes(16).toString('base64url');
}

/** Issues a token, or returns undefined when the user may not have one with that scope. */
export async function issueToken(
  cloud: Cloud,
  request: TokenRequest,
): Promise<{ id: string; context: TokenContext } | undefined> {
  const now = cloud.clock.now();
  const id = newTokenId();
  const token: Token = {
    idHash: hashTokenId(id),
    userId: request.userId,
    projectId: request.scope.kind === 'project' ? request.scope.projectId : null,
    domainId: request.scope.kind === 'domain' ? request.scope.domainId : null,
    methods: request.methods,
    auditId: newAuditId(),
    parentAuditId: request.parentAuditId ?? null,
    issuedAt: formatIsoMicros(now),
    expiresAt: request.expiresAt ?? formatIsoMicros(now + cloud.tokenTtlSeconds * 1000),
    revokedAt: null,
  };
  const context = await loadContext(cloud, token);
  if (!context) return undefined;
  await cloud.store.tokens.deleteExpiredBefore(formatIsoMicros(now - EXPIRED_TOKEN_RETENTION_MS));
  await cloud.store.tokens.insert(token);
  return { id, context };
}

/** The token's context if it is currently valid, else undefined. */
export async function resolveToken(cloud: Cloud, tokenId: string): Promise<TokenContext | undefined> {
  const token = await cloud.store.tokens.get(hashTokenId(tokenId));
  return token && loadContext(cloud, token);
}

export async function revokeToken(cloud: Cloud, context: TokenContext): Promise<void> {
  await cloud.store.tokens.revoke(context.token.idHash, formatIsoMicros(cloud.clock.now()));
}

export async function revokeTokensOfUser(cloud: Cloud, userId: string): Promise<void> {
  await cloud.store.tokens.revokeAllOfUser(userId, formatIsoMicros(cloud.clock.now()));
}

async function loadContext(cloud: Cloud, token: Token): Promise<TokenContext | undefined> {
  const { identity, assignments } = cloud.store;
  if (token.revokedAt !== null) return undefined;
  if (parseIsoMicros(token.expiresAt) <= cloud.clock.now()) return undefined;

  const user = await identity.getUser(token.userId);
  if (!user?.enabled) return undefined;
  const userDomain = await identity.getDomain(user.domainId);
  if (!userDomain?.enabled) return undefined;

  if (token.projectId !== null) {
    const project = await identity.getProject(token.projectId);
    if (!project?.enabled) return undefined;
    const domain = await identity.getDomain(project.domainId);
    if (!domain?.enabled) return undefined;
    const roles = await assignments.rolesOn(user.id, { kind: 'project', id: project.id });
    if (roles.length === 0) return undefined;
    return { token, user, userDomain, scope: { kind: 'project', project, domain }, roles };
  }

  if (token.domainId !== null) {
    const domain = await identity.getDomain(token.domainId);
    if (!domain?.enabled) return undefined;
    const roles = await assignments.rolesOn(user.id, { kind: 'domain', id: domain.id });
    if (roles.length === 0) return undefined;
    return { token, user, userDomain, scope: { kind: 'domain', domain }, roles };
  }

  return { token, user, userDomain, scope: { kind: 'unscoped' }, roles: [] };
}
