import 'server-only';

import { OpenStackError } from '../errors';
import { type ServiceClient, query, serviceClient } from '../service-client';
import type { Measure } from './types';

/**
 * Gnocchi v1 measures: one server's cpu_util, and the dynamic aggregates API across the resources a search
 * matches (the way Aodh's gnocchi_aggregation_by_resources_threshold alarms read them).
 */
export function gnocchiClient(baseUrl: string, token: string): ServiceClient {
  return serviceClient({ service: 'metric', baseUrl, token });
}

/** Gnocchi's measure triple [time, granularity, value]; time normalised to ISO 8601 in UTC. */
export function measureFromWire(wire: unknown): Measure | null {
  if (!Array.isArray(wire) || wire.length < 3) return null;
  const [time, granularity, value] = wire as unknown[];
  const ms = typeof time === 'string' ? Date.parse(time) : Number.NaN;
  if (Number.isNaN(ms) || typeof granularity !== 'number' || typeof value !== 'number' || !Number.isFinite(value)) return null;
  return { time: new Date(ms).toISOString(), granularity, value };
}

/**
 * Measures oldest first at one granularity: the one asked for when the answer has it, else the finest the
 * answer holds (Gnocchi answers every granularity of the archive policy when none is given).
 */
export function measuresFromWire(wire: unknown, granularity?: number): Measure[] {
  const all = (Array.isArray(wire) ? wire : []).map(measureFromWire).filter((m): m is Measure => m !== null);
  const kept =
    granularity !== undefined && all.some((m) => m.granularity === granularity) ? granularity : Math.min(...all.map((m) => m.granularity));
  return all.filter((m) => m.granularity === kept).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

export interface MeasureWindow {
  /** ISO 8601 start (inclusive). */
  start?: string;
  /** Seconds; when the metric's archive policy lacks it, the policy's finest is used instead. */
  granularity?: number;
}

const isMissingGranularity = (error: unknown) =>
  error instanceof OpenStackError && (error.status === 404 || error.status === 400) && /granularity/i.test(error.message);

/** cpu_util of one instance resource (Gnocchi's instance resources carry the Nova server id). */
export async function serverCpu(gnocchi: ServiceClient, serverId: string, window: MeasureWindow = {}): Promise<Measure[]> {
  const path = `/v1/resource/instance/${encodeURIComponent(serverId)}/metric/cpu_util/measures`;
  try {
    const { body } = await gnocchi.call<unknown>(`${path}${query({ start: window.start, granularity: window.granularity })}`);
    return measuresFromWire(body, window.granularity);
  } catch (error) {
    if (window.granularity === undefined || !isMissingGranularity(error)) throw error;
    const { body } = await gnocchi.call<unknown>(`${path}${query({ start: window.start })}`);
    return measuresFromWire(body);
  }
}

/**
 * CPU as a percentage of one vCPU from the cumulative `cpu` metric (ns of CPU time), for clouds whose
 * Ceilometer no longer publishes cpu_util: rate:mean gives ns used per granularity.
 */
export async function serverCpuFromRate(gnocchi: ServiceClient, serverId: string, window: MeasureWindow = {}): Promise<Measure[]> {
  const path = `/v1/resource/instance/${encodeURIComponent(serverId)}/metric/cpu/measures`;
  const read = async (granularity?: number) =>
    measuresFromWire((await gnocchi.call<unknown>(`${path}${query({ aggregation: 'rate:mean', start: window.start, granularity })}`)).body, granularity);
  let measures: Measure[];
  try {
    measures = await read(window.granularity);
  } catch (error) {
    if (window.granularity === undefined || !isMissingGranularity(error)) throw error;
    measures = await read();
  }
  return measures.map((m) => ({ ...m, value: Number(((m.value / (m.granularity * 1e9)) * 100).toFixed(2)) }));
}

export interface ResourceAggregateQuery extends MeasureWindow {
  /** e.g. cpu_util, or cpu with aggregation rate:mean. */
  metric: string;
  /** How the members' series are combined: mean, max, rate:mean, … */
  aggregation: string;
  /** Gnocchi's search: a JSON query object, or Aodh's stored JSON string of one. */
  query: unknown;
  resourceType?: string;
}

function searchOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value; // Gnocchi's string query language ("server_group='x'") is accepted as is.
  }
}

async function postAggregates(gnocchi: ServiceClient, operations: string, request: ResourceAggregateQuery): Promise<unknown> {
  const body = { operations, search: searchOf(request.query), resource_type: request.resourceType ?? 'instance' };
  const call = (granularity?: number) =>
    gnocchi.call<unknown>(`/v1/aggregates${query({ details: 'false', start: request.start, granularity, needed_overlap: 0 })}`, {
      method: 'POST',
      body,
    });
  try {
    return (await call(request.granularity)).body;
  } catch (error) {
    if (request.granularity === undefined || !isMissingGranularity(error)) throw error;
    return (await call()).body;
  }
}

/** One series: the members' metric combined by `aggregation` (Aodh's by-resources evaluation). */
export async function aggregateByResources(gnocchi: ServiceClient, request: ResourceAggregateQuery): Promise<Measure[]> {
  const operations = `(aggregate ${request.aggregation} (metric ${request.metric} mean))`;
  const body = (await postAggregates(gnocchi, operations, request)) as { measures?: { aggregated?: unknown } } | null;
  return measuresFromWire(body?.measures?.aggregated, request.granularity);
}

/**
 * Each member's own series from the same search, keyed by resource id (the answer's tree is
 * {resource id: {metric: {method: measures}}}).
 */
export async function seriesByResources(
  gnocchi: ServiceClient,
  request: Omit<ResourceAggregateQuery, 'aggregation'>,
): Promise<Map<string, Measure[]>> {
  const operations = `(metric ${request.metric} mean)`;
  const body = (await postAggregates(gnocchi, operations, { ...request, aggregation: 'mean' })) as { measures?: unknown } | null;
  const tree = (body?.measures ?? {}) as Record<string, Record<string, Record<string, unknown>> | undefined>;
  const out = new Map<string, Measure[]>();
  for (const [resourceId, metrics] of Object.entries(tree)) {
    const methods = metrics?.[request.metric];
    if (methods) out.set(resourceId, measuresFromWire(methods.mean, request.granularity));
  }
  return out;
}
