// Role grants (PUT/HEAD/DELETE /v3/{projects|domains}/{id}/users/{user}/roles/{role}, and
// the GET listing them) and GET /v3/role_assignments. All admin only.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { AssignmentScope, RoleAssignment } from '../../store/schema';
import { requireCaller } from './caller';
import { notFound } from './errors';
import { requireAdmin } from './policy';
import { parseBooleanQuery } from './schemas';
import { listBody, roleView } from './views';

type GrantParams = { Params: { targetId: string; userId: string; roleId: string } };
type GrantListParams = { Params: { targetId: string; userId: string } };
type AssignmentQuery = { Querystring: Record<string, string | undefined> };

const TARGETS = [
  { collection: 'projects', kind: 'project' },
  { collection: 'domains', kind: 'domain' },
] as const;

export function registerAssignmentRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { identity, assignments } = cloud.store;

  const checkTarget = async (scope: AssignmentScope): Promise<void> => {
    const found =
      scope.kind === 'project'
        ? await identity.getProject(scope.id)
        : await identity.getDomain(scope.id);
    if (!found) throw notFound(scope.kind, scope.id);
  };
  const checkUser = async (userId: string): Promise<void> => {
    if (!(await identity.getUser(userId))) throw notFound('user', userId);
  };
  const checkRole = async (roleId: string): Promise<void> => {
    if (!(await identity.getRole(roleId))) throw notFound('role', roleId);
  };
  const assignmentNotFound = (roleId: string, userId: string, targetId: string): ApiError =>
    new ApiError(
      404,
      `Could not find role assignment with role: ${roleId}, user or group: ${userId}, project, domain, or system: ${targetId}.`,
    );

  for (const target of TARGETS) {
    const path = `/v3/${target.collection}/:targetId/users/:userId/roles`;

    app.get<GrantListParams>(path, async (request) => {
      requireAdmin(await requireCaller(request, cloud), 'list_grants');
      const scope = { kind: target.kind, id: request.params.targetId };
      await checkTarget(scope);
      await checkUser(request.params.userId);
      const roles = await assignments.rolesOn(request.params.userId, scope);
      return listBody('roles', roles.map((r) => roleView(cloud, r)), cloud.url(request.url));
    });

    app.put<GrantParams>(`${path}/:roleId`, async (request, reply) => {
      requireAdmin(await requireCaller(request, cloud), 'create_grant');
      const { targetId, userId, roleId } = request.params;
      const scope = { kind: target.kind, id: targetId };
      await checkTarget(scope);
      await checkUser(userId);
      await checkRole(roleId);
      await assignments.grant(userId, scope, roleId);
      return reply.code(204).send();
    });

    app.head<GrantParams>(`${path}/:roleId`, async (request, reply) => {
      requireAdmin(await requireCaller(request, cloud), 'check_grant');
      const { targetId, userId, roleId } = request.params;
      const roles = await assignments.rolesOn(userId, { kind: target.kind, id: targetId });
      if (!roles.some((role) => role.id === roleId)) {
        throw assignmentNotFound(roleId, userId, targetId);
      }
      return reply.code(204).send();
    });

    app.delete<GrantParams>(`${path}/:roleId`, async (request, reply) => {
      requireAdmin(await requireCaller(request, cloud), 'revoke_grant');
      const { targetId, userId, roleId } = request.params;
      if (!(await assignments.revoke(userId, { kind: target.kind, id: targetId }, roleId))) {
        throw assignmentNotFound(roleId, userId, targetId);
      }
      return reply.code(204).send();
    });
  }

  app.get<AssignmentQuery>('/v3/role_assignments', async (request) => {
    requireAdmin(await requireCaller(request, cloud), 'list_role_assignments');
    const query = request.query;
    const includeNames = parseBooleanQuery(query.include_names, 'include_names') ?? false;
    // Groups and system scope are not modelled, so filtering on them matches nothing.
    // `effective` changes nothing either: without groups or inheritance every assignment
    // is already a direct one.
    const none = query['group.id'] !== undefined || query['scope.system'] !== undefined;
    const found = none
      ? []
      : await assignments.list({
          userId: query['user.id'],
          roleId: query['role.id'],
          projectId: query['scope.project.id'],
          domainId: query['scope.domain.id'],
        });
    const rendered = [];
    for (const assignment of found) {
      rendered.push(await assignmentView(cloud, assignment, includeNames));
    }
    return listBody('role_assignments', rendered, cloud.url(request.url));
  });
}

async function assignmentView(cloud: Cloud, assignment: RoleAssignment, includeNames: boolean) {
  const { identity } = cloud.store;
  const { userId, roleId, scope } = assignment;
  const collection = scope.kind === 'project' ? 'projects' : 'domains';
  const links = {
    assignment: cloud.url(`/identity/v3/${collection}/${scope.id}/users/${userId}/roles/${roleId}`),
  };
  if (!includeNames) {
    return { role: { id: roleId }, user: { id: userId }, scope: { [scope.kind]: { id: scope.id } }, links };
  }

  const domainRef = async (domainId: string) => {
    const domain = await identity.getDomain(domainId);
    return { id: domainId, name: domain?.name ?? '' };
  };
  const role = await identity.getRole(roleId);
  const user = await identity.getUser(userId);
  let scopeView: Record<string, unknown>;
  if (scope.kind === 'project') {
    const project = await identity.getProject(scope.id);
    scopeView = {
      project: {
        id: scope.id,
        name: project?.name ?? '',
        domain: await domainRef(project?.domainId ?? ''),
      },
    };
  } else {
    scopeView = { domain: await domainRef(scope.id) };
  }
  return {
    role: { id: roleId, name: role?.name ?? '' },
    user: { id: userId, name: user?.name ?? '', domain: await domainRef(user?.domainId ?? '') },
    scope: scopeView,
    links,
  };
}
