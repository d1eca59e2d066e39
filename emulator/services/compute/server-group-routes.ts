// Nova's os-server-groups: create, list, show, delete. Before 2.64 a group has a `policies`
// list and `metadata`; from 2.64 one `policy` and `rules`. Members are servers booted with
// the scheduler hint `group`, which the scheduler honours (scheduler.ts).

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { ServerGroup } from '../../store/server-groups';
import { serverContext, type ServerContext } from './server-context';
import { parseNovaBody } from './server-schemas';

type IdParams = { Params: { groupId: string } };

const OLD_POLICIES = ['affinity', 'anti-affinity'] as const;
const ALL_POLICIES = ['affinity', 'anti-affinity', 'soft-affinity', 'soft-anti-affinity'] as const;

const legacySchema = z.object({
  server_group: z.object({ name: z.string().min(1).max(255), policies: z.array(z.enum(ALL_POLICIES)).length(1) }),
});
const currentSchema = z.object({
  server_group: z.object({
    name: z.string().min(1).max(255),
    policy: z.enum(ALL_POLICIES),
    rules: z.object({ max_server_per_host: z.coerce.number().int().min(1) }).strict().optional(),
  }),
});

async function groupView(cloud: Cloud, group: ServerGroup, context: ServerContext): Promise<Record<string, unknown>> {
  const view: Record<string, unknown> = { id: group.id, name: group.name };
  if (context.atLeast('2.64')) {
    view.policy = group.policy;
    view.rules = group.rules;
  } else view.policies = [group.policy];
  view.members = await cloud.store.servers.groupMemberIds(group.id);
  if (!context.atLeast('2.64')) view.metadata = {};
  if (context.atLeast('2.13')) {
    view.project_id = group.projectId;
    view.user_id = group.userId;
  }
  return view;
}

export function registerServerGroupRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { serverGroups } = cloud.store;

  const visible = async (context: ServerContext, id: string): Promise<ServerGroup> => {
    const group = await serverGroups.get(id);
    if (!group || (!context.admin && group.projectId !== context.projectId)) {
      throw new ApiError(404, `Instance group ${id} could not be found.`);
    }
    return group;
  };

  app.get<{ Querystring: { all_projects?: string; limit?: string; offset?: string } }>('/v2.1/os-server-groups', async (request) => {
    const context = await serverContext(request, cloud);
    const all = context.admin && request.query.all_projects !== undefined && request.query.all_projects.toLowerCase() !== 'false';
    const groups = await serverGroups.list(all ? undefined : context.projectId);
    const offset = Math.max(0, Number(request.query.offset ?? 0) || 0);
    const limit = request.query.limit === undefined ? groups.length : Math.max(0, Number(request.query.limit) || 0);
    const page = groups.slice(offset, offset + limit);
    return { server_groups: await Promise.all(page.map((g) => groupView(cloud, g, context))) };
  });

  app.get<IdParams>('/v2.1/os-server-groups/:groupId', async (request) => {
    const context = await serverContext(request, cloud);
    return { server_group: await groupView(cloud, await visible(context, request.params.groupId), context) };
  });

  app.post('/v2.1/os-server-groups', async (request) => {
    const context = await serverContext(request, cloud);
    let name: string;
    let policy: string;
    let rules: Record<string, number> = {};
    if (context.atLeast('2.64')) {
      const { server_group: input } = parseNovaBody(currentSchema, request.body);
      if (input.rules && input.policy !== 'anti-affinity') {
        throw new ApiError(400, `Only anti-affinity policy supports "max_server_per_host" rule.`);
      }
      ({ name, policy } = input);
      rules = input.rules ?? {};
    } else {
      const { server_group: input } = parseNovaBody(legacySchema, request.body);
      const chosen = input.policies[0]!;
      if (!context.atLeast('2.15') && !(OLD_POLICIES as readonly string[]).includes(chosen)) {
        throw new ApiError(400, `Invalid input for field/attribute 0. Value: ${chosen}. '${chosen}' is not one of ['anti-affinity', 'affinity']`);
      }
      name = input.name;
      policy = chosen;
    }
    const group: ServerGroup = {
      id: randomUUID(),
      projectId: context.projectId,
      userId: context.userId,
      name,
      policy,
      rules,
      createdAt: context.nowIso,
    };
    await cloud.store.transaction(async (repos) => {
      const limit = (await repos.computeQuotas.limitsOf(context.projectId)).server_groups;
      if (limit >= 0 && (await repos.serverGroups.countOfProject(context.projectId)) >= limit) {
        throw new ApiError(403, 'Quota exceeded, too many server groups.');
      }
      await repos.serverGroups.insert(group);
    });
    return { server_group: await groupView(cloud, group, context) };
  });

  app.delete<IdParams>('/v2.1/os-server-groups/:groupId', async (request, reply) => {
    const context = await serverContext(request, cloud);
    const group = await visible(context, request.params.groupId);
    await serverGroups.remove(group.id);
    return reply.code(204).send();
  });
}
