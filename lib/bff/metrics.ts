import 'server-only';

import { OpenStackError } from '../openstack/errors';
import { gnocchiClient, serverCpu, serverCpuFromRate } from '../openstack/gnocchi/measures';
import type { Measure, MetricSeries } from '../openstack/gnocchi/types';
import type { ScopedContext } from './guard';

/** Charts ask for one point per minute (the embedded cloud's sample period, a common Ceilometer interval). */
export const CHART_GRANULARITY_S = 60;
/** Without `since`, charts show the last hour. */
export const DEFAULT_WINDOW_MS = 3_600_000;

export const metricService = (ctx: ScopedContext) => gnocchiClient(ctx.endpoint('metric'), ctx.token);

export const windowStart = (since: string | undefined, now = Date.now()): string => since ?? new Date(now - DEFAULT_WINDOW_MS).toISOString();

const notFound = (error: unknown, what: RegExp) => error instanceof OpenStackError && error.status === 404 && what.test(error.message);

/**
 * One instance's CPU percentage since `since` (or the last hour): cpu_util, or the rate of `cpu` where
 * Ceilometer no longer publishes cpu_util; none yet when Gnocchi has no resource for the instance (a new one).
 */
export async function loadServerCpu(ctx: ScopedContext, serverId: string, since?: string): Promise<{ series: MetricSeries[] }> {
  const gnocchi = metricService(ctx);
  const window = { start: windowStart(since), granularity: CHART_GRANULARITY_S };
  let measures: Measure[];
  try {
    measures = await serverCpu(gnocchi, serverId, window);
  } catch (error) {
    if (notFound(error, /^resource/i)) measures = [];
    else if (notFound(error, /metric/i)) measures = await serverCpuFromRate(gnocchi, serverId, window);
    else throw error;
  }
  return { series: [{ key: 'cpu_util', label: 'cpu_util', measures }] };
}
