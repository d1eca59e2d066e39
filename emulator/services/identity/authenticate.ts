// POST /v3/auth/tokens: checks the identity methods (password, token), resolves the requested
// scope and issues the token. Anything wrong with the credentials or the scope is the same
// generic 401; only malformed requests get a 400 that says what is missing.

import type { Cloud } from '../../cloud';
import type { Domain, User } from '../../store/schema';
import { badRequest, unauthorized } from './errors';
import { verifyPassword } from './passwords';
import type { AuthRequest, DomainRef } from './schemas';
import {
  issueToken,
  resolveToken,
  type ScopeTarget,
  type TokenContext,
} from './token-service';

const SUPPORTED_METHODS = new Set(['password', 'token']);

// Verified against when the user is unknown, so a wrong name costs as long as a wrong password.
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

type PasswordUser = NonNullable<AuthRequest['auth']['identity']['password']>['user'];
type RequestedScope = AuthRequest['auth']['scope'];

export async function authenticate(
  cloud: Cloud,
  request: AuthRequest,
): Promise<{ id: string; context: TokenContext }> {
  const { identity, scope } = request.auth;
  if (!identity.methods.every((method) => SUPPORTED_METHODS.has(method))) throw unauthorized();

  let userId: string | undefined;
  let original: TokenContext | undefined;
  if (identity.methods.includes('token')) {
    if (!identity.token) throw badRequest("Invalid input for field 'identity/token': required.");
    original = await resolveToken(cloud, identity.token.id);
    if (!original) throw unauthorized();
    userId = original.user.id;
  }
  if (identity.methods.includes('password')) {
    if (!identity.password) throw badRequest("Invalid input for field 'identity/password': required.");
    const user = await checkPassword(cloud, identity.password.user);
    // Several methods must all identify the same user.
    if (userId !== undefined && userId !== user.id) throw unauthorized();
    userId = user.id;
  }
  if (userId === undefined) throw unauthorized();

  const target = await resolveScope(cloud, scope, userId, original === undefined);
  const issued = await issueToken(cloud, {
    userId,
    scope: target,
    // Rescoping keeps the original's methods and expiry, so a token cannot be kept alive
    // forever by rescoping it, and chains its audit id (Keystone's token auth plugin).
    methods: unique([...identity.methods, ...(original?.token.methods ?? [])]),
    expiresAt: original?.token.expiresAt,
    parentAuditId: original ? (original.token.parentAuditId ?? original.token.auditId) : undefined,
  });
  if (!issued) throw unauthorized();
  return issued;
}

async function checkPassword(cloud: Cloud, credentials: PasswordUser): Promise<User> {
  let user: User | undefined;
  if (credentials.id !== undefined) {
    user = await cloud.store.identity.getUser(credentials.id);
  } else if (credentials.name !== undefined) {
    if (!credentials.domain) {
      throw badRequest(
        "Invalid input for field 'identity/password/user/domain': required when the user is given by name.",
      );
    }
    const domain = await findDomain(cloud, credentials.domain, 'identity/password/user/domain');
    user = domain && (await cloud.store.identity.findUserByName(domain.id, credentials.name));
  } else {
    throw badRequest("Invalid input for field 'identity/password/user': an id or a name is required.");
  }
  const matches = await verifyPassword(credentials.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !matches) throw unauthorized();
  return user;
}

async function findDomain(cloud: Cloud, ref: DomainRef, field: string): Promise<Domain | undefined> {
  if (ref.id !== undefined) return cloud.store.identity.getDomain(ref.id);
  if (ref.name !== undefined) return cloud.store.identity.findDomainByName(ref.name);
  throw badRequest(`Invalid input for field '${field}': an id or a name is required.`);
}

async function resolveScope(
  cloud: Cloud,
  scope: RequestedScope,
  userId: string,
  allowDefaultProject: boolean,
): Promise<ScopeTarget> {
  const { identity, assignments } = cloud.store;
  if (scope === undefined) {
    // Keystone scopes a password login without scope to the user's default project, when
    // the user may use it; otherwise the token stays unscoped.
    const user = await identity.getUser(userId);
    const projectId = allowDefaultProject ? user?.defaultProjectId : null;
    if (!projectId) return { kind: 'unscoped' };
    const project = await identity.getProject(projectId);
    const roles = await assignments.rolesOn(userId, { kind: 'project', id: projectId });
    return project?.enabled && roles.length > 0 ? { kind: 'project', projectId } : { kind: 'unscoped' };
  }
  if (scope === 'unscoped') return { kind: 'unscoped' };

  const requested = [scope.project, scope.domain, scope.system, scope['OS-TRUST:trust']];
  if (requested.filter((part) => part !== undefined).length !== 1) {
    throw badRequest("Invalid input for field 'scope': exactly one of project or domain is required.");
  }
  if (scope.project) {
    if (scope.project.id !== undefined) return { kind: 'project', projectId: scope.project.id };
    if (scope.project.name === undefined) {
      throw badRequest("Invalid input for field 'scope/project': an id or a name is required.");
    }
    if (!scope.project.domain) {
      throw badRequest(
        "Invalid input for field 'scope/project/domain': required when the project is given by name.",
      );
    }
    const domain = await findDomain(cloud, scope.project.domain, 'scope/project/domain');
    const project = domain && (await identity.findProjectByName(domain.id, scope.project.name));
    if (!project) throw unauthorized();
    return { kind: 'project', projectId: project.id };
  }
  if (scope.domain) {
    const domain = await findDomain(cloud, scope.domain, 'scope/domain');
    if (!domain) throw unauthorized();
    return { kind: 'domain', domainId: domain.id };
  }
  // System scope and trusts are not modelled: nobody holds them.
  throw unauthorized();
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
