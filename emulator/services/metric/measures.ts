// GET and POST of one metric's measures: the raw points aggregated at each of its archive
// policy's granularities (or the one asked for), optionally resampled.

import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { MetricRow } from '../../store/metrics';
import type { Repositories } from '../../store/open-store';
import { findArchivePolicy } from './archive-policies';
import { aggregateSeries, isAggregationMethod } from './aggregation';
import { rawPoints } from './metric-series';
import type { MetricResource } from './resources';
import { formatGnocchiTime, parseGnocchiTime } from './timestamps';

export interface MeasuresQuery {
  start?: string;
  stop?: string;
  granularity?: string;
  aggregation?: string;
  resample?: string;
}

function seconds(value: string, field: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new ApiError(400, `Invalid value for ${field}: ${value} is not a positive number of seconds`);
  return n;
}

export async function readMeasures(
  repos: Repositories,
  cloud: Cloud,
  metric: MetricRow,
  resource: MetricResource | undefined,
  query: MeasuresQuery,
): Promise<[string, number, number][]> {
  const policy = findArchivePolicy(metric.archive_policy_name);
  const aggregation = query.aggregation ?? 'mean';
  if (!isAggregationMethod(aggregation) || (policy && !policy.aggregation_methods.includes(aggregation))) {
    throw new ApiError(404, `Aggregation method '${aggregation}' for metric ${metric.id} does not exist`);
  }
  const nowMs = cloud.clock.now();
  const startMs = query.start === undefined ? undefined : parseGnocchiTime(query.start, 'start');
  const stopMs = query.stop === undefined ? undefined : parseGnocchiTime(query.stop, 'stop');
  const granularity = query.granularity === undefined ? undefined : seconds(query.granularity, 'granularity');
  const resample = query.resample === undefined ? undefined : seconds(query.resample, 'resample');
  if (resample !== undefined && granularity === undefined) {
    throw new ApiError(400, 'A granularity must be specified to resample');
  }
  const definitions = (policy?.definition ?? [{ granularity: 300, points: 8640 }])
    .filter((d) => granularity === undefined || d.granularity === granularity)
    .sort((a, b) => b.granularity - a.granularity);
  // A granularity outside the policy is computed anyway (decision 012) rather than refused.
  if (definitions.length === 0 && granularity !== undefined) definitions.push({ granularity, points: Math.ceil((30 * 86400) / granularity) });

  const out: [string, number, number][] = [];
  for (const { granularity: g, points } of definitions) {
    const gMs = g * 1000;
    const oldest = Math.floor((nowMs - points * gMs) / gMs) * gMs;
    const from = Math.max(oldest, startMs === undefined ? oldest : Math.floor(startMs / gMs) * gMs);
    const raw = await rawPoints(repos, metric, resource, from - gMs, stopMs ?? nowMs, nowMs);
    let measures = aggregateSeries(raw, g, aggregation).filter(
      (m) => m.timestamp >= from && (stopMs === undefined || m.timestamp < stopMs),
    );
    if (resample !== undefined) {
      const base = aggregation.startsWith('rate:') ? aggregation.slice(5) : aggregation;
      measures = aggregateSeries(measures.map((m) => ({ t: m.timestamp, v: m.value })), resample, base);
    }
    for (const m of measures) out.push([formatGnocchiTime(m.timestamp), m.granularity, m.value]);
  }
  return out;
}

/** Validates `[{timestamp, value}, ...]` and stores it. */
export async function writeMeasures(repos: Repositories, metric: MetricRow, body: unknown): Promise<void> {
  if (!Array.isArray(body)) throw new ApiError(400, 'Invalid input: expected a list of measures');
  const measures = body.map((item, index) => {
    const m = item as { timestamp?: unknown; value?: unknown } | null;
    if (m === null || typeof m !== 'object' || (typeof m.timestamp !== 'string' && typeof m.timestamp !== 'number')) {
      throw new ApiError(400, `Invalid input: measure ${index} needs a timestamp`);
    }
    const value = typeof m.value === 'string' ? Number(m.value) : m.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ApiError(400, `Invalid input: measure ${index} needs a numeric value`);
    }
    return { timestampMs: parseGnocchiTime(String(m.timestamp), 'timestamp'), value };
  });
  await repos.metrics.addMeasures(metric.id, measures);
}
