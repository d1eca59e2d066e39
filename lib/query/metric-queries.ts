import { queryOptions } from '@tanstack/react-query';

import type { GroupMetricsView } from '../bff/metrics-group-model';
import type { LoadResult } from '../bff/load';
import type { MetricSeries } from '../openstack/gnocchi/types';
import { apiFetch } from './api';

/** Query factories for the live charts; keyed by server or stack id alone (an id belongs to one project). */
export const serverCpuQuery = (serverId: string) =>
  queryOptions({
    queryKey: ['metrics', 'server', serverId, 'cpu'],
    queryFn: () => apiFetch<{ series: MetricSeries[] }>(`/api/metrics/servers/${encodeURIComponent(serverId)}/cpu`),
  });

export const stackMetricsQuery = (stackId: string) =>
  queryOptions({
    queryKey: ['metrics', 'stack', stackId],
    queryFn: () => apiFetch<GroupMetricsView>(`/api/stacks/${encodeURIComponent(stackId)}/metrics`),
  });

export const serverCpuStreamUrl = (serverId: string) => `/api/metrics/stream?server=${encodeURIComponent(serverId)}`;
export const stackStreamUrl = (stackId: string) => `/api/metrics/stream?stack=${encodeURIComponent(stackId)}`;

export const setServerLoad = (serverId: string, cpuPercent: number) =>
  apiFetch<LoadResult>(`/api/servers/${encodeURIComponent(serverId)}/load`, { method: 'POST', body: { cpuPercent } });

/** How many points a live series keeps: a day of minutes. */
export const MAX_POINTS = 1440;

/**
 * Pushed points merged into cached series: same instant replaces the value (a bucket that filled up),
 * new instants are added in time order, series unknown to the cache are appended.
 */
export function mergeSeries(current: readonly MetricSeries[], pushed: readonly MetricSeries[], maxPoints = MAX_POINTS): MetricSeries[] {
  const out = current.map((s) => ({ ...s, measures: [...s.measures] }));
  for (const incoming of pushed) {
    const target = out.find((s) => s.key === incoming.key);
    if (!target) {
      out.push({ ...incoming, measures: [...incoming.measures].sort(byTime).slice(-maxPoints) });
      continue;
    }
    const byInstant = new Map(target.measures.map((m) => [Date.parse(m.time), m]));
    for (const m of incoming.measures) byInstant.set(Date.parse(m.time), m);
    target.measures = [...byInstant.values()].sort(byTime).slice(-maxPoints);
  }
  return out;
}

const byTime = (a: { time: string }, b: { time: string }) => Date.parse(a.time) - Date.parse(b.time);

/** Reconnect delays after a dropped stream: 1 s doubling up to 30 s. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
}
