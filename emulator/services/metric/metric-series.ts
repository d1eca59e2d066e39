// The raw points of one named metric of a resource: simulated for instances.

import type { Repositories } from '../../store/open-store';
import { SIMULATED_METRICS, simulatedSeries, type RawPoint, type SimulatedMetricName } from '../../sim/metrics';
import type { MetricResource } from './resources';

/** Raw points with fromMs <= t <= toMs, or undefined when the resource has no such metric. */
export async function metricSeries(
  repos: Repositories,
  resource: MetricResource,
  metricName: string,
  fromMs: number,
  toMs: number,
  nowMs: number,
): Promise<RawPoint[] | undefined> {
  void repos;
  if (resource.instance && (SIMULATED_METRICS as readonly string[]).includes(metricName)) {
    return simulatedSeries(resource.instance, metricName as SimulatedMetricName, fromMs, toMs, nowMs);
  }
  return undefined;
}
