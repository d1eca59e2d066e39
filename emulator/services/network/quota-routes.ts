// Neutron's quotas (extensions quotas and quota_details): GET /v2.0/quotas (admin), GET, PUT
// and DELETE /v2.0/quotas/{project_id}, /default and /details with used/limit/reserved, and
// /quotas/tenant. checkNetworkQuota is what every create route calls before it adds rows.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { Repositories } from '../../store/open-store';
import {
  isNetworkQuotaResource,
  NETWORK_QUOTA_DEFAULTS,
  NETWORK_QUOTA_RESOURCES,
  type NetworkQuotaLimits,
  type NetworkQuotaResource,
} from '../../store/network-quotas';
import { networkContext, ownerFields, type NetworkContext } from './context';
import { badRequest, invalidAttribute, invalidInput, policyDenied } from './errors';
import { neutronRoute, pathParam } from './register';

/** Neutron's DB_INTEGER_MAX_VALUE, the largest limit it stores. */
const MAX_LIMIT = 2 ** 31 - 1;

/**
 * Refuses with Neutron's 409 OverQuota when `projectId` would hold more than its limit of
 * `resource` after adding `adding` more (a negative limit is unlimited).
 */
export async function checkNetworkQuota(
  repos: Repositories,
  projectId: string,
  resource: NetworkQuotaResource,
  adding = 1,
): Promise<void> {
  const limit = (await repos.networkQuotas.limitsOf(projectId))[resource];
  if (limit < 0 || adding <= 0) return;
  const used = await repos.networkQuotas.used(projectId, resource);
  if (used + adding > limit) throw new ApiError(409, `Quota exceeded for resources: ['${resource}'].`, 'OverQuota');
}

/** A member reads their own project's quotas; other projects need the admin role. */
function requireReader(context: NetworkContext, projectId: string): void {
  if (!context.admin && projectId !== context.projectId) throw policyDenied('get_quota');
}

/** One limit from a PUT body, converted and range-checked as neutron-lib does. */
function limitValue(resource: string, value: unknown): number {
  const number =
    typeof value === 'number' && Number.isInteger(value)
      ? value
      : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)
        ? Number(value)
        : NaN;
  if (Number.isNaN(number)) throw invalidInput(`'${String(value)}' is not an integer`);
  if (number < -1) throw invalidAttribute(resource, `'${number}' is too small - must be at least '-1'`);
  if (number > MAX_LIMIT) throw invalidAttribute(resource, `'${number}' is too large - must be no larger than '${MAX_LIMIT}'`);
  return number;
}

function parseQuotaUpdate(body: unknown): Partial<NetworkQuotaLimits> {
  const input = (body as Record<string, unknown> | null)?.quota;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw badRequest("Unable to find 'quota' in request body", 'HTTPBadRequest');
  }
  const fields = { ...(input as Record<string, unknown>) };
  // Accepted and ignored, as with quota limits not checked against usage (Neutron's default).
  delete fields.force;
  delete fields.check_limit;
  const unknown = Object.keys(fields).filter((key) => !isNetworkQuotaResource(key));
  if (unknown.length > 0) throw badRequest(`Unrecognized attribute(s) '${unknown.join(', ')}'`, 'HTTPBadRequest');
  const limits: Partial<NetworkQuotaLimits> = {};
  for (const [resource, value] of Object.entries(fields)) {
    limits[resource as NetworkQuotaResource] = limitValue(resource, value);
  }
  return limits;
}

export function registerQuotaRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;

  neutronRoute(app, 'GET', '/quotas', async (request) => {
    const context = networkContext(request, cloud);
    if (!context.admin) throw policyDenied('get_quota');
    const quotas = await store.networkQuotas.overridden();
    return { quotas: quotas.map(({ projectId, limits }) => ({ ...limits, ...ownerFields(projectId) })) };
  });

  // The caller's own project, as Neutron's tenant/project actions answer.
  neutronRoute(app, 'GET', '/quotas/tenant', async (request) => {
    const { projectId } = networkContext(request, cloud);
    return { tenant: { tenant_id: projectId } };
  });
  neutronRoute(app, 'GET', '/quotas/project', async (request) => {
    const { projectId } = networkContext(request, cloud);
    return { project: { project_id: projectId } };
  });

  neutronRoute(app, 'GET', '/quotas/:projectId', async (request) => {
    const context = networkContext(request, cloud);
    const projectId = pathParam(request, 'projectId');
    requireReader(context, projectId);
    return { quota: await store.networkQuotas.limitsOf(projectId) };
  });

  neutronRoute(app, 'GET', '/quotas/:projectId/default', async (request) => {
    const context = networkContext(request, cloud);
    requireReader(context, pathParam(request, 'projectId'));
    return { quota: { ...NETWORK_QUOTA_DEFAULTS } };
  });

  neutronRoute(app, 'GET', '/quotas/:projectId/details', async (request) => {
    const context = networkContext(request, cloud);
    const projectId = pathParam(request, 'projectId');
    requireReader(context, projectId);
    const limits = await store.networkQuotas.limitsOf(projectId);
    const used = await store.networkQuotas.usedAll(projectId);
    const quota: Record<string, { limit: number; used: number; reserved: number }> = {};
    for (const resource of NETWORK_QUOTA_RESOURCES) {
      quota[resource] = { limit: limits[resource], used: used[resource], reserved: 0 };
    }
    return { quota };
  });

  neutronRoute(app, 'PUT', '/quotas/:projectId', async (request) => {
    const context = networkContext(request, cloud);
    if (!context.admin) throw policyDenied('update_quota');
    const projectId = pathParam(request, 'projectId');
    await store.networkQuotas.set(projectId, parseQuotaUpdate(request.body));
    return { quota: await store.networkQuotas.limitsOf(projectId) };
  });

  neutronRoute(app, 'DELETE', '/quotas/:projectId', async (request, reply) => {
    const context = networkContext(request, cloud);
    if (!context.admin) throw policyDenied('delete_quota');
    await store.networkQuotas.reset(pathParam(request, 'projectId'));
    return reply.code(204).send();
  });
}
