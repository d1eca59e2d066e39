// The raw points of one metric: simulated for an instance's cpu, cpu_util, vcpus and
// memory.usage, merged with any posted measures (a posted point wins at the same time).

import type { Repositories } from '../../store/open-store';
import type { MetricRow } from '../../store/metrics';
import { SIMULATED_METRICS, simulatedSeries, type RawPoint, type SimulatedMetricName } from '../../sim/metrics';
import type { MetricResource } from './resources';

export async function rawPoints(
  repos: Repositories,
  metric: MetricRow,
  resource: MetricResource | undefined,
  fromMs: number,
  toMs: number,
  nowMs: number,
): Promise<RawPoint[]> {
  const posted = await repos.metrics.measures(metric.id, fromMs, toMs);
  const name = metric.name ?? '';
  if (!metric.simulated || !resource?.instance || !(SIMULATED_METRICS as readonly string[]).includes(name)) return posted;
  const simulated = simulatedSeries(resource.instance, name as SimulatedMetricName, fromMs, toMs, nowMs);
  if (posted.length === 0) return simulated;
  const merged = new Map<number, number>(simulated.map((p) => [p.t, p.v]));
  for (const p of posted) merged.set(p.t, p.v);
  return [...merged].map(([t, v]) => ({ t, v })).sort((a, b) => a.t - b.t);
}
