// Gnocchi's arithmetic over time series: raw points grouped into granularity buckets with an
// aggregation method ("rate:" methods first take the difference between consecutive raw points),
// and several series combined into one per timestamp, as the aggregates API does.

import type { RawPoint } from '../../sim/metrics';

export interface Measure {
  /** Bucket start, epoch ms. */
  timestamp: number;
  /** Seconds. */
  granularity: number;
  value: number;
}

const BASE_METHODS = ['mean', 'min', 'max', 'sum', 'count', 'first', 'last', 'std', 'median'] as const;
export type BaseMethod = (typeof BASE_METHODS)[number];

/** Every method this emulator aggregates with: the base ones and their rate: forms. */
export const AGGREGATION_METHODS: readonly string[] = [...BASE_METHODS, ...BASE_METHODS.map((m) => `rate:${m}`)];

export function isAggregationMethod(method: string): boolean {
  return AGGREGATION_METHODS.includes(method);
}

function parseMethod(method: string): { rate: boolean; base: BaseMethod } {
  const rate = method.startsWith('rate:');
  const base = (rate ? method.slice(5) : method) as BaseMethod;
  if (!BASE_METHODS.includes(base)) throw new RangeError(`unknown aggregation method ${method}`);
  return { rate, base };
}

/** One aggregation method over a non-empty list of values. */
export function reduce(base: BaseMethod, values: readonly number[]): number {
  switch (base) {
    case 'mean':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'count':
      return values.length;
    case 'first':
      return values[0] as number;
    case 'last':
      return values[values.length - 1] as number;
    case 'median': {
      const sorted = [...values].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
    }
    case 'std': {
      // Sample standard deviation, as pandas/numpy with ddof=1 (Gnocchi); undefined for one value.
      if (values.length < 2) return Number.NaN;
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    }
  }
}

/** The differences between consecutive points, each at the later point's time. */
export function differences(points: readonly RawPoint[]): RawPoint[] {
  const out: RawPoint[] = [];
  for (let i = 1; i < points.length; i++) {
    out.push({ t: (points[i] as RawPoint).t, v: (points[i] as RawPoint).v - (points[i - 1] as RawPoint).v });
  }
  return out;
}

/** Raw points (sorted by time) → one measure per non-empty bucket of `granularity` seconds. */
export function aggregateSeries(points: readonly RawPoint[], granularity: number, method: string): Measure[] {
  const { rate, base } = parseMethod(method);
  const input = rate ? differences(points) : points;
  const bucketMs = granularity * 1000;
  const buckets = new Map<number, number[]>();
  for (const point of input) {
    const start = Math.floor(point.t / bucketMs) * bucketMs;
    const values = buckets.get(start);
    if (values) values.push(point.v);
    else buckets.set(start, [point.v]);
  }
  const out: Measure[] = [];
  for (const [timestamp, values] of buckets) {
    const value = reduce(base, values);
    if (!Number.isNaN(value)) out.push({ timestamp, granularity, value });
  }
  return out.sort((a, b) => a.timestamp - b.timestamp);
}

/**
 * Several series of one granularity → one, as `(aggregate <method> ...)`: a rate: method first
 * differences each series, then the base method combines the values at each timestamp. With
 * neededOverlap 100 only timestamps every series has are kept; with 0 any timestamp is.
 */
export function crossAggregate(series: readonly Measure[][], method: string, neededOverlap = 0): Measure[] {
  const { rate, base } = parseMethod(method);
  const byTime = new Map<number, { granularity: number; values: number[] }>();
  let contributing = 0;
  for (const one of series) {
    const input = rate
      ? differences(one.map((m) => ({ t: m.timestamp, v: m.value }))).map((p) => ({
          timestamp: p.t,
          granularity: one[0]?.granularity ?? 0,
          value: p.v,
        }))
      : one;
    if (input.length > 0) contributing++;
    for (const measure of input) {
      const slot = byTime.get(measure.timestamp);
      if (slot) slot.values.push(measure.value);
      else byTime.set(measure.timestamp, { granularity: measure.granularity, values: [measure.value] });
    }
  }
  const out: Measure[] = [];
  for (const [timestamp, { granularity, values }] of byTime) {
    if (neededOverlap > 0 && (values.length * 100) / Math.max(1, contributing) < neededOverlap) continue;
    const value = reduce(base, values);
    if (!Number.isNaN(value)) out.push({ timestamp, granularity, value });
  }
  return out.sort((a, b) => a.timestamp - b.timestamp);
}
