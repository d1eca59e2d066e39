// Where the evaluator reads an alarm's datapoints: Gnocchi's aggregation of the embedded
// cloud's simulated metrics. The old Ceilometer threshold type reads its meter (cpu_util) of
// the instances whose server metadata matches the rule's query.

import type { Cloud } from '../cloud';
import { aggregateMeasures, type AggregateRequest } from '../services/metric/aggregate';
import { formatGnocchiTime } from '../services/metric/timestamps';
import type { Repositories } from '../store/open-store';
import type { Alarm } from '../store/schema';
import type { AlarmMeasureReader } from './alarm-evaluator';

// Ceilometer's statistics as Gnocchi aggregation methods.
const STATISTIC_METHODS: Record<string, string> = { avg: 'mean', max: 'max', min: 'min', sum: 'sum', count: 'count' };

export function gnocchiMeasureReader(cloud: Cloud): AlarmMeasureReader {
  return async (repos, alarm, window) => {
    const request = await aggregateRequest(repos, alarm);
    if (request === undefined) return [];
    try {
      const points = await aggregateMeasures(repos, cloud, {
        ...request,
        start: formatGnocchiTime(window.start),
        stop: formatGnocchiTime(window.stop),
      });
      return points.map((p) => p.value).filter((v) => Number.isFinite(v));
    } catch {
      // An unknown metric or method: Aodh sees no datapoints and reports insufficient data.
      return [];
    }
  };
}

async function aggregateRequest(
  repos: Repositories,
  alarm: Alarm,
): Promise<Omit<AggregateRequest, 'start' | 'stop'> | undefined> {
  const rule = alarm.rule;
  switch (alarm.type) {
    case 'gnocchi_aggregation_by_resources_threshold':
      return {
        metricName: String(rule.metric),
        aggregationMethod: String(rule.aggregation_method),
        granularity: Number(rule.granularity),
        resourceType: String(rule.resource_type),
        resourceFilter: JSON.parse(String(rule.query)) as Record<string, unknown>,
      };
    case 'gnocchi_resources_threshold':
      return {
        metricName: String(rule.metric),
        aggregationMethod: String(rule.aggregation_method),
        granularity: Number(rule.granularity),
        resourceType: String(rule.resource_type),
        resourceFilter: (resource) => resource.id === rule.resource_id,
      };
    case 'threshold': {
      const ids = await matchingServerIds(repos, alarm);
      return {
        metricName: String(rule.meter_name),
        aggregationMethod: STATISTIC_METHODS[String(rule.statistic)] ?? 'mean',
        granularity: Number(rule.period),
        resourceType: 'instance',
        resourceFilter: (resource) => ids.has(String(resource.id)),
      };
    }
    case 'gnocchi_aggregation_by_metrics_threshold': {
      // Metric ids: read as the resources owning them, through the first metric's name (the
      // list is one metric per resource, as Heat and the guides use it).
      const metrics = [];
      for (const id of (rule.metrics as string[] | undefined) ?? []) {
        const metric = await repos.metrics.getMetric(id);
        if (metric?.resource_id && metric.name) metrics.push(metric);
      }
      const name = metrics[0]?.name;
      if (name === undefined || name === null) return undefined;
      const owners = new Set(metrics.filter((m) => m.name === name).map((m) => m.resource_id));
      return {
        metricName: name,
        aggregationMethod: String(rule.aggregation_method),
        granularity: Number(rule.granularity),
        resourceType: 'generic',
        resourceFilter: (resource) => owners.has(String(resource.id)),
      };
    }
    default:
      return undefined;
  }
}

/**
 * Servers of the alarm's project whose metadata matches every eq term of the rule's query:
 * `metadata.user_metadata.<key>` is the server's `metering.<key>` metadata, as Ceilometer
 * reports it; `resource_id` is the server id.
 */
async function matchingServerIds(repos: Repositories, alarm: Alarm): Promise<Set<string>> {
  const query = (alarm.rule.query as { field: string; op: string; value: string }[] | undefined) ?? [];
  const servers = await repos.servers.list({ projectId: alarm.projectId }, { limit: 10_000, sortKey: 'created_at', sortDir: 'asc' });
  const ids = new Set<string>();
  for (const server of servers) {
    const matches = query.every((term) => {
      const actual = termValue(term.field, server.id, server.metadata);
      return term.op === 'ne' ? actual !== term.value : actual === term.value;
    });
    if (matches) ids.add(server.id);
  }
  return ids;
}

function termValue(field: string, id: string, metadata: Record<string, string>): string | undefined {
  if (field === 'resource_id' || field === 'resource') return id;
  const match = /^(?:resource_)?metadata\.user_metadata\.(.+)$/.exec(field);
  if (match) return metadata[`metering.${match[1]}`];
  const plain = /^(?:resource_)?metadata\.(.+)$/.exec(field);
  if (plain) return metadata[plain[1] as string];
  return undefined;
}
