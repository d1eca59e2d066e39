import type { Alarm, AlarmChange } from '../openstack/aodh/types';
import type { Measure, MetricSeries } from '../openstack/gnocchi/types';
import type { StackEvent, StackResource } from '../openstack/heat/types';

/**
 * The stack page's group chart, as plain data: which resources are the group's members, the member count
 * over time from the group's nested stack events, markers where alarms fired and policies were signalled,
 * and the alarms' thresholds on the cpu_util percentage scale. No I/O here: lib/bff/metrics-group.ts reads.
 */

export const GROUP_TYPES = new Set(['OS::Heat::AutoScalingGroup', 'AWS::AutoScaling::AutoScalingGroup']);
export const ALARM_TYPES = new Set([
  'OS::Aodh::Alarm',
  'OS::Ceilometer::Alarm',
  'OS::Aodh::GnocchiAggregationByResourcesAlarm',
  'OS::Aodh::GnocchiAggregationByMetricsAlarm',
  'OS::Aodh::GnocchiResourcesAlarm',
]);
const SERVER_TYPES = new Set(['OS::Nova::Server', 'AWS::EC2::Instance']);

export interface GroupThreshold {
  alarmId: string;
  alarmName: string;
  state: Alarm['state'];
  operator: Alarm['rule']['comparisonOperator'];
  threshold: number;
  metric: string | null;
  /** The threshold as a cpu_util percentage (per vCPU for rates of `cpu`); null when it has no such reading. */
  percent: number | null;
}

export interface GroupMarker {
  time: string;
  kind: 'alarm' | 'scaled';
  /** The alarm or the scaling policy. */
  name: string;
  reason: string;
}

export interface GroupMember {
  serverId: string;
  name: string;
}

export interface GroupMetricsView {
  group: { name: string; physicalId: string } | null;
  members: GroupMember[];
  /** 'aggregate' (mean cpu_util), 'members' (count, right axis) and 'server:<id>' per member. */
  series: MetricSeries[];
  thresholds: GroupThreshold[];
  markers: GroupMarker[];
}

export const emptyGroupView = (): GroupMetricsView => ({ group: null, members: [], series: [], thresholds: [], markers: [] });

/** The stack's first autoscaling group, preferring one of the stack itself over a nested one. */
export function findGroup(resources: readonly StackResource[]): StackResource | null {
  const groups = resources.filter((r) => GROUP_TYPES.has(r.type));
  return groups.find((r) => r.parentResource === null) ?? groups[0] ?? null;
}

/**
 * The servers below a group: a resource listed with nested_depth names the resource of the parent stack that
 * owns its stack (parentResource), whose physical id is that stack's id; walking up from a server must reach
 * the group.
 */
export function memberServers(resources: readonly StackResource[], group: StackResource): StackResource[] {
  const owner = (r: StackResource) => resources.find((p) => p.name === r.parentResource && p.physicalId === r.stackId && p !== r);
  return resources.filter((r) => {
    if (!SERVER_TYPES.has(r.type) || !r.physicalId || r.action === 'DELETE') return false;
    let current: StackResource | undefined = r;
    for (let depth = 0; current && depth < 5; depth++) {
      if (current.stackId === group.physicalId) return true;
      current = owner(current);
    }
    return false;
  });
}

/**
 * Member count over time: members created (+1) and deleted (−1) in the group's nested stack, as steps. The
 * nested stack's own events (its physical id is the stack's) are not members.
 */
export function memberCountSeries(events: readonly StackEvent[], groupStackId: string, start: string, end: string | null): Measure[] {
  const startMs = Date.parse(start);
  const sorted = [...events].filter((e) => e.status === 'COMPLETE' && e.physicalId !== groupStackId).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  let count = 0;
  let before = 0;
  const points: Measure[] = [];
  for (const e of sorted) {
    const delta = e.action === 'CREATE' ? 1 : e.action === 'DELETE' ? -1 : 0;
    if (delta === 0) continue;
    count = Math.max(0, count + delta);
    if (Date.parse(e.time) < startMs) before = count;
    else points.push({ time: new Date(Date.parse(e.time)).toISOString(), granularity: 0, value: count });
  }
  const first = { time: new Date(startMs).toISOString(), granularity: 0, value: before };
  const out = before > 0 || points.length === 0 ? [first, ...points] : points;
  const last = out[out.length - 1];
  if (end && last && Date.parse(end) > Date.parse(last.time)) out.push({ time: new Date(Date.parse(end)).toISOString(), granularity: 0, value: last.value });
  return out;
}

/** Where a scaling policy was signalled (Heat's SIGNAL_COMPLETE events on the policy resource). */
export function scaleMarkers(events: readonly StackEvent[], start: string): GroupMarker[] {
  const startMs = Date.parse(start);
  return events
    .filter((e) => e.action === 'SIGNAL' && e.status === 'COMPLETE' && Date.parse(e.time) >= startMs)
    .map((e) => ({ time: new Date(Date.parse(e.time)).toISOString(), kind: 'scaled' as const, name: e.resourceName, reason: e.reason }));
}

/** Where an alarm went to the alarm state (its history's state transitions). */
export function alarmMarkers(alarm: Alarm, changes: readonly AlarmChange[], start: string): GroupMarker[] {
  const startMs = Date.parse(start);
  return changes
    .filter((c) => c.type === 'state transition' && Date.parse(c.timestamp) >= startMs)
    .filter((c) => (c.detail as { state?: unknown } | null)?.state === 'alarm')
    .map((c) => ({
      time: new Date(Date.parse(c.timestamp)).toISOString(),
      kind: 'alarm' as const,
      name: alarm.name,
      reason: String((c.detail as { transition_reason?: unknown }).transition_reason ?? ''),
    }));
}

/**
 * An alarm's threshold on the chart's scale: cpu_util thresholds are percentages already; a rate of the
 * cumulative `cpu` (ns of CPU time per granularity) becomes a percentage of one vCPU.
 */
export function thresholdOf(alarm: Alarm): GroupThreshold {
  const rule = alarm.rule;
  const metric = rule.metric ?? rule.meterName;
  let percent: number | null = null;
  if (metric === 'cpu_util') percent = rule.threshold;
  else if (metric === 'cpu' && rule.aggregationMethod?.startsWith('rate:') && rule.granularity) {
    percent = Number(((rule.threshold / (rule.granularity * 1e9)) * 100).toFixed(2));
  }
  return {
    alarmId: alarm.id,
    alarmName: alarm.name,
    state: alarm.state,
    operator: rule.comparisonOperator,
    threshold: rule.threshold,
    metric,
    percent,
  };
}

export const sortMarkers = (markers: GroupMarker[]): GroupMarker[] => markers.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
