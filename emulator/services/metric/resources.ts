// The resources the metric service knows, with what the simulation needs to compute their
// samples. Instance resources follow Nova's servers (decision 012): one per launched server,
// id = server id, ended when the server is deleted.

import type { Cloud } from '../../cloud';
import { SAMPLE_PERIOD_S, type SimulatedInstance } from '../../sim/metrics';
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
  return value === null ? null : formatGnocchiTime(Date.parse(value.endsWith('Z') ? value : `${value}Z`));
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

export function toResources(
  rows: readonly MetricResourceRow[],
  loads: Map<string, { sinceMs: number; cpuPercent: number }[]>,
  periodS = SAMPLE_PERIOD_S,
): MetricResource[] {
  return rows.map((row) => {
    const resource: MetricResource = { row, attributes: resourceAttributes(row) };
    if (row.type === 'instance' && row.vcpus !== null) {
      resource.instance = {
        id: row.id,
        startedMs: Date.parse(row.started_at.endsWith('Z') ? row.started_at : `${row.started_at}Z`),
        endedMs: row.ended_at === null ? null : Date.parse(row.ended_at.endsWith('Z') ? row.ended_at : `${row.ended_at}Z`),
        vcpus: row.vcpus,
        memoryMb: row.memory_mb ?? 0,
        loads: loads.get(row.id) ?? [],
        periodS,
      };
    }
    return resource;
  });
}

/** Every resource of a type ("generic" lists all), after syncing instances. */
export async function listResources(repos: Repositories, cloud: Cloud, type: string): Promise<MetricResource[]> {
  await syncResources(repos, cloud);
  const rows = await repos.metrics.listResources(type);
  const loads = await repos.metrics.loads(rows.filter((r) => r.type === 'instance').map((r) => r.id));
  return toResources(rows, loads, await samplePeriod(repos));
}

export async function getResource(repos: Repositories, cloud: Cloud, id: string): Promise<MetricResource | undefined> {
  await syncResources(repos, cloud);
  const row = await repos.metrics.getResource(id);
  if (row === undefined) return undefined;
  return toResources([row], await repos.metrics.loads([row.id]), await samplePeriod(repos))[0];
}
