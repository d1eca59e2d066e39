// /v3/users: admin CRUD; users may read themselves and list their own projects.
// Deleting, disabling or re-passwording a user revokes their tokens, as Keystone does.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import type { User } from '../../store/schema';
import { requireCaller } from './caller';
import { badRequest, conflict, notFound } from './errors';
import { hashPassword } from './passwords';
import { requireAdmin, requireAdminOrSelf } from './policy';
import { scopeDomainId } from './project-routes';
import { createUserSchema, parseBody, parseBooleanQuery, updateUserSchema } from './schemas';
import { revokeTokensOfUser } from './token-service';
import { listBody, projectView, userView } from './views';

type IdParams = { Params: { userId: string } };
type ListQuery = { Querystring: Record<string, string | undefined> };

export function registerUserRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { identity, assignments } = cloud.store;

  const existing = async (userId: string): Promise<User> => {
    const user = await identity.getUser(userId);
    if (!user) throw notFound('user', userId);
    return user;
  };

  const checkDefaultProject = async (projectId: string | null | undefined): Promise<void> => {
    if (projectId != null && !(await identity.getProject(projectId))) {
      throw notFound('project', projectId);
    }
  };

  app.get<ListQuery>('/v3/users', async (request) => {
    const caller = await requireCaller(request, cloud);
    requireAdmin(caller, 'list_users');
    const { name, domain_id: domainId } = request.query;
    const enabled = parseBooleanQuery(request.query.enabled, 'enabled');
    const users = await identity.listUsers({ name, domainId, enabled });
    return listBody('users', users.map((u) => userView(cloud, u)), cloud.url(request.url));
  });

  app.get<IdParams>('/v3/users/:userId', async (request) => {
    const caller = await requireCaller(request, cloud);
    requireAdminOrSelf(caller, request.params.userId, 'get_user');
    return { user: userView(cloud, await existing(request.params.userId)) };
  });

  app.get<IdParams>('/v3/users/:userId/projects', async (request) => {
    const caller = await requireCaller(request, cloud);
    requireAdminOrSelf(caller, request.params.userId, 'list_user_projects');
    const user = await existing(request.params.userId);
    const projects = await assignments.projectsOf(user.id);
    return listBody('projects', projects.map((p) => projectView(cloud, p)), cloud.url(request.url));
  });

  app.post('/v3/users', async (request, reply) => {
    const caller = await requireCaller(request, cloud);
    requireAdmin(caller, 'create_user');
    const { user: input } = parseBody(createUserSchema, request.body);
    const domainId = input.domain_id ?? scopeDomainId(caller);
    if (!(await identity.getDomain(domainId))) throw notFound('domain', domainId);
    if (await identity.findUserByName(domainId, input.name)) {
      throw conflict('user', input.name, domainId);
    }
    await checkDefaultProject(input.default_project_id);
    const user = await identity.createUser({
      id: randomUUID().replaceAll('-', ''),
      name: input.name,
      domainId,
      passwordHash: input.password == null ? null : await hashPassword(input.password),
      enabled: input.enabled ?? true,
      defaultProjectId: input.default_project_id ?? null,
      description: input.description ?? null,
      email: input.email ?? null,
    });
    return reply.code(201).send({ user: userView(cloud, user) });
  });

  app.patch<IdParams>('/v3/users/:userId', async (request) => {
    const caller = await requireCaller(request, cloud);
    requireAdmin(caller, 'update_user');
    const { user: input } = parseBody(updateUserSchema, request.body);
    const user = await existing(request.params.userId);
    if (input.domain_id !== undefined && input.domain_id !== user.domainId) {
      throw badRequest('Update of `domain_id` is not allowed.');
    }
    if (input.name !== undefined && input.name !== user.name) {
      if (await identity.findUserByName(user.domainId, input.name)) {
        throw conflict('user', input.name, user.domainId);
      }
    }
    await checkDefaultProject(input.default_project_id);
    const updated = await identity.updateUser(user.id, {
      name: input.name,
      passwordHash:
        input.password === undefined
          ? undefined
          : input.password === null
            ? null
            : await hashPassword(input.password),
      enabled: input.enabled,
      defaultProjectId: input.default_project_id,
      description: input.description,
      email: input.email,
    });
    if (input.password !== undefined || input.enabled === false) {
      await revokeTokensOfUser(cloud, user.id);
    }
    return { user: userView(cloud, updated ?? user) };
  });

  app.delete<IdParams>('/v3/users/:userId', async (request, reply) => {
    const caller = await requireCaller(request, cloud);
    requireAdmin(caller, 'delete_user');
    const user = await existing(request.params.userId);
    // Role assignments and tokens go with the user (ON DELETE CASCADE).
    await identity.deleteUser(user.id);
    return reply.code(204).send();
  });
}
