// POST /v1/aggregates: metric series by id, or across the resources a search matches (optionally
// grouped by attributes), each at the asked granularity, optionally aggregated into one.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { MetricRow } from '../../store/metrics';
import { findArchivePolicy } from './archive-policies';
import { aggregateSeries, crossAggregate, type Measure } from './aggregation';
import { metricCaller } from './access';
import { rawPoints } from './metric-series';
import { parseOperations, type Operation } from './operations';
import { getResource, listResources, syncResources, type MetricResource } from './resources';
import { checkQuery, matchesQuery } from './search-query';
import { parseStringQuery } from './string-query';
import { formatGnocchiTime, parseGnocchiTime } from './timestamps';

interface AggregatesQuery {
  start?: string;
  stop?: string;
  granularity?: string;
  needed_overlap?: string;
  groupby?: string | string[];
}

interface Target {
  key: string[];
  metric: MetricRow;
  method: string;
  resource?: MetricResource;
}

type Tree = { [key: string]: Tree | [string, number, number][] };

function put(tree: Tree, path: string[], value: [string, number, number][]): void {
  let node = tree;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Tree;
  node[path[path.length - 1] as string] = value;
}

export function registerAggregatesRoutes(app: FastifyInstance, cloud: Cloud): void {
  const repos = cloud.store;

  const evaluate = async (operation: Operation, targets: Target[], query: AggregatesQuery) => {
    const nowMs = cloud.clock.now();
    const startMs = query.start === undefined ? undefined : parseGnocchiTime(query.start, 'start');
    const stopMs = query.stop === undefined ? undefined : parseGnocchiTime(query.stop, 'stop');
    const overlap = query.needed_overlap === undefined ? 100 : Number(query.needed_overlap);
    if (!Number.isFinite(overlap) || overlap < 0 || overlap > 100) throw new ApiError(400, 'Invalid value for needed_overlap');
    let granularities: number[];
    if (query.granularity !== undefined) {
      const g = Number(query.granularity);
      if (!Number.isFinite(g) || g <= 0) throw new ApiError(400, `Invalid value for granularity: ${query.granularity}`);
      granularities = [g];
    } else {
      // The granularities every metric's archive policy has.
      const sets = targets.map((t) => (findArchivePolicy(t.metric.archive_policy_name)?.definition ?? []).map((d) => d.granularity));
      granularities = (sets[0] ?? []).filter((g) => sets.every((s) => s.includes(g))).sort((a, b) => b - a);
    }
    const rate = operation.aggregate?.startsWith('rate:') ?? false;
    const tree: Tree = {};
    const aggregated: [string, number, number][] = [];
    for (const g of granularities) {
      const gMs = g * 1000;
      const points = findArchivePolicy(targets[0]?.metric.archive_policy_name ?? '')?.definition.find((d) => d.granularity === g)?.points;
      const oldest = points === undefined ? Number.NEGATIVE_INFINITY : Math.floor((nowMs - points * gMs) / gMs) * gMs;
      const firstBucket = Math.max(oldest, startMs === undefined ? oldest : Math.floor(startMs / gMs) * gMs);
      const readFrom = Number.isFinite(firstBucket) ? firstBucket - (rate ? gMs : 0) : Number.NEGATIVE_INFINITY;
      const series: Measure[][] = [];
      for (const target of targets) {
        const raw = await rawPoints(repos, target.metric, target.resource, readFrom - gMs, stopMs ?? nowMs, nowMs);
        const measures = aggregateSeries(raw, g, target.method).filter(
          (m) => m.timestamp >= readFrom && (stopMs === undefined || m.timestamp < stopMs),
        );
        series.push(measures);
        if (!operation.aggregate) {
          const kept = measures.filter((m) => m.timestamp >= firstBucket);
          const path = [...target.key, target.method];
          const existing = getPath(tree, path);
          put(tree, path, [...existing, ...kept.map((m) => [formatGnocchiTime(m.timestamp), g, m.value] as [string, number, number])]);
        }
      }
      if (operation.aggregate) {
        for (const m of crossAggregate(series, operation.aggregate, overlap)) {
          if (m.timestamp >= firstBucket) aggregated.push([formatGnocchiTime(m.timestamp), g, m.value]);
        }
      }
    }
    return { measures: operation.aggregate ? { aggregated } : tree };
  };

  app.post<{ Querystring: AggregatesQuery }>('/v1/aggregates', async (request: FastifyRequest<{ Querystring: AggregatesQuery }>) => {
    const caller = metricCaller(request);
    const body = (request.body ?? {}) as { operations?: unknown; search?: unknown; resource_type?: unknown };
    if (body.operations === undefined) throw new ApiError(400, "Invalid input: required key not provided @ data['operations']");
    const operation = parseOperations(body.operations);
    await syncResources(repos, cloud);

    if (body.search === undefined) {
      const targets: Target[] = [];
      for (const ref of operation.metrics) {
        const metric = await repos.metrics.getMetric(ref.ref);
        const resource = metric?.resource_id ? await getResource(repos, cloud, metric.resource_id) : undefined;
        if (!metric || !caller.seesMetric(metric, resource?.attributes)) throw new ApiError(404, `Metric ${ref.ref} does not exist`);
        targets.push({ key: [metric.id], metric, method: ref.method, resource });
      }
      return evaluate(operation, targets, request.query);
    }

    const type = typeof body.resource_type === 'string' ? body.resource_type : 'generic';
    const search = checkQuery(typeof body.search === 'string' ? parseStringQuery(body.search) : body.search);
    const resources = (await listResources(repos, cloud, type)).filter(
      (r) => caller.seesResource(r.attributes) && matchesQuery(r.attributes, search),
    );
    const targetsOf = async (group: MetricResource[]) => {
      const metrics = await repos.metrics.listMetrics(group.map((r) => r.row.id));
      const targets: Target[] = [];
      for (const resource of group) {
        for (const ref of operation.metrics) {
          const metric = metrics.find((m) => m.resource_id === resource.row.id && m.name === ref.ref);
          if (metric) targets.push({ key: [resource.row.id, ref.ref], metric, method: ref.method, resource });
        }
      }
      return targets;
    };
    const groupby = request.query.groupby === undefined ? [] : [request.query.groupby].flat();
    if (groupby.length === 0) return evaluate(operation, await targetsOf(resources), request.query);

    const groups = new Map<string, { group: Record<string, unknown>; resources: MetricResource[] }>();
    for (const resource of resources) {
      const group = Object.fromEntries(groupby.map((attr) => [attr, resource.attributes[attr] ?? null]));
      const key = JSON.stringify(group);
      const entry = groups.get(key) ?? { group, resources: [] };
      entry.resources.push(resource);
      groups.set(key, entry);
    }
    const out = [];
    for (const { group, resources: members } of groups.values()) {
      out.push({ group, measures: await evaluate(operation, await targetsOf(members), request.query) });
    }
    return out;
  });
}

function getPath(tree: Tree, path: string[]): [string, number, number][] {
  let node: Tree | [string, number, number][] | undefined = tree;
  for (const key of path) {
    if (node === undefined || Array.isArray(node)) return [];
    node = node[key];
  }
  return Array.isArray(node) ? node : [];
}
