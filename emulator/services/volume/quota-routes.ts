// /v3/os-quota-sets/{project_id} (with ?usage=True), /defaults, PUT and DELETE for admins,
// and /v3/limits for the token's project.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { volumeContext, type VolumeContext } from './context';
import { badRequest, policyForbidden } from './errors';
import { defaultQuotas, projectQuotas } from './quota-check';
import { cinderRoute, type Params, type Query } from './register';
import { parseCinderBody, quotaUpdateSchema, quotaValue } from './schemas';

/** A member sees only their own project's quotas; an admin sees any. */
function requireQuotaReader(context: VolumeContext, projectId: string): void {
  if (!context.admin && projectId !== context.projectId) throw policyForbidden('volume_extension:quotas:show');
}

export function registerQuotaRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;

  cinderRoute(app, 'GET', '/os-quota-sets/:projectId', async (request) => {
    const context = await volumeContext(request, cloud);
    const projectId = (request.params as Params).projectId ?? '';
    requireQuotaReader(context, projectId);
    const usage = ['1', 'true', 'True'].includes((request.query as Query).usage ?? '');
    const quotas = await projectQuotas(store, projectId, context.now);
    const body: Record<string, unknown> = {};
    for (const [key, entry] of quotas) {
      body[key] = usage ? { in_use: entry.inUse, limit: entry.limit, reserved: 0 } : entry.limit;
    }
    return { quota_set: { ...body, id: projectId } };
  });

  cinderRoute(app, 'GET', '/os-quota-sets/:projectId/defaults', async (request) => {
    const context = await volumeContext(request, cloud);
    const projectId = (request.params as Params).projectId ?? '';
    requireQuotaReader(context, projectId);
    return { quota_set: { ...Object.fromEntries(await defaultQuotas(store, context.now)), id: projectId } };
  });

  cinderRoute(app, 'PUT', '/os-quota-sets/:projectId', async (request) => {
    const context = await volumeContext(request, cloud);
    if (!context.admin) throw policyForbidden('volume_extension:quotas:update');
    const projectId = (request.params as Params).projectId ?? '';
    const { quota_set: input } = parseCinderBody(quotaUpdateSchema, request.body, 'quota_set');
    const current = await projectQuotas(store, projectId, context.now);
    const changes = Object.entries(input).filter(([key]) => key !== 'id' && key !== 'tenant_id');
    const bad = changes.filter(([key]) => !current.has(key)).map(([key]) => key);
    if (bad.length > 0) throw badRequest(`Bad key(s) in quota set: ${bad.join(',')}`);
    const limits = changes.map(([key, raw]) => {
      const parsed = quotaValue.safeParse(raw);
      if (!parsed.success) {
        throw badRequest(`Invalid input for field/attribute ${key}. Value: ${String(raw)}. ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
      }
      const inUse = current.get(key)?.inUse ?? 0;
      if (parsed.data >= 0 && parsed.data < inUse && key !== 'per_volume_gigabytes') {
        throw badRequest(
          `Invalid input received: Quota ${key} limit must be equal or greater than existing resources. Current usage is ${inUse} and the requested limit is ${parsed.data}.`,
        );
      }
      return [key, parsed.data] as const;
    });
    await store.transaction(async (repos) => {
      for (const [key, limit] of limits) await repos.volumeQuotas.set(projectId, key, limit);
    });
    const updated = await projectQuotas(store, projectId, context.now);
    return { quota_set: Object.fromEntries([...updated].map(([key, entry]) => [key, entry.limit])) };
  });

  cinderRoute(app, 'DELETE', '/os-quota-sets/:projectId', async (request, reply) => {
    const context = await volumeContext(request, cloud);
    if (!context.admin) throw policyForbidden('volume_extension:quotas:delete');
    await store.volumeQuotas.clear((request.params as Params).projectId ?? '');
    return reply.code(200).send();
  });

  cinderRoute(app, 'GET', '/limits', async (request) => {
    const context = await volumeContext(request, cloud);
    const quotas = await projectQuotas(store, context.projectId, context.now);
    const get = (key: string) => quotas.get(key) ?? { limit: 0, inUse: 0 };
    return {
      limits: {
        rate: [],
        absolute: {
          totalSnapshotsUsed: get('snapshots').inUse,
          maxTotalBackups: get('backups').limit,
          maxTotalVolumeGigabytes: get('gigabytes').limit,
          maxTotalSnapshots: get('snapshots').limit,
          maxTotalBackupGigabytes: get('backup_gigabytes').limit,
          totalBackupGigabytesUsed: 0,
          maxTotalVolumes: get('volumes').limit,
          totalVolumesUsed: get('volumes').inUse,
          totalBackupsUsed: 0,
          totalGigabytesUsed: get('gigabytes').inUse,
        },
      },
    };
  });
}
