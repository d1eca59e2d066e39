// Nova's os-quota-sets (show, detail, defaults, update, delete) and /limits, with the field
// sets of each microversion: network quotas gone at 2.36, injected files at 2.57.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { COMPUTE_QUOTA_DEFAULTS, COMPUTE_QUOTA_RESOURCES, type ComputeQuotaLimits, type ComputeQuotaResource } from '../../store/compute-quotas';
import { serverContext, type ServerContext } from './server-context';
import { parseNovaBody } from './server-schemas';

type ProjectParams = { Params: { projectId: string } };

// Shown before 2.36 with the values a Neutron-backed Nova reports.
const NETWORK_QUOTAS = { fixed_ips: -1, floating_ips: 10, security_groups: 10, security_group_rules: 20 } as const;
const INJECTED = ['injected_files', 'injected_file_content_bytes', 'injected_file_path_bytes'] as const;

export function quotaFields(atLeast: (v: string) => boolean): ComputeQuotaResource[] {
  return COMPUTE_QUOTA_RESOURCES.filter((r) => !(atLeast('2.57') && (INJECTED as readonly string[]).includes(r)));
}

export async function inUse(cloud: Cloud, projectId: string, userId: string): Promise<Record<ComputeQuotaResource, number>> {
  const usage = await cloud.store.servers.usageOfProject(projectId);
  return {
    instances: usage.instances,
    cores: usage.vcpus,
    ram: usage.memoryMb,
    metadata_items: 0,
    key_pairs: await cloud.store.keypairs.countOfUser(userId),
    server_groups: await cloud.store.serverGroups.countOfProject(projectId),
    server_group_members: 0,
    injected_files: 0,
    injected_file_content_bytes: 0,
    injected_file_path_bytes: 0,
  };
}

function shape(
  id: string,
  limits: ComputeQuotaLimits,
  context: ServerContext,
  value: (resource: ComputeQuotaResource, limit: number) => unknown,
): Record<string, unknown> {
  const body: Record<string, unknown> = { id };
  for (const resource of quotaFields(context.atLeast)) body[resource] = value(resource, limits[resource]);
  if (!context.atLeast('2.36')) {
    for (const [key, limit] of Object.entries(NETWORK_QUOTAS)) body[key] = value(key as ComputeQuotaResource, limit);
  }
  return body;
}

function mayRead(context: ServerContext, projectId: string): void {
  if (!context.admin && projectId !== context.projectId) {
    throw new ApiError(403, "Policy doesn't allow os_compute_api:os-quota-sets:show to be performed.");
  }
}

const updateSchema = z.object({
  quota_set: z
    .object(Object.fromEntries(COMPUTE_QUOTA_RESOURCES.map((r) => [r, z.coerce.number().int().min(-1).optional()])) as Record<ComputeQuotaResource, z.ZodOptional<z.ZodCoercedNumber>>)
    .extend({ force: z.union([z.boolean(), z.string()]).optional() })
    .passthrough(),
});

export function registerQuotaRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { computeQuotas } = cloud.store;
  const userOf = (request: { query: unknown }, context: ServerContext) =>
    (request.query as { user_id?: string }).user_id ?? context.userId;

  app.get<ProjectParams>('/v2.1/os-quota-sets/:projectId/defaults', async (request) => {
    const context = await serverContext(request, cloud);
    return { quota_set: shape(request.params.projectId, { ...COMPUTE_QUOTA_DEFAULTS }, context, (_r, limit) => limit) };
  });

  app.get<ProjectParams>('/v2.1/os-quota-sets/:projectId/detail', async (request) => {
    const context = await serverContext(request, cloud);
    const { projectId } = request.params;
    mayRead(context, projectId);
    const limits = await computeQuotas.limitsOf(projectId);
    const used = await inUse(cloud, projectId, userOf(request, context));
    return {
      quota_set: shape(projectId, limits, context, (resource, limit) => ({ in_use: used[resource] ?? 0, limit, reserved: 0 })),
    };
  });

  app.get<ProjectParams>('/v2.1/os-quota-sets/:projectId', async (request) => {
    const context = await serverContext(request, cloud);
    const { projectId } = request.params;
    mayRead(context, projectId);
    return { quota_set: shape(projectId, await computeQuotas.limitsOf(projectId), context, (_r, limit) => limit) };
  });

  app.put<ProjectParams>('/v2.1/os-quota-sets/:projectId', async (request) => {
    const context = await serverContext(request, cloud);
    if (!context.admin) throw new ApiError(403, "Policy doesn't allow os_compute_api:os-quota-sets:update to be performed.");
    const { projectId } = request.params;
    const { quota_set: input } = parseNovaBody(updateSchema, request.body);
    const force = input.force === true || String(input.force).toLowerCase() === 'true';
    const changes: Partial<ComputeQuotaLimits> = {};
    const used = await inUse(cloud, projectId, context.userId);
    for (const resource of COMPUTE_QUOTA_RESOURCES) {
      const value = input[resource];
      if (value === undefined) continue;
      if (!force && value !== -1 && value < used[resource]) {
        throw new ApiError(400, `Quota limit ${value} for ${resource} must be greater than or equal to already used and reserved ${used[resource]}.`);
      }
      changes[resource] = value;
    }
    await computeQuotas.set(projectId, changes);
    const { id: _id, ...body } = shape(projectId, await computeQuotas.limitsOf(projectId), context, (_r, limit) => limit);
    return { quota_set: body };
  });

  app.delete<ProjectParams>('/v2.1/os-quota-sets/:projectId', async (request, reply) => {
    const context = await serverContext(request, cloud);
    if (!context.admin) throw new ApiError(403, "Policy doesn't allow os_compute_api:os-quota-sets:delete to be performed.");
    await computeQuotas.reset(request.params.projectId);
    return reply.code(202).send();
  });

  app.get<{ Querystring: { tenant_id?: string } }>('/v2.1/limits', async (request) => {
    const context = await serverContext(request, cloud);
    const projectId = request.query.tenant_id ?? context.projectId;
    if (projectId !== context.projectId && !context.admin) {
      throw new ApiError(403, "Policy doesn't allow os_compute_api:limits:other_project to be performed.");
    }
    const limits = await computeQuotas.limitsOf(projectId);
    const used = await inUse(cloud, projectId, context.userId);
    const absolute: Record<string, number> = {
      maxServerMeta: limits.metadata_items,
      maxTotalCores: limits.cores,
      maxTotalInstances: limits.instances,
      maxTotalKeypairs: limits.key_pairs,
      maxTotalRAMSize: limits.ram,
      maxServerGroups: limits.server_groups,
      maxServerGroupMembers: limits.server_group_members,
      totalCoresUsed: used.cores,
      totalInstancesUsed: used.instances,
      totalRAMUsed: used.ram,
      totalServerGroupsUsed: used.server_groups,
    };
    if (!context.atLeast('2.57')) {
      absolute.maxPersonality = limits.injected_files;
      absolute.maxPersonalitySize = limits.injected_file_content_bytes;
    }
    if (!context.atLeast('2.36')) {
      Object.assign(absolute, {
        maxSecurityGroups: NETWORK_QUOTAS.security_groups,
        maxSecurityGroupRules: NETWORK_QUOTAS.security_group_rules,
        maxTotalFloatingIps: NETWORK_QUOTAS.floating_ips,
        totalFloatingIpsUsed: 0,
        totalSecurityGroupsUsed: 0,
      });
    }
    return { limits: { absolute, rate: [] } };
  });
}
