import type { Measure, MetricSeries } from '@/lib/openstack/gnocchi/types';

/** Pure data building for MetricChart: Chart.js datasets, axis bounds and the accessible table. */

export type ChartAxis = 'left' | 'right';

export interface ChartSeries extends MetricSeries {
  /** 'right' plots against the second axis (e.g. member count). */
  axis?: ChartAxis;
  /** Drawn as steps (counts that change at events). */
  stepped?: boolean;
  color?: string;
}

export interface ThresholdLine {
  value: number;
  label: string;
  color?: string;
}

export interface EventMarker {
  /** ISO 8601. */
  time: string;
  label: string;
  color?: string;
}

export interface ChartPoint {
  x: number;
  y: number;
}

export const SERIES_COLORS = ['#0369a1', '#c2410c', '#15803d', '#7e22ce', '#be123c', '#0f766e', '#a16207', '#4338ca'];

export const toPoints = (measures: readonly Measure[]): ChartPoint[] =>
  measures.map((m) => ({ x: Date.parse(m.time), y: m.value })).filter((p) => Number.isFinite(p.x));

export interface DatasetSpec {
  key: string;
  label: string;
  data: ChartPoint[];
  yAxisID: 'y' | 'y2';
  stepped: boolean;
  color: string;
}

export function buildDatasets(series: readonly ChartSeries[]): DatasetSpec[] {
  return series.map((s, index) => ({
    key: s.key,
    label: s.label,
    data: toPoints(s.measures),
    yAxisID: s.axis === 'right' ? 'y2' : 'y',
    stepped: s.stepped ?? false,
    color: s.color ?? SERIES_COLORS[index % SERIES_COLORS.length]!,
  }));
}

/** The x range covering every point and marker, so markers outside the data still show. */
export function timeBounds(datasets: readonly DatasetSpec[], markers: readonly EventMarker[]): { min: number; max: number } | null {
  const times = [...datasets.flatMap((d) => d.data.map((p) => p.x)), ...markers.map((m) => Date.parse(m.time))].filter(Number.isFinite);
  if (times.length === 0) return null;
  return { min: Math.min(...times), max: Math.max(...times) };
}

/**
 * The left axis' top: for percentages a fixed top of 100 (or the highest value above it); otherwise Chart.js
 * scales to the data, told to reach at least the highest threshold so its line stays on the chart.
 */
export function leftAxisTop(datasets: readonly DatasetSpec[], thresholds: readonly ThresholdLine[], percent: boolean): { max?: number; suggestedMax?: number } {
  const values = [...datasets.filter((d) => d.yAxisID === 'y').flatMap((d) => d.data.map((p) => p.y)), ...thresholds.map((t) => t.value)];
  if (percent) return { max: Math.max(100, ...values) };
  return thresholds.length ? { suggestedMax: Math.max(...thresholds.map((t) => t.value)) * 1.1 } : {};
}

export interface TableRow {
  time: string;
  values: (number | null)[];
}

/** The latest `limit` instants across all series, newest first, each with every series' value then. */
export function latestRows(series: readonly ChartSeries[], limit = 10): TableRow[] {
  const times = [...new Set(series.flatMap((s) => s.measures.map((m) => m.time)))]
    .sort((a, b) => Date.parse(b) - Date.parse(a))
    .slice(0, limit);
  return times.map((time) => ({
    time,
    values: series.map((s) => s.measures.find((m) => m.time === time)?.value ?? null),
  }));
}

/** The newest measure time of all series (for tests and benchmarks watching the chart). */
export function lastTime(series: readonly ChartSeries[]): string | null {
  let best: string | null = null;
  for (const s of series) for (const m of s.measures) if (best === null || Date.parse(m.time) > Date.parse(best)) best = m.time;
  return best;
}

/** Tick labels for a time axis of epoch ms: time of day, with the date when the range spans days. */
export function timeTickFormatter(locale: string, spanMs: number): (value: number) => string {
  const format = new Intl.DateTimeFormat(locale, {
    ...(spanMs > 86_400_000 ? { month: 'short', day: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    ...(spanMs < 600_000 ? { second: '2-digit' } : {}),
  });
  return (value) => format.format(new Date(value));
}
