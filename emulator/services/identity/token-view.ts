// The token body of POST/GET /v3/auth/tokens, shaped like Keystone's. Unscoped tokens carry
// no catalog, roles or project; the token id itself is never in the body.

import type { Cloud } from '../../cloud';
import { buildCatalog } from './catalog-view';
import type { TokenContext } from './token-service';

export async function renderToken(
  cloud: Cloud,
  context: TokenContext,
  options: { includeCatalog: boolean },
): Promise<{ token: Record<string, unknown> }> {
  const { token, user, userDomain, scope, roles } = context;
  const body: Record<string, unknown> = {
    audit_ids: token.parentAuditId === null ? [token.auditId] : [token.auditId, token.parentAuditId],
    expires_at: token.expiresAt,
    issued_at: token.issuedAt,
    methods: token.methods,
    user: {
      domain: { id: userDomain.id, name: userDomain.name },
      id: user.id,
      name: user.name,
      password_expires_at: null,
    },
  };
  if (scope.kind === 'unscoped') return { token: body };

  if (scope.kind === 'project') {
    body.is_domain = false;
    body.project = {
      domain: { id: scope.domain.id, name: scope.domain.name },
      id: scope.project.id,
      name: scope.project.name,
    };
  } else {
    body.domain = { id: scope.domain.id, name: scope.domain.name };
  }
  body.roles = roles.map((role) => ({ id: role.id, name: role.name }));
  if (options.includeCatalog) {
    body.catalog = await buildCatalog(cloud, scope.kind === 'project' ? scope.project.id : null);
  }
  return { token: body };
}
