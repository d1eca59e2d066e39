// Gnocchi's archive policies (the defaults it creates, and the ones Ceilometer's upgrade step
// adds) and its archive policy rules. Fixed: this emulator does not create or delete policies.

export interface ArchivePolicyDefinition {
  /** Seconds. */
  granularity: number;
  points: number;
}

export interface ArchivePolicy {
  name: string;
  back_window: number;
  aggregation_methods: string[];
  definition: ArchivePolicyDefinition[];
}

const DEFAULT_METHODS = ['std', 'count', 'min', 'max', 'sum', 'mean'];
const HOUR = 3600;
const DAY = 24 * HOUR;

const def = (granularity: number, timespan: number): ArchivePolicyDefinition => ({
  granularity,
  points: timespan / granularity,
});

export const ARCHIVE_POLICIES: readonly ArchivePolicy[] = [
  { name: 'bool', back_window: 3600, aggregation_methods: ['last'], definition: [def(1, 365 * DAY)] },
  { name: 'ceilometer-high', back_window: 0, aggregation_methods: ['mean'], definition: [def(1, HOUR), def(60, DAY), def(HOUR, 365 * DAY)] },
  {
    name: 'ceilometer-high-rate',
    back_window: 0,
    aggregation_methods: ['mean', 'rate:mean'],
    definition: [def(1, HOUR), def(60, DAY), def(HOUR, 365 * DAY)],
  },
  { name: 'ceilometer-low', back_window: 0, aggregation_methods: ['mean'], definition: [def(300, 30 * DAY)] },
  { name: 'ceilometer-low-rate', back_window: 0, aggregation_methods: ['mean', 'rate:mean'], definition: [def(300, 30 * DAY)] },
  { name: 'high', back_window: 0, aggregation_methods: DEFAULT_METHODS, definition: [def(1, HOUR), def(60, 7 * DAY), def(HOUR, 365 * DAY)] },
  { name: 'low', back_window: 0, aggregation_methods: DEFAULT_METHODS, definition: [def(300, 30 * DAY)] },
  { name: 'medium', back_window: 0, aggregation_methods: DEFAULT_METHODS, definition: [def(60, 7 * DAY), def(HOUR, 365 * DAY)] },
];

export const ARCHIVE_POLICY_RULES = [{ name: 'default', metric_pattern: '*', archive_policy_name: 'ceilometer-low' }];

export function findArchivePolicy(name: string): ArchivePolicy | undefined {
  return ARCHIVE_POLICIES.find((p) => p.name === name);
}

/** Python's str(timedelta): "0:05:00", "30 days, 0:00:00", "1 day, 0:00:00". */
export function timedelta(seconds: number): string {
  const days = Math.floor(seconds / DAY);
  const rest = seconds - days * DAY;
  const h = Math.floor(rest / HOUR);
  const m = Math.floor((rest % HOUR) / 60);
  const s = rest % 60;
  const clock = `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return days === 0 ? clock : `${days} day${days === 1 ? '' : 's'}, ${clock}`;
}

export function archivePolicyView(policy: ArchivePolicy) {
  return {
    name: policy.name,
    back_window: policy.back_window,
    aggregation_methods: policy.aggregation_methods,
    definition: policy.definition.map((d) => ({
      granularity: timedelta(d.granularity),
      points: d.points,
      timespan: timedelta(d.granularity * d.points),
    })),
  };
}
