// /v3/roles: global roles, managed by admins.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { requireCaller } from './caller';
import { conflict, notFound } from './errors';
import { requireAdmin } from './policy';
import { createRoleSchema, parseBody } from './schemas';
import { listBody, roleView } from './views';

type IdParams = { Params: { roleId: string } };
type ListQuery = { Querystring: Record<string, string | undefined> };

export function registerRoleRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { identity } = cloud.store;

  app.get<ListQuery>('/v3/roles', async (request) => {
    const caller = await requireCaller(request, cloud);
    requireAdmin(caller, 'list_roles');
    const roles = await identity.listRoles({ name: request.query.name });
    return listBody('roles', roles.map((r) => roleView(cloud, r)), cloud.url(request.url));
  });

  app.get<IdParams>('/v3/roles/:roleId', async (request) => {
    const caller = await requireCaller(request, cloud);
    requireAdmin(caller, 'get_role');
    const role = await identity.getRole(request.params.roleId);
    if (!role) throw notFound('role', request.params.roleId);
    return { role: roleView(cloud, role) };
  });

  app.post('/v3/roles', async (request, reply) => {
    const caller = await requireCaller(request, cloud);
    requireAdmin(caller, 'create_role');
    const { role: input } = parseBody(createRoleSchema, request.body);
    if (await identity.findRoleByName(input.name)) throw conflict('role', input.name);
    const role = await identity.createRole({
      id: randomUUID().replaceAll('-', ''),
      name: input.name,
      description: input.description ?? null,
    });
    return reply.code(201).send({ role: roleView(cloud, role) });
  });

  app.delete<IdParams>('/v3/roles/:roleId', async (request, reply) => {
    const caller = await requireCaller(request, cloud);
    requireAdmin(caller, 'delete_role');
    // Assignments of the role go with it (ON DELETE CASCADE).
    if (!(await identity.deleteRole(request.params.roleId))) {
      throw notFound('role', request.params.roleId);
    }
    return reply.code(204).send();
  });
}
