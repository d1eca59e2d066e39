// Gnocchi metrics by id: list, show, create, delete, and their measures.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { findArchivePolicy } from './archive-policies';
import { metricCaller } from './access';
import { readMeasures, writeMeasures, type MeasuresQuery } from './measures';
import { getResource, syncResources } from './resources';
import { metricView } from './views';

type IdParams = { id: string };

export function registerMetricRoutes(app: FastifyInstance, cloud: Cloud): void {
  const repos = cloud.store;

  const visibleMetric = async (request: FastifyRequest, id: string) => {
    const caller = metricCaller(request);
    await syncResources(repos, cloud);
    const metric = await repos.metrics.getMetric(id);
    const resource = metric?.resource_id ? await getResource(repos, cloud, metric.resource_id) : undefined;
    if (!metric || !caller.seesMetric(metric, resource?.attributes)) throw new ApiError(404, `Metric ${id} does not exist`);
    return { metric, resource };
  };

  app.get<{ Querystring: { name?: string; resource_id?: string; limit?: string } }>('/v1/metric', async (request) => {
    const caller = metricCaller(request);
    await syncResources(repos, cloud);
    const metrics = await repos.metrics.listMetrics();
    const resources = new Map((await repos.metrics.listResources(undefined)).map((r) => [r.id, r]));
    let visible = metrics.filter((m) => {
      const r = m.resource_id ? resources.get(m.resource_id) : undefined;
      return caller.seesMetric(m, r && { project_id: r.project_id, created_by_project_id: r.created_by_project_id });
    });
    if (request.query.name !== undefined) visible = visible.filter((m) => m.name === request.query.name);
    if (request.query.resource_id !== undefined) visible = visible.filter((m) => m.resource_id === request.query.resource_id);
    if (request.query.limit !== undefined) visible = visible.slice(0, Math.max(0, Number(request.query.limit) || 0));
    return visible.map((m) => metricView(m));
  });

  app.get<{ Params: IdParams }>('/v1/metric/:id', async (request) => {
    const { metric, resource } = await visibleMetric(request, request.params.id);
    return metricView(metric, resource);
  });

  app.post('/v1/metric', async (request, reply) => {
    const caller = metricCaller(request);
    const body = (request.body ?? {}) as { archive_policy_name?: unknown; name?: unknown; unit?: unknown; resource_id?: unknown };
    const policyName = typeof body.archive_policy_name === 'string' ? body.archive_policy_name : 'ceilometer-low';
    if (!findArchivePolicy(policyName)) throw new ApiError(400, `Archive policy ${policyName} does not exist`);
    if (body.resource_id !== undefined && body.resource_id !== null) {
      if (typeof body.resource_id !== 'string' || typeof body.name !== 'string') {
        throw new ApiError(400, 'Invalid input: a metric of a resource needs a name');
      }
      const resource = await getResource(repos, cloud, body.resource_id);
      if (!resource || !caller.seesResource(resource.attributes)) throw new ApiError(400, `Resource ${body.resource_id} does not exist`);
      if (await repos.metrics.findMetric(body.resource_id, body.name)) {
        throw new ApiError(409, `Named metric ${body.name} already exists`);
      }
    }
    const metric = await repos.metrics.insertMetric({
      resourceId: typeof body.resource_id === 'string' ? body.resource_id : null,
      name: typeof body.name === 'string' ? body.name : null,
      archivePolicyName: policyName,
      unit: typeof body.unit === 'string' ? body.unit : null,
      userId: caller.userId,
      projectId: caller.projectId,
    });
    return reply.code(201).send(metricView(metric));
  });

  app.delete<{ Params: IdParams }>('/v1/metric/:id', async (request, reply) => {
    const { metric } = await visibleMetric(request, request.params.id);
    if (metric.simulated) throw new ApiError(400, 'The simulation computes this metric; it cannot be deleted');
    await repos.metrics.deleteMetric(metric.id);
    return reply.code(204).send();
  });

  app.get<{ Params: IdParams; Querystring: MeasuresQuery }>('/v1/metric/:id/measures', async (request) => {
    const { metric, resource } = await visibleMetric(request, request.params.id);
    return readMeasures(repos, cloud, metric, resource, request.query);
  });

  app.post<{ Params: IdParams }>('/v1/metric/:id/measures', async (request, reply) => {
    const { metric } = await visibleMetric(request, request.params.id);
    await writeMeasures(repos, metric, request.body);
    return reply.code(202).send();
  });
}
