import 'server-only';

import { getAlarm } from '../openstack/aodh/alarms';
import type { Alarm, AlarmChange, AlarmState } from '../openstack/aodh/types';
import { aggregateByResources, gnocchiClient, serverCpu } from '../openstack/gnocchi/measures';
import type { Measure } from '../openstack/gnocchi/types';
import { aodh, loadAlarmHistory } from './alarms';
import type { ScopedContext } from './guard';

/**
 * The metric that drives an alarm, as Aodh evaluates it, with the threshold and the moments the state
 * changed: a resources alarm charts its resource's metric, a by-resources alarm the aggregate of its query.
 */
export interface AlarmMeasuresView {
  metric: string;
  aggregation: string | null;
  threshold: number;
  measures: Measure[];
  transitions: { time: string; state: AlarmState; reason: string }[];
  /** Why nothing can be charted (a type Zenith cannot chart), or null. */
  unsupported: string | null;
}

const WINDOW_BEFORE_CREATION_MS = 10 * 60_000;
const LONGEST_WINDOW_MS = 6 * 3600_000;

/** From a little before the alarm was created, at most six hours before its newest change. */
export function windowStart(alarm: Alarm, changes: AlarmChange[]): string {
  const times = [...changes.map((c) => Date.parse(c.timestamp)), Date.parse(alarm.timestamp), Date.parse(alarm.stateTimestamp)].filter(Number.isFinite);
  if (times.length === 0) return new Date(Date.now() - LONGEST_WINDOW_MS).toISOString();
  const newest = Math.max(...times);
  const start = Math.max(Math.min(...times) - WINDOW_BEFORE_CREATION_MS, newest - LONGEST_WINDOW_MS);
  return new Date(start).toISOString();
}

export function transitionsOf(changes: AlarmChange[]): AlarmMeasuresView['transitions'] {
  return changes
    .filter((c) => c.type === 'state transition' && c.detail && typeof c.detail === 'object')
    .map((c) => {
      const detail = c.detail as Record<string, unknown>;
      return { time: c.timestamp, state: String(detail.state ?? '') as AlarmState, reason: String(detail.transition_reason ?? detail.state_reason ?? '') };
    })
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

export async function loadAlarmMeasures(ctx: ScopedContext, id: string): Promise<AlarmMeasuresView> {
  const [alarm, { changes }] = await Promise.all([getAlarm(aodh(ctx), id), loadAlarmHistory(ctx, id)]);
  const { rule } = alarm;
  const view: AlarmMeasuresView = {
    metric: rule.metric ?? rule.meterName ?? '',
    aggregation: rule.aggregationMethod,
    threshold: rule.threshold,
    measures: [],
    transitions: transitionsOf(changes),
    unsupported: null,
  };
  const gnocchi = gnocchiClient(ctx.endpoint('metric'), ctx.token);
  const window = { start: windowStart(alarm, changes), granularity: rule.granularity ?? undefined };
  if (alarm.type === 'gnocchi_resources_threshold' && rule.resourceId && rule.metric) {
    view.measures =
      rule.metric === 'cpu_util' && rule.resourceType === 'instance' && (rule.aggregationMethod ?? 'mean') === 'mean'
        ? await serverCpu(gnocchi, rule.resourceId, window)
        : await aggregateByResources(gnocchi, {
            ...window,
            metric: rule.metric,
            aggregation: rule.aggregationMethod ?? 'mean',
            query: { '=': { id: rule.resourceId } },
            resourceType: rule.resourceType ?? 'instance',
          });
  } else if (alarm.type === 'gnocchi_aggregation_by_resources_threshold' && rule.metric && rule.query) {
    view.measures = await aggregateByResources(gnocchi, {
      ...window,
      metric: rule.metric,
      aggregation: rule.aggregationMethod ?? 'mean',
      query: rule.query,
      resourceType: rule.resourceType ?? 'instance',
    });
  } else {
    view.unsupported = alarm.type;
  }
  return view;
}
