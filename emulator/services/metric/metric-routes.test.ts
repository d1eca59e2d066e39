// Gnocchi over app.inject on a manual clock: instance resources follow Nova's servers, the
// simulation's samples appear as the clock advances, /_emulator/load changes them, and the
// aggregates API (and aggregateMeasures, which Aodh calls) agree on rate:mean arithmetic.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Cloud } from '../../cloud';
import { createClock } from '../../sim/clock';
import { openStore, type Store } from '../../store/open-store';
import { call, control } from '../../testing/test-cloud';
import { startServerCloud, type ServerTestCloud } from '../compute/server-testing';
import { aggregateMeasures } from './aggregate';

let cloud: ServerTestCloud;
beforeAll(async () => {
  cloud = await startServerCloud();
});
afterAll(async () => cloud.dispose());
beforeEach(async () => cloud.reset());

const gnocchi = (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, token = cloud.admin) =>
  call(cloud.app, token, method, `/metric/v1${path}`, body);

/** Boots an m1.medium (2 vCPUs) with a server group in its metadata and lets it go ACTIVE. */
async function bootActive(token: string, group = 'stack-a'): Promise<string> {
  const id = await cloud.boot(token, { flavorRef: '3', metadata: { 'metering.server_group': group } });
  await cloud.advance(10);
  return id;
}

async function nowIso(): Promise<string> {
  return (await cloud.app.inject({ method: 'GET', url: '/_emulator/clock' })).json().now as string;
}

describe('resources', () => {
  it('lists an instance per launched server with its attributes and metrics, and ends it on delete', async () => {
    const id = await bootActive(cloud.demo);
    const list = await gnocchi('GET', '/resource/instance', undefined, cloud.demo);
    expect(list.statusCode).toBe(200);
    const resource = list.json().find((r: { id: string }) => r.id === id);
    expect(resource).toMatchObject({ type: 'instance', server_group: 'stack-a', flavor_id: '3', ended_at: null });
    expect(Object.keys(resource.metrics).sort()).toEqual(['cpu', 'cpu_util', 'memory.usage', 'vcpus']);

    expect((await cloud.nova(cloud.demo, 'DELETE', `/servers/${id}`)).statusCode).toBe(204);
    await cloud.advance(5);
    const shown = await gnocchi('GET', `/resource/generic/${id}`, undefined, cloud.demo);
    expect(shown.json().ended_at).toMatch(/^\d{4}-\d\d-\d\dT.*\+00:00$/);
  });

  it('searches instances by server_group with the JSON and the string query language', async () => {
    const a = await bootActive(cloud.demo, 'stack-a');
    await bootActive(cloud.demo, 'stack-b');
    const json = await gnocchi('POST', '/search/resource/instance', { '=': { server_group: 'stack-a' } });
    expect(json.json().map((r: { id: string }) => r.id)).toEqual([a]);
    const text = await call(cloud.app, cloud.admin, 'POST', `/metric/v1/search/resource/instance?filter=${encodeURIComponent('server_group="stack-a" and vcpus>=0 or id=nope')}`);
    expect(text.statusCode).toBe(200);
    const bad = await gnocchi('POST', '/search/resource/instance', { near: { server_group: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ code: 400, description: expect.stringContaining('unknown operator') });
  });

  it('hides another project\'s instances from a member and answers 404 in Gnocchi\'s shape', async () => {
    const id = await bootActive(cloud.admin);
    const list = await gnocchi('GET', '/resource/instance', undefined, cloud.demo);
    expect(list.json().map((r: { id: string }) => r.id)).not.toContain(id);
    const shown = await gnocchi('GET', `/resource/instance/${id}`, undefined, cloud.demo);
    expect(shown.statusCode).toBe(404);
    expect(shown.json().description).toContain('does not exist');
  });

  it('needs a token', async () => {
    expect((await call(cloud.app, undefined, 'GET', '/metric/v1/resource/generic')).statusCode).toBe(401);
  });
});

describe('archive policies', () => {
  it('lists the Ceilometer policies with Python timedelta definitions', async () => {
    const policies = (await gnocchi('GET', '/archive_policy')).json();
    expect(policies.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['low', 'medium', 'high', 'bool', 'ceilometer-low', 'ceilometer-low-rate', 'ceilometer-high', 'ceilometer-high-rate']),
    );
    expect((await gnocchi('GET', '/archive_policy/ceilometer-low-rate')).json()).toEqual({
      name: 'ceilometer-low-rate',
      back_window: 0,
      aggregation_methods: ['mean', 'rate:mean'],
      definition: [{ granularity: '0:05:00', points: 8640, timespan: '30 days, 0:00:00' }],
    });
    expect((await gnocchi('GET', '/archive_policy/nope')).statusCode).toBe(404);
  });
});

describe('simulated measures', () => {
  it('idles near 2 % and follows /_emulator/load from the next sample', async () => {
    const id = await bootActive(cloud.demo);
    await cloud.advance(600);
    const idle = (await gnocchi('GET', `/resource/instance/${id}/metric/cpu_util/measures?granularity=60`, undefined, cloud.demo)).json();
    expect(idle.length).toBeGreaterThanOrEqual(9);
    for (const [, g, v] of idle) {
      expect(g).toBe(60);
      expect(v).toBeGreaterThanOrEqual(1.5);
      expect(v).toBeLessThanOrEqual(2.5);
    }
    const load = await control(cloud.app, 'load', { server_id: id, cpu_percent: 100 });
    expect(load.statusCode).toBe(200);
    expect((await cloud.app.inject({ method: 'GET', url: '/_emulator/load' })).json().loads).toEqual([
      expect.objectContaining({ server_id: id, cpu_percent: 100 }),
    ]);
    const since = await nowIso();
    await cloud.advance(300);
    const busy = (
      await gnocchi('GET', `/resource/instance/${id}/metric/cpu_util/measures?granularity=60&start=${since}`, undefined, cloud.demo)
    ).json();
    expect(busy.length).toBeGreaterThanOrEqual(4);
    // The bucket holding `start` began before the load did.
    for (const [, , v] of busy.slice(1)) expect(v).toBeGreaterThanOrEqual(99.5);

    // Without a granularity: the policy's (ceilometer-low, 300 s), means of the samples.
    const policy = (await gnocchi('GET', `/resource/instance/${id}/metric/cpu_util/measures`, undefined, cloud.demo)).json();
    expect(policy.every(([, g]: [string, number]) => g === 300)).toBe(true);
    expect(policy.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a bad load and an unknown server, and takes a sample period', async () => {
    expect((await control(cloud.app, 'load', { server_id: 'x', cpu_percent: 101 })).statusCode).toBe(400);
    expect((await control(cloud.app, 'load', { server_id: 'nope', cpu_percent: 50 })).statusCode).toBe(404);
    expect((await control(cloud.app, 'load/sample-period', { seconds: 0 })).statusCode).toBe(400);
    expect((await control(cloud.app, 'load/sample-period', { seconds: 10 })).json()).toEqual({ sample_period_seconds: 10 });
    const id = await bootActive(cloud.demo);
    await cloud.advance(60);
    const points = (await gnocchi('GET', `/resource/instance/${id}/metric/cpu_util/measures?granularity=10`, undefined, cloud.demo)).json();
    expect(points.length).toBeGreaterThanOrEqual(6);
    expect((await cloud.app.inject({ method: 'GET', url: '/_emulator/load' })).json().sample_period_seconds).toBe(10);
  });

  it('has no samples while the server is stopped (Nova os-stop)', async () => {
    const id = await bootActive(cloud.demo);
    await cloud.advance(300);
    expect((await cloud.nova(cloud.demo, 'POST', `/servers/${id}/action`, { 'os-stop': null })).statusCode).toBe(202);
    await cloud.advance(5);
    const url = `/resource/instance/${id}/metric/cpu_util/measures?granularity=60`;
    const before = (await gnocchi('GET', url, undefined, cloud.demo)).json();
    await cloud.advance(600);
    expect((await gnocchi('GET', url, undefined, cloud.demo)).json()).toEqual(before);
  });

  it('makes cpu the cumulative ns consistent with cpu_util (rate:mean = vcpus × 60 s × util)', async () => {
    const id = await bootActive(cloud.demo);
    await control(cloud.app, 'load', { server_id: id, cpu_percent: 50 });
    await cloud.advance(600);
    const rates = (
      await gnocchi('GET', `/resource/instance/${id}/metric/cpu/measures?granularity=60&aggregation=rate:mean`, undefined, cloud.demo)
    ).json();
    const utils = (await gnocchi('GET', `/resource/instance/${id}/metric/cpu_util/measures?granularity=60`, undefined, cloud.demo)).json();
    const utilAt = new Map(utils.map(([t, , v]: [string, number, number]) => [t, v]));
    expect(rates.length).toBeGreaterThan(5);
    for (const [t, , rate] of rates) expect(rate).toBeCloseTo(2 * 60e9 * ((utilAt.get(t) as number) / 100), -3);
    const missing = await gnocchi('GET', `/resource/instance/${id}/metric/cpu_util/measures?aggregation=max`, undefined, cloud.demo);
    expect(missing.statusCode).toBe(404);
  });

  it('stores posted measures on a new metric and reads them back aggregated', async () => {
    const created = await gnocchi('POST', '/metric', { archive_policy_name: 'low', name: 'temp' });
    expect(created.statusCode).toBe(201);
    const metricId = created.json().id;
    const hour = Math.floor(Date.parse(await nowIso()) / 3_600_000) * 3_600_000;
    const posted = await gnocchi('POST', `/metric/${metricId}/measures`, [
      { timestamp: new Date(hour + 10_000).toISOString().replace('Z', ''), value: 4 },
      { timestamp: (hour + 60_000) / 1000, value: 8 },
    ]);
    expect(posted.statusCode).toBe(202);
    const read = await gnocchi('GET', `/metric/${metricId}/measures?granularity=300`);
    expect(read.json()).toEqual([[new Date(hour).toISOString().replace('.000Z', '+00:00'), 300, 6]]);
    expect((await gnocchi('POST', `/metric/${metricId}/measures`, [{ timestamp: 'soon', value: 1 }])).statusCode).toBe(400);
  });
});

describe('aggregates', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(cloud.dbPath);
  });
  afterAll(async () => store.close());

  it('aggregates rate:mean of cpu across a server group, as aggregateMeasures does for Aodh', async () => {
    // Start at a 300 s bucket boundary: which buckets the load fills must not depend on the wall clock.
    await cloud.advance(300 - ((Date.parse(await nowIso()) / 1000) % 300));
    const a = await bootActive(cloud.demo, 'grp');
    const b = await bootActive(cloud.demo, 'grp');
    await bootActive(cloud.demo, 'other');
    await control(cloud.app, 'load', { server_id: a, cpu_percent: 100 });
    await control(cloud.app, 'load', { server_id: b, cpu_percent: 100 });
    const start = await nowIso();
    await cloud.advance(1200);

    const response = await gnocchi(
      'POST',
      `/aggregates?granularity=300&needed_overlap=0&start=${start}`,
      { operations: '(aggregate rate:mean (metric cpu mean))', search: { '=': { server_group: 'grp' } }, resource_type: 'instance' },
      cloud.demo,
    );
    expect(response.statusCode).toBe(200);
    const aggregated = response.json().measures.aggregated as [string, number, number][];
    expect(aggregated.length).toBeGreaterThanOrEqual(3);
    // A full 300 s bucket at 100 % of 2 vCPUs: 600e9 ns more than the bucket before.
    // The first two buckets (and so the first rate) include time before the load, and the last
    // one is not over yet (fewer samples, so a lower mean): only the full ones in between.
    expect(aggregated.length).toBeGreaterThanOrEqual(4);
    for (const [, g, v] of aggregated.slice(2, -1)) {
      expect(g).toBe(300);
      // 100 % less up to 0.5 % noise per sample.
      expect(v).toBeGreaterThan(597e9);
      expect(v).toBeLessThanOrEqual(600e9);
    }

    const clockState = (await cloud.app.inject({ method: 'GET', url: '/_emulator/clock' })).json();
    const clock = createClock({ mode: 'manual' });
    clock.advance((Date.parse(clockState.now) - clock.now()) / 1000);
    const direct: Cloud = { ...({} as Cloud), store, clock };
    const points = await aggregateMeasures(store, direct, {
      metricName: 'cpu',
      aggregationMethod: 'rate:mean',
      granularity: 300,
      resourceType: 'instance',
      resourceFilter: { '=': { server_group: 'grp' } },
      start,
    });
    expect(points.map((p) => [p.timestamp, p.granularity, p.value])).toEqual(aggregated);

    const byFunction = await aggregateMeasures(store, direct, {
      metricName: 'cpu_util',
      aggregationMethod: 'mean',
      granularity: 60,
      resourceType: 'instance',
      resourceFilter: (r) => r.id === a,
      start,
    });
    expect(byFunction.length).toBeGreaterThan(10);
    expect(byFunction.slice(1).every((p) => p.value >= 99.5 && p.value <= 100)).toBe(true);
  });

  it('answers per-resource series for a metric operation, groups by attribute, and refuses bad operations', async () => {
    const a = await bootActive(cloud.admin, 'g1');
    await cloud.advance(600);
    const perResource = (
      await gnocchi('POST', '/aggregates?granularity=60', { operations: ['metric', 'cpu_util', 'mean'], search: `id=${a}`, resource_type: 'instance' })
    ).json();
    expect(Object.keys(perResource.measures)).toEqual([a]);
    expect(perResource.measures[a].cpu_util.mean.length).toBeGreaterThan(5);

    const grouped = (
      await call(cloud.app, cloud.admin, 'POST', '/metric/v1/aggregates?granularity=60&groupby=server_group', {
        operations: '(aggregate mean (metric cpu_util mean))',
        search: { '=': { server_group: 'g1' } },
        resource_type: 'instance',
      })
    ).json();
    expect(grouped).toEqual([{ group: { server_group: 'g1' }, measures: { measures: { aggregated: expect.any(Array) } } }]);

    const bad = await gnocchi('POST', '/aggregates', { operations: '(rolling mean 2 (metric cpu mean))', search: {} });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().description).toMatch(/not supported/);
  });
});
