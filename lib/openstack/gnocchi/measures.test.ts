import { describe, expect, it } from 'vitest';

import { useFakeService } from '../fake-service';
import { aggregateByResources, gnocchiClient, measureFromWire, measuresFromWire, seriesByResources, serverCpu } from './measures';

const SERVER = '9a8bcd2e-5f1c-4a4e-b8a0-1d2c3e4f5a6b';
const OTHER = '1b2c3d4e-0000-4000-8000-000000000002';

// GET /v1/resource/instance/{id}/metric/cpu_util/measures without a granularity: every granularity of the
// metric's archive policy (ceilometer-high here), newest granularity first as Gnocchi lists them.
const ALL_GRANULARITIES = [
  ['2026-11-21T22:00:00+00:00', 3600.0, 12.5],
  ['2026-11-21T23:40:00+00:00', 60.0, 3.1],
  ['2026-11-21T23:41:00+00:00', 60.0, 97.4],
  ['2026-11-21T23:41:00+00:00', 1.0, 99.0],
  ['2026-11-21T23:41:01+00:00', 1.0, 98.0],
];

describe('Gnocchi measure converters', () => {
  it('turns a [time, granularity, value] triple into a Measure in UTC', () => {
    expect(measureFromWire(['2026-11-21T23:40:00+00:00', 300.0, 2.04])).toEqual({
      time: '2026-11-21T23:40:00.000Z',
      granularity: 300,
      value: 2.04,
    });
    expect(measureFromWire(['2026-11-22T08:40:00+09:00', 60, 1])?.time).toBe('2026-11-21T23:40:00.000Z');
  });

  it('drops what is not a measure', () => {
    expect(measureFromWire(['not a time', 60, 1])).toBeNull();
    expect(measureFromWire(['2026-11-21T23:40:00+00:00', 60, null])).toBeNull();
    expect(measureFromWire({ timestamp: '2026-11-21T23:40:00+00:00' })).toBeNull();
    expect(measuresFromWire({ error: 'x' })).toEqual([]);
  });

  it('keeps the asked granularity when present, else the finest, oldest first', () => {
    expect(measuresFromWire(ALL_GRANULARITIES, 60).map((m) => m.value)).toEqual([3.1, 97.4]);
    expect(measuresFromWire(ALL_GRANULARITIES).map((m) => m.value)).toEqual([99.0, 98.0]);
    expect(measuresFromWire(ALL_GRANULARITIES, 300).map((m) => m.granularity)).toEqual([1, 1]);
    const shuffled = [ALL_GRANULARITIES[2], ALL_GRANULARITIES[1]];
    expect(measuresFromWire(shuffled).map((m) => m.value)).toEqual([3.1, 97.4]);
  });
});

describe('serverCpu', () => {
  const fake = useFakeService();

  it("reads the instance's cpu_util at the asked granularity from a start", async () => {
    fake.on(`GET /v1/resource/instance/${SERVER}/metric/cpu_util/measures`, { status: 200, body: ALL_GRANULARITIES.slice(1, 3) });
    const measures = await serverCpu(gnocchiClient(fake.url, 'tok'), SERVER, { start: '2026-11-21T23:00:00.000Z', granularity: 60 });
    expect(measures).toHaveLength(2);
    const sent = new URL(fake.requests[0]!.url, fake.url);
    expect(sent.searchParams.get('start')).toBe('2026-11-21T23:00:00.000Z');
    expect(sent.searchParams.get('granularity')).toBe('60');
    expect(fake.requests[0]!.headers['x-auth-token']).toBe('tok');
  });

  it("falls back to the archive policy's granularities when the asked one does not exist", async () => {
    fake.on(`GET /v1/resource/instance/${SERVER}/metric/cpu_util/measures`, (request) =>
      request.url.includes('granularity=')
        ? { status: 404, body: { description: `Granularity '60.0' for metric ${SERVER} does not exist` } }
        : { status: 200, body: [['2026-11-21T23:40:00+00:00', 300.0, 4.5]] },
    );
    const measures = await serverCpu(gnocchiClient(fake.url, 'tok'), SERVER, { granularity: 60 });
    expect(measures).toEqual([{ time: '2026-11-21T23:40:00.000Z', granularity: 300, value: 4.5 }]);
    expect(fake.requests).toHaveLength(2);
  });

  it('passes other errors on (a server without metrics is 404 from Gnocchi)', async () => {
    fake.on(`GET /v1/resource/instance/${SERVER}/metric/cpu_util/measures`, {
      status: 404,
      body: { description: `Resource ${SERVER} does not exist` },
    });
    await expect(serverCpu(gnocchiClient(fake.url, 'tok'), SERVER, { granularity: 60 })).rejects.toMatchObject({
      status: 404,
      service: 'metric',
    });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('aggregates across resources', () => {
  const fake = useFakeService();

  it("posts Aodh's by-resources operation with the parsed search and reads the aggregated series", async () => {
    fake.on('POST /v1/aggregates', {
      status: 200,
      body: { measures: { aggregated: [['2026-11-21T23:41:00+00:00', 60.0, 51.2], ['2026-11-21T23:40:00+00:00', 60.0, 2.5]] } },
    });
    const measures = await aggregateByResources(gnocchiClient(fake.url, 'tok'), {
      metric: 'cpu',
      aggregation: 'rate:mean',
      query: '{"=": {"server_group": "stack-1"}}',
      start: '2026-11-21T23:00:00.000Z',
      granularity: 60,
    });
    expect(measures.map((m) => m.value)).toEqual([2.5, 51.2]);
    const request = fake.requests[0]!;
    expect(JSON.parse(request.body)).toEqual({
      operations: '(aggregate rate:mean (metric cpu mean))',
      search: { '=': { server_group: 'stack-1' } },
      resource_type: 'instance',
    });
    const sent = new URL(request.url, fake.url);
    expect(sent.searchParams.get('granularity')).toBe('60');
    expect(sent.searchParams.get('needed_overlap')).toBe('0');
  });

  it("reads each member's series from the grouped tree", async () => {
    fake.on('POST /v1/aggregates', {
      status: 200,
      body: {
        measures: {
          [SERVER]: { cpu_util: { mean: [['2026-11-21T23:40:00+00:00', 60.0, 99.5]] } },
          [OTHER]: { cpu_util: { mean: [] } },
        },
      },
    });
    const series = await seriesByResources(gnocchiClient(fake.url, 'tok'), {
      metric: 'cpu_util',
      query: { '=': { server_group: 'stack-1' } },
      granularity: 60,
    });
    expect(JSON.parse(fake.requests[0]!.body).operations).toBe('(metric cpu_util mean)');
    expect(series.get(SERVER)).toEqual([{ time: '2026-11-21T23:40:00.000Z', granularity: 60, value: 99.5 }]);
    expect(series.get(OTHER)).toEqual([]);
  });
});
