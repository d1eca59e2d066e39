import { describe, expect, it } from 'vitest';

import type { MetricSeries } from '../openstack/gnocchi/types';
import { backoffMs, mergeSeries } from './metric-queries';

const m = (minute: number, value: number) => ({ time: `2026-11-21T23:${String(minute).padStart(2, '0')}:00.000Z`, granularity: 60, value });
const cpu = (...measures: ReturnType<typeof m>[]): MetricSeries => ({ key: 'cpu_util', label: 'cpu_util', measures });

describe('mergeSeries', () => {
  it('adds new instants in time order and replaces the value of an instant pushed again', () => {
    const merged = mergeSeries([cpu(m(40, 2), m(41, 3))], [cpu(m(42, 99), m(41, 50))]);
    expect(merged[0]!.measures.map((p) => [p.time.slice(14, 16), p.value])).toEqual([
      ['40', 2],
      ['41', 50],
      ['42', 99],
    ]);
  });

  it('treats the same instant written differently as one point', () => {
    const merged = mergeSeries([cpu(m(40, 2))], [cpu({ time: '2026-11-22T08:40:00+09:00', granularity: 60, value: 7 })]);
    expect(merged[0]!.measures).toHaveLength(1);
    expect(merged[0]!.measures[0]!.value).toBe(7);
  });

  it('appends unknown series, keeps the others untouched and caps the length', () => {
    const current = [cpu(m(40, 2))];
    const merged = mergeSeries(current, [{ key: 'server:a', label: 'a', measures: [m(41, 1), m(40, 5)] }], 1);
    expect(merged.map((s) => s.key)).toEqual(['cpu_util', 'server:a']);
    expect(merged[1]!.measures).toEqual([m(41, 1)]);
    expect(current[0]!.measures).toEqual([m(40, 2)]);
  });
});

describe('backoffMs', () => {
  it('doubles from 1 s to at most 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
