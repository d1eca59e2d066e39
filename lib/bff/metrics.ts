import 'server-only';

import { gnocchiClient, serverCpu } from '../openstack/gnocchi/measures';
import type { MetricSeries } from '../openstack/gnocchi/types';
import type { ScopedContext } from './guard';

/** Charts ask for one point per minute (the embedded cloud's sample period, a common Ceilometer interval). */
export const CHART_GRANULARITY_S = 60;
/** Without `since`, charts show the last hour. */
export const DEFAULT_WINDOW_MS = 3_600_000;

export const metricService = (ctx: ScopedContext) => gnocchiClient(ctx.endpoint('metric'), ctx.token);

export const windowStart = (since: string | undefined, now = Date.now()): string => since ?? new Date(now - DEFAULT_WINDOW_MS).toISOString();

/** One instance's cpu_util since `since` (or the last hour). */
export async function loadServerCpu(ctx: ScopedContext, serverId: string, since?: string): Promise<{ series: MetricSeries[] }> {
  const measures = await serverCpu(metricService(ctx), serverId, { start: windowStart(since), granularity: CHART_GRANULARITY_S });
  return { series: [{ key: 'cpu_util', label: 'cpu_util', measures }] };
}
