// The resources the metric service knows, with what the simulation needs to compute their
// samples. Instance resources follow Nova's servers (decision 012): one per launched server,
// id = server id, ended when the server is deleted.

import type { Cloud } from '../../cloud';
import { POWER_ACTIONS, SAMPLE_PERIOD_S, offPeriodsOf, type SimulatedInstance } from '../../sim/metrics';
import { formatIsoMicros } from '../../sim/clock';
import type { MetricResourceRow } from '../../store/metrics';
import type { Repositories } from '../../store/open-store';
import type { ResourceAttributes } from './search-query';
import { formatGnocchiTime } from './timestamps';

export interface MetricResource {
  row: MetricResourceRow;
  /** Gnocchi's JSON view of the resource, without its metrics map. */
  attributes: ResourceAttributes & { id: string; type: string };
  /** Present for instances whose samples the simulation computes. */
  instance?: SimulatedInstance;
}

/** Settles Nova's servers and brings the instance resources in step with them. */
export async function syncResources(repos: Repositories, cloud: Cloud): Promise<void> {
  const now = formatIsoMicros(cloud.clock.now());
  await repos.servers.settle(now);
  await repos.metrics.syncInstances(now);
}

function time(value: string | null): string | null {
  return value === null ? null : formatGnocchiTime(epochMs(value));
}

export function resourceAttributes(row: MetricResourceRow): MetricResource['attributes'] {
  return {
    id: row.id,
    type: row.type,
    project_id: row.project_id,
    user_id: row.user_id,
    original_resource_id: row.original_resource_id,
    started_at: time(row.started_at),
    ended_at: time(row.ended_at),
    revision_start: time(row.revision_start),
    revision_end: null,
    creator: `${row.created_by_user_id}:${row.created_by_project_id}`,
    created_by_user_id: row.created_by_user_id,
    created_by_project_id: row.created_by_project_id,
    ...(JSON.parse(row.attributes) as Record<string, unknown>),
  };
}

/** Where the sample period set through /_emulator/load/sample-period is kept (wiped on reset). */
export const SAMPLE_PERIOD_META_KEY = 'metric.sample_period_seconds';

export async function samplePeriod(repos: Repositories): Promise<number> {
  const stored = Number(await repos.meta.get(SAMPLE_PERIOD_META_KEY));
  return Number.isFinite(stored) && stored > 0 ? stored : SAMPLE_PERIOD_S;
}

function epochMs(value: string): number {
  return Date.parse(/([zZ]|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`);
}

export function toResources(
  rows: readonly MetricResourceRow[],
  loads: Map<string, { sinceMs: number; cpuPercent: number }[]>,
  periodS = SAMPLE_PERIOD_S,
  actions: Map<string, { action: string; finishTime: string }[]> = new Map(),
): MetricResource[] {
  return rows.map((row) => {
    const resource: MetricResource = { row, attributes: resourceAttributes(row) };
    if (row.type === 'instance' && row.vcpus !== null) {
      resource.instance = {
        id: row.id,
        startedMs: epochMs(row.started_at),
        endedMs: row.ended_at === null ? null : epochMs(row.ended_at),
        vcpus: row.vcpus,
        memoryMb: row.memory_mb ?? 0,
        loads: loads.get(row.id) ?? [],
        periodS,
        offPeriods: offPeriodsOf((actions.get(row.id) ?? []).map((a) => ({ action: a.action, atMs: epochMs(a.finishTime) }))),
      };
    }
    return resource;
  });
}

/** Every resource of a type ("generic" lists all), after syncing instances. */
export async function listResources(repos: Repositories, cloud: Cloud, type: string): Promise<MetricResource[]> {
  await syncResources(repos, cloud);
  const rows = await repos.metrics.listResources(type);
  const ids = rows.filter((r) => r.type === 'instance').map((r) => r.id);
  const loads = await repos.metrics.loads(ids);
  return toResources(rows, loads, await samplePeriod(repos), await repos.metrics.actionsOf(ids, POWER_ACTIONS));
}

export async function getResource(repos: Repositories, cloud: Cloud, id: string): Promise<MetricResource | undefined> {
  await syncResources(repos, cloud);
  const row = await repos.metrics.getResource(id);
  if (row === undefined) return undefined;
  const actions = await repos.metrics.actionsOf([row.id], POWER_ACTIONS);
  return toResources([row], await repos.metrics.loads([row.id]), await samplePeriod(repos), actions)[0];
}
