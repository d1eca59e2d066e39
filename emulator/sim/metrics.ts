// The CPU metric simulation (decision 012): every running instance yields one sample per period
// (60 s by default), computed on read from its start time and its load history, never stored.
// cpu_util is the load (or ~2% idle noise); cpu is the cumulative CPU time in ns consistent with
// it (vcpus × period × util), so Gnocchi's rate:mean over cpu gives back the utilisation.

export const SAMPLE_PERIOD_S = 60;
/** Utilisation of an instance nobody has put load on, before noise. */
export const IDLE_PERCENT = 2;

/** A load set through /_emulator/load, in effect from `sinceMs` until the next one. */
export interface LoadSegment {
  sinceMs: number;
  cpuPercent: number;
}

export interface SimulatedInstance {
  id: string;
  startedMs: number;
  /** When the server was deleted; samples stop there. */
  endedMs: number | null;
  vcpus: number;
  memoryMb: number;
  /** Sorted by sinceMs. */
  loads: readonly LoadSegment[];
  /** Seconds between samples; SAMPLE_PERIOD_S unless the control API changed it. */
  periodS?: number;
  /** When the server was stopped, paused or suspended (toMs null: still is); no samples then. */
  offPeriods?: readonly { fromMs: number; toMs: number | null }[];
}

/** Nova's instance actions that power a server off, and those that bring it back. */
const OFF_ACTIONS = new Set(['stop', 'pause', 'suspend']);
const ON_ACTIONS = new Set(['start', 'unpause', 'resume', 'reboot']);

/** Off periods from a server's power actions (oldest first, each at its finish time). */
export function offPeriodsOf(actions: readonly { action: string; atMs: number }[]): { fromMs: number; toMs: number | null }[] {
  const periods: { fromMs: number; toMs: number | null }[] = [];
  let off: number | null = null;
  for (const { action, atMs } of actions) {
    if (OFF_ACTIONS.has(action) && off === null) off = atMs;
    else if (ON_ACTIONS.has(action) && off !== null) {
      periods.push({ fromMs: off, toMs: atMs });
      off = null;
    }
  }
  if (off !== null) periods.push({ fromMs: off, toMs: null });
  return periods;
}

export const POWER_ACTIONS: readonly string[] = [...OFF_ACTIONS, ...ON_ACTIONS];

function isOff(instance: SimulatedInstance, t: number): boolean {
  return (instance.offPeriods ?? []).some((p) => p.fromMs <= t && (p.toMs === null || t < p.toMs));
}

export interface RawPoint {
  /** Epoch ms. */
  t: number;
  v: number;
}

export const SIMULATED_METRICS = ['cpu', 'cpu_util', 'vcpus', 'memory.usage'] as const;
export type SimulatedMetricName = (typeof SIMULATED_METRICS)[number];

export const SIMULATED_METRIC_UNITS: Record<SimulatedMetricName, string> = {
  cpu: 'ns',
  cpu_util: '%',
  vcpus: 'vcpu',
  'memory.usage': 'MB',
};

/** A deterministic number in [0, 1) from an instance id and a sample index (FNV-1a, then mixed). */
export function noise(id: string, index: number): number {
  let h = 0x811c9dc5;
  const text = `${id}#${index}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 0x1_0000_0000;
}

function loadAt(loads: readonly LoadSegment[], t: number): number | undefined {
  let current: number | undefined;
  for (const segment of loads) {
    if (segment.sinceMs > t) break;
    current = segment.cpuPercent;
  }
  return current;
}

/** cpu_util of the sample at index k (time t): the load in effect at t, ±0.5 % noise, within 0-100. */
export function utilisation(instance: SimulatedInstance, k: number, t: number): number {
  const base = loadAt(instance.loads, t) ?? IDLE_PERCENT;
  const value = base + (noise(instance.id, k) - 0.5);
  return Math.round(Math.min(100, Math.max(0, value)) * 1000) / 1000;
}

/** The first sample time: the first period boundary after the instance started. */
function firstSample(instance: SimulatedInstance, periodMs: number): number {
  return Math.floor(instance.startedMs / periodMs) * periodMs + periodMs;
}

/**
 * The instance's raw samples of one metric with fromMs <= t <= toMs (both clipped to the
 * instance's life and to nowMs). cpu sums from the first sample, so its cost grows with age.
 */
export function simulatedSeries(
  instance: SimulatedInstance,
  metric: SimulatedMetricName,
  fromMs: number,
  toMs: number,
  nowMs: number,
  periodS = instance.periodS ?? SAMPLE_PERIOD_S,
): RawPoint[] {
  const periodMs = periodS * 1000;
  const first = firstSample(instance, periodMs);
  const last = Math.min(toMs, nowMs, instance.endedMs ?? Number.POSITIVE_INFINITY);
  const points: RawPoint[] = [];
  if (last < first) return points;
  const startK = metric === 'cpu' ? 0 : Math.max(0, Math.ceil((fromMs - first) / periodMs));
  let cumulative = 0;
  for (let k = startK; first + k * periodMs <= last; k++) {
    const t = first + k * periodMs;
    if (isOff(instance, t)) continue;
    let value: number;
    switch (metric) {
      case 'cpu_util':
        value = utilisation(instance, k, t);
        break;
      case 'cpu':
        cumulative += Math.round(instance.vcpus * periodS * (utilisation(instance, k, t) / 100) * 1e9);
        value = cumulative;
        break;
      case 'vcpus':
        value = instance.vcpus;
        break;
      case 'memory.usage':
        value = Math.round(instance.memoryMb * (0.25 + 0.05 * noise(instance.id, k)));
        break;
    }
    if (t >= fromMs) points.push({ t, v: value });
  }
  return points;
}
