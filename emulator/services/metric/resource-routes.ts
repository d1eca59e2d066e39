// Gnocchi resources: types, list, show, search, create (generic), delete, and a resource's
// metrics and their measures by name.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import { findArchivePolicy } from './archive-policies';
import { metricCaller } from './access';
import { readMeasures, writeMeasures, type MeasuresQuery } from './measures';
import { getResource, listResources, syncResources, type MetricResource } from './resources';
import { RESOURCE_TYPES, findResourceType } from './resource-types';
import { checkQuery, matchesQuery, type SearchQuery } from './search-query';
import { parseStringQuery } from './string-query';
import { metricView, resourceView } from './views';

type TypeParams = { type: string };
type IdParams = TypeParams & { id: string };
type MetricParams = IdParams & { name: string };

export function registerResourceRoutes(app: FastifyInstance, cloud: Cloud): void {
  const repos = cloud.store;

  const checkType = (type: string) => {
    if (!findResourceType(type)) throw new ApiError(404, `Resource type ${type} does not exist`);
  };

  const visibleResource = async (request: Parameters<typeof metricCaller>[0], type: string, id: string): Promise<MetricResource> => {
    checkType(type);
    const caller = metricCaller(request);
    const resource = await getResource(repos, cloud, id);
    if (!resource || !caller.seesResource(resource.attributes) || (type !== 'generic' && resource.row.type !== type)) {
      throw new ApiError(404, `Resource ${id} does not exist`);
    }
    return resource;
  };

  const viewAll = async (resources: MetricResource[]) => {
    const metrics = await repos.metrics.listMetrics(resources.map((r) => r.row.id));
    const byResource = new Map<string, typeof metrics>();
    for (const m of metrics) byResource.set(m.resource_id as string, [...(byResource.get(m.resource_id as string) ?? []), m]);
    return resources.map((r) => resourceView(r, byResource.get(r.row.id) ?? []));
  };

  const list = async (request: Parameters<typeof metricCaller>[0], type: string, query: SearchQuery | undefined, limit?: string) => {
    checkType(type);
    const caller = metricCaller(request);
    let resources = (await listResources(repos, cloud, type)).filter((r) => caller.seesResource(r.attributes));
    if (query) resources = resources.filter((r) => matchesQuery(r.attributes, query));
    if (limit !== undefined) {
      const n = Number(limit);
      if (!Number.isInteger(n) || n < 0) throw new ApiError(400, `Invalid value for limit: ${limit}`);
      resources = resources.slice(0, n);
    }
    return viewAll(resources);
  };

  app.get('/v1/resource_type', async () => RESOURCE_TYPES);
  app.get<{ Params: { name: string } }>('/v1/resource_type/:name', async (request) => {
    const type = findResourceType(request.params.name);
    if (!type) throw new ApiError(404, `Resource type ${request.params.name} does not exist`);
    return type;
  });

  app.get<{ Params: TypeParams; Querystring: { limit?: string } }>('/v1/resource/:type', async (request) =>
    list(request, request.params.type, undefined, request.query.limit),
  );

  app.post<{ Params: TypeParams; Querystring: { filter?: string; limit?: string } }>('/v1/search/resource/:type', async (request) => {
    const body = request.body;
    let query: SearchQuery | undefined;
    if (request.query.filter !== undefined) query = checkQuery(parseStringQuery(request.query.filter));
    else if (body !== undefined && body !== null && !(body instanceof Buffer) && Object.keys(body as object).length > 0) {
      query = checkQuery(body);
    }
    return list(request, request.params.type, query, request.query.limit);
  });

  app.get<{ Params: IdParams }>('/v1/resource/:type/:id', async (request) => {
    const resource = await visibleResource(request, request.params.type, request.params.id);
    return resourceView(resource, await repos.metrics.listMetrics([resource.row.id]));
  });

  app.post<{ Params: TypeParams }>('/v1/resource/:type', async (request, reply) => {
    const { type } = request.params;
    checkType(type);
    if (type === 'instance') throw new ApiError(400, 'Instance resources follow Nova servers in this cloud; create a server instead');
    const caller = metricCaller(request);
    const body = (request.body ?? {}) as { id?: unknown; project_id?: unknown; user_id?: unknown; metrics?: unknown };
    if (typeof body.id !== 'string' || body.id === '') throw new ApiError(400, 'Invalid input: required key not provided @ data[\'id\']');
    await syncResources(repos, cloud);
    if (await repos.metrics.getResource(body.id)) throw new ApiError(409, `Resource ${body.id} already exists`);
    const now = formatIsoMicros(cloud.clock.now());
    const metrics = (body.metrics ?? {}) as Record<string, { archive_policy_name?: string; unit?: string }>;
    for (const [name, spec] of Object.entries(metrics)) {
      if (!findArchivePolicy(spec?.archive_policy_name ?? 'ceilometer-low')) {
        throw new ApiError(400, `Archive policy ${spec?.archive_policy_name} does not exist (metric ${name})`);
      }
    }
    await repos.metrics.insertResource({
      id: body.id,
      type,
      project_id: typeof body.project_id === 'string' ? body.project_id : caller.projectId,
      user_id: typeof body.user_id === 'string' ? body.user_id : caller.userId,
      original_resource_id: body.id,
      started_at: now,
      ended_at: null,
      revision_start: now,
      created_by_user_id: caller.userId,
      created_by_project_id: caller.projectId,
      attributes: '{}',
      vcpus: null,
      memory_mb: null,
    });
    for (const [name, spec] of Object.entries(metrics)) {
      await repos.metrics.insertMetric({
        resourceId: body.id,
        name,
        archivePolicyName: spec?.archive_policy_name ?? 'ceilometer-low',
        unit: spec?.unit ?? null,
        userId: caller.userId,
        projectId: caller.projectId,
      });
    }
    const resource = await visibleResource(request, type, body.id);
    return reply.code(201).send(resourceView(resource, await repos.metrics.listMetrics([body.id])));
  });

  app.delete<{ Params: IdParams }>('/v1/resource/:type/:id', async (request, reply) => {
    const resource = await visibleResource(request, request.params.type, request.params.id);
    if (resource.row.type === 'instance' && resource.row.ended_at === null) {
      throw new ApiError(400, 'The instance still exists in Nova; delete the server instead');
    }
    await repos.metrics.deleteResource(resource.row.id);
    return reply.code(204).send();
  });

  app.get<{ Params: IdParams }>('/v1/resource/:type/:id/metric', async (request) => {
    const resource = await visibleResource(request, request.params.type, request.params.id);
    return (await repos.metrics.listMetrics([resource.row.id])).map((m) => metricView(m));
  });

  const namedMetric = async (request: Parameters<typeof metricCaller>[0], params: MetricParams) => {
    const resource = await visibleResource(request, params.type, params.id);
    const metric = await repos.metrics.findMetric(resource.row.id, params.name);
    if (!metric) throw new ApiError(404, `Metric ${params.name} does not exist`);
    return { resource, metric };
  };

  app.get<{ Params: MetricParams }>('/v1/resource/:type/:id/metric/:name', async (request) => {
    const { resource, metric } = await namedMetric(request, request.params);
    return metricView(metric, resource);
  });

  app.get<{ Params: MetricParams; Querystring: MeasuresQuery }>('/v1/resource/:type/:id/metric/:name/measures', async (request) => {
    const { resource, metric } = await namedMetric(request, request.params);
    return readMeasures(repos, cloud, metric, resource, request.query);
  });

  app.post<{ Params: MetricParams }>('/v1/resource/:type/:id/metric/:name/measures', async (request, reply) => {
    const { metric } = await namedMetric(request, request.params);
    await writeMeasures(repos, metric, request.body);
    return reply.code(202).send();
  });

}
