/**
 * Gnocchi's measures with clean names, shared by the charts, the alarm pages and the BFF's live stream.
 * No 'server-only': the browser renders these shapes.
 */

/** One point: time (ISO 8601), granularity in seconds, value. Gnocchi's wire form is [time, granularity, value]. */
export interface Measure {
  time: string;
  granularity: number;
  value: number;
}

export interface MetricSeries {
  /** What the series measures, e.g. a server id or "aggregate". */
  key: string;
  label: string;
  measures: Measure[];
}
