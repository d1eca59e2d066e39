// Aggregation across resources, as Gnocchi's dynamic aggregates API computes
// `(aggregate <method> (metric <name> <method without rate:>))` over the resources a search
// matches. Aodh's gnocchi_aggregation_by_resources_threshold rule evaluates through this.

import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { Repositories } from '../../store/open-store';
import { aggregateSeries, crossAggregate, isAggregationMethod, type Measure } from './aggregation';
import { rawPoints } from './metric-series';
import { listResources } from './resources';
import { checkQuery, matchesQuery, type ResourceAttributes, type SearchQuery } from './search-query';
import { formatGnocchiTime, parseGnocchiTime } from './timestamps';

export interface AggregateRequest {
  metricName: string;
  /** The method across resources, e.g. 'mean' or 'rate:mean'; each metric is read with it minus "rate:". */
  aggregationMethod: string;
  /** Seconds. */
  granularity: number;
  resourceType: string;
  resourceFilter: ((resource: ResourceAttributes) => boolean) | SearchQuery;
  start?: string;
  stop?: string;
  /** Percentage of series that must have a timestamp for it to be kept; Aodh asks for 0 (the default here). */
  neededOverlap?: number;
}

export interface AggregatePoint {
  /** Gnocchi's format, 2026-11-21T23:40:00+00:00. */
  timestamp: string;
  granularity: number;
  value: number;
}

/** The matching resources' series, each at the granularity with the inner method, within [start, stop). */
export async function matchingSeries(
  repos: Repositories,
  cloud: Cloud,
  request: Omit<AggregateRequest, 'aggregationMethod'> & { metricMethod: string; extraBuckets: number },
): Promise<{ resource: ResourceAttributes; measures: Measure[] }[]> {
  const filter =
    typeof request.resourceFilter === 'function'
      ? request.resourceFilter
      : ((query: SearchQuery) => (resource: ResourceAttributes) => matchesQuery(resource, query))(
          checkQuery(request.resourceFilter),
        );
  const nowMs = cloud.clock.now();
  const startMs = request.start === undefined ? undefined : parseGnocchiTime(request.start, 'start');
  const stopMs = request.stop === undefined ? undefined : parseGnocchiTime(request.stop, 'stop');
  const g = request.granularity * 1000;
  const firstBucket = startMs === undefined ? undefined : Math.floor(startMs / g) * g;
  // Buckets before start are read too when a rate needs the point before the first one.
  const readFrom = firstBucket === undefined ? Number.NEGATIVE_INFINITY : firstBucket - request.extraBuckets * g;
  const out: { resource: ResourceAttributes; measures: Measure[] }[] = [];
  const matching = (await listResources(repos, cloud, request.resourceType)).filter((r) => filter(r.attributes));
  // One query for the metrics of every matching resource, not one per resource.
  const metrics = new Map(
    (await repos.metrics.listMetrics(matching.map((r) => r.row.id)))
      .filter((m) => m.name === request.metricName)
      .map((m) => [m.resource_id, m]),
  );
  for (const resource of matching) {
    const metric = metrics.get(resource.row.id);
    if (metric === undefined) continue;
    const raw = await rawPoints(repos, metric, resource, readFrom, stopMs ?? nowMs, nowMs);
    const measures = aggregateSeries(raw, request.granularity, request.metricMethod).filter(
      (m) => m.timestamp >= readFrom && (stopMs === undefined || m.timestamp < stopMs),
    );
    out.push({ resource: resource.attributes, measures });
  }
  return out;
}

/** [{timestamp, granularity, value}] aggregated across the matching resources' metric. */
export async function aggregateMeasures(
  repos: Repositories,
  cloud: Cloud,
  request: AggregateRequest,
): Promise<AggregatePoint[]> {
  if (!isAggregationMethod(request.aggregationMethod)) {
    throw new ApiError(400, `Invalid input: aggregation method ${request.aggregationMethod} is not supported`);
  }
  if (!(request.granularity > 0)) throw new ApiError(400, 'Invalid input: granularity must be a positive number');
  const rate = request.aggregationMethod.startsWith('rate:');
  const metricMethod = rate ? request.aggregationMethod.slice(5) : request.aggregationMethod;
  const series = await matchingSeries(repos, cloud, { ...request, metricMethod, extraBuckets: rate ? 1 : 0 });
  const startMs = request.start === undefined ? undefined : parseGnocchiTime(request.start, 'start');
  const g = request.granularity * 1000;
  const firstBucket = startMs === undefined ? Number.NEGATIVE_INFINITY : Math.floor(startMs / g) * g;
  return crossAggregate(
    series.map((s) => s.measures),
    request.aggregationMethod,
    request.neededOverlap ?? 0,
  )
    .filter((m) => m.timestamp >= firstBucket)
    .map((m) => ({ timestamp: formatGnocchiTime(m.timestamp), granularity: m.granularity, value: m.value }));
}
