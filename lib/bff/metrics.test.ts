import { describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import { loadServerCpu, windowStart } from './metrics';

const ID = 'srv-1';
const UTIL = `GET /metric/v1/resource/instance/${ID}/metric/cpu_util/measures`;
const CPU = `GET /metric/v1/resource/instance/${ID}/metric/cpu/measures`;

const fake = useFakeService();

describe('loadServerCpu', () => {
  it("answers the instance's cpu_util of the last hour, a point a minute", async () => {
    fake.on(UTIL, { status: 200, body: [['2026-11-21T23:40:00+00:00', 60.0, 97.5]] });
    const before = Date.now();
    const { series } = await loadServerCpu(fakeScope(fake.url), ID);
    expect(series).toEqual([{ key: 'cpu_util', label: 'cpu_util', measures: [{ time: '2026-11-21T23:40:00.000Z', granularity: 60, value: 97.5 }] }]);
    const sent = new URL(fake.requests[0]!.url, fake.url);
    expect(sent.searchParams.get('granularity')).toBe('60');
    expect(Date.parse(sent.searchParams.get('start')!)).toBeGreaterThanOrEqual(before - 3_600_000);
  });

  it('has no points yet for an instance Gnocchi does not know', async () => {
    fake.on(UTIL, { status: 404, body: { description: `Resource ${ID} does not exist` } });
    expect((await loadServerCpu(fakeScope(fake.url), ID)).series[0]!.measures).toEqual([]);
  });

  it('reads the rate of cpu as a percentage of one vCPU where cpu_util is not published', async () => {
    fake.on(UTIL, { status: 404, body: { description: 'Metric cpu_util does not exist' } });
    fake.on(CPU, { status: 200, body: [['2026-11-21T23:40:00+00:00', 60.0, 30_000_000_000]] });
    const { series } = await loadServerCpu(fakeScope(fake.url), ID, '2026-11-21T23:00:00.000Z');
    expect(series[0]!.measures).toEqual([{ time: '2026-11-21T23:40:00.000Z', granularity: 60, value: 50 }]);
    const sent = new URL(fake.requests[1]!.url, fake.url);
    expect(sent.searchParams.get('aggregation')).toBe('rate:mean');
    expect(sent.searchParams.get('start')).toBe('2026-11-21T23:00:00.000Z');
  });

  it('passes other failures on', async () => {
    fake.on(UTIL, { status: 503, body: { description: 'Service Unavailable' } });
    await expect(loadServerCpu(fakeScope(fake.url), ID)).rejects.toMatchObject({ status: 503, service: 'metric' });
  });

  it('starts the window at since, else an hour ago', () => {
    expect(windowStart('2026-11-21T23:00:00.000Z')).toBe('2026-11-21T23:00:00.000Z');
    expect(windowStart(undefined, Date.parse('2026-11-22T00:00:00Z'))).toBe('2026-11-21T23:00:00.000Z');
  });
});
