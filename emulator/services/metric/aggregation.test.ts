// Gnocchi's arithmetic: buckets, rate: methods, and combining series as the aggregates API does.

import { describe, expect, it } from 'vitest';
import { aggregateSeries, crossAggregate } from './aggregation';
import { checkQuery, matchesQuery } from './search-query';

const minute = (n: number) => n * 60_000;

describe('aggregateSeries', () => {
  const points = [
    { t: minute(1), v: 10 },
    { t: minute(2), v: 30 },
    { t: minute(6), v: 60 },
    { t: minute(7), v: 100 },
  ];

  it('groups points into granularity buckets with mean, max, count', () => {
    expect(aggregateSeries(points, 300, 'mean')).toEqual([
      { timestamp: 0, granularity: 300, value: 20 },
      { timestamp: minute(5), granularity: 300, value: 80 },
    ]);
    expect(aggregateSeries(points, 300, 'max').map((m) => m.value)).toEqual([30, 100]);
    expect(aggregateSeries(points, 300, 'count').map((m) => m.value)).toEqual([2, 2]);
  });

  it('rate:mean differences consecutive points first, each at the later time', () => {
    // Differences: 20 @2, 30 @6, 40 @7.
    expect(aggregateSeries(points, 300, 'rate:mean')).toEqual([
      { timestamp: 0, granularity: 300, value: 20 },
      { timestamp: minute(5), granularity: 300, value: 35 },
    ]);
    expect(aggregateSeries(points, 60, 'rate:max').map((m) => m.value)).toEqual([20, 30, 40]);
  });

  it('std is the sample deviation and leaves out single-point buckets', () => {
    expect(aggregateSeries([{ t: 0, v: 1 }, { t: 1000, v: 3 }, { t: minute(5), v: 9 }], 300, 'std')).toEqual([
      { timestamp: 0, granularity: 300, value: Math.SQRT2 },
    ]);
  });
});

describe('crossAggregate', () => {
  const a = [
    { timestamp: 0, granularity: 60, value: 100 },
    { timestamp: minute(1), granularity: 60, value: 160 },
    { timestamp: minute(2), granularity: 60, value: 260 },
  ];
  const b = [
    { timestamp: minute(1), granularity: 60, value: 1000 },
    { timestamp: minute(2), granularity: 60, value: 1020 },
  ];

  it('means the series at each timestamp, any overlap by default', () => {
    expect(crossAggregate([a, b], 'mean').map((m) => m.value)).toEqual([100, 580, 640]);
    expect(crossAggregate([a, b], 'mean', 100).map((m) => m.timestamp)).toEqual([minute(1), minute(2)]);
  });

  it('rate:mean means the per-series rates', () => {
    // a rates: 60 @1, 100 @2; b rates: 20 @2.
    expect(crossAggregate([a, b], 'rate:mean')).toEqual([
      { timestamp: minute(1), granularity: 60, value: 60 },
      { timestamp: minute(2), granularity: 60, value: 60 },
    ]);
  });
});

describe('search queries', () => {
  const resource = { id: 'x', server_group: 'stack-1', project_id: 'p1', display_name: 'web-01', vcpus: 2 };

  it('matches =, eq, like, and, or, not', () => {
    expect(matchesQuery(resource, checkQuery({ '=': { server_group: 'stack-1' } }))).toBe(true);
    expect(matchesQuery(resource, checkQuery({ eq: { server_group: 'stack-2' } }))).toBe(false);
    expect(matchesQuery(resource, checkQuery({ like: { display_name: 'web-%' } }))).toBe(true);
    expect(
      matchesQuery(resource, checkQuery({ and: [{ '=': { project_id: 'p1' } }, { or: [{ '=': { id: 'y' } }, { '>=': { vcpus: 2 } }] }] })),
    ).toBe(true);
    expect(matchesQuery(resource, checkQuery({ not: { '=': { project_id: 'p1' } } }))).toBe(false);
  });

  it('refuses an unknown operator with a 400', () => {
    expect(() => checkQuery({ near: { a: 1 } })).toThrow(/unknown operator/);
    expect(() => checkQuery({ and: [] })).toThrow(/non-empty/);
  });
});
