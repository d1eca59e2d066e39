// Aodh's threshold evaluator on the simulation clock. Each enabled alarm is evaluated every
// interval of simulated time since its last evaluation (or its creation); evaluations are
// run lazily, when asked to settle (see docs/decisions/013-alarm-evaluator.md).

import type { Alarm, AlarmState } from '../store/schema';
import type { Repositories } from '../store/open-store';
import { recordChange } from '../services/alarming/alarm-history';
import { formatIsoMicros } from './clock';

export const EVALUATION_INTERVAL_SECONDS = 60;
/** A long clock jump evaluates only this many most recent intervals per alarm. */
export const MAX_CATCH_UP_EVALUATIONS = 60;
/** Aodh widens the window by this many periods for late measures. */
const LOOK_BACK = 1;

export interface AlarmNotification {
  alarm_name: string;
  alarm_id: string;
  severity: string;
  previous: AlarmState;
  current: AlarmState;
  reason: string;
  reason_data: Record<string, unknown>;
}

/** Delivers one action (a URL of the new state's action list). */
export type AlarmActionSender = (url: string, notification: AlarmNotification, alarm: Alarm) => Promise<void>;

/** The datapoints of the alarm's rule within [start, stop), oldest first (epoch ms). */
export type AlarmMeasureReader = (repos: Repositories, alarm: Alarm, window: { start: number; stop: number }) => Promise<number[]>;

export interface EvaluatorDeps {
  repos: Repositories;
  /** Current simulated time, epoch ms. */
  now: () => number;
  measures: AlarmMeasureReader;
  send: AlarmActionSender;
  intervalSeconds?: number;
}

export interface Decision {
  state: AlarmState;
  reason: string;
  reasonData: Record<string, unknown>;
}

const OPERATORS: Record<string, (value: number, threshold: number) => boolean> = {
  lt: (v, t) => v < t,
  le: (v, t) => v <= t,
  eq: (v, t) => v === t,
  ne: (v, t) => v !== t,
  ge: (v, t) => v >= t,
  gt: (v, t) => v > t,
};

/** Python's repr of a float, as Aodh's reasons print values. */
export function pyFloat(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

/**
 * Aodh's threshold decision over the window's datapoints: too few → insufficient data; all
 * beyond the threshold → alarm; all within → ok; mixed → the trend (the newest point) only
 * when the alarm's state is unknown, else undefined (unchanged).
 */
export function decideState(rule: Record<string, unknown>, values: number[], current: AlarmState): Decision | undefined {
  const periods = Number(rule.evaluation_periods ?? 1);
  const recent = values.slice(-periods);
  const mostRecent = recent.length > 0 ? (recent[recent.length - 1] as number) : null;
  if (recent.length < periods) {
    return {
      state: 'insufficient data',
      reason: `${periods} datapoints are unknown`,
      reasonData: { type: 'threshold', disposition: 'unknown', count: periods, most_recent: mostRecent },
    };
  }
  const compare = OPERATORS[String(rule.comparison_operator ?? 'eq')] ?? OPERATORS.eq!;
  const threshold = Number(rule.threshold);
  const beyond = recent.map((v) => compare(v, threshold));
  const count = recent.length;
  const last = mostRecent as number;
  const transition = (state: AlarmState, disposition: 'outside' | 'inside'): Decision => ({
    state,
    reason: `Transition to ${state} due to ${count} samples ${disposition} threshold, most recent: ${pyFloat(last)}`,
    reasonData: { type: 'threshold', disposition, count, most_recent: last },
  });
  if (beyond.every(Boolean)) return transition('alarm', 'outside');
  if (!beyond.some(Boolean)) return transition('ok', 'inside');
  if (current !== 'insufficient data') return undefined;
  const trend = beyond[beyond.length - 1] ? 'alarm' : 'ok';
  return transition(trend, trend === 'alarm' ? 'outside' : 'inside');
}

function windowOf(alarm: Alarm, at: number): { start: number; stop: number } {
  const rule = alarm.rule;
  const period = Number(alarm.type === 'threshold' ? rule.period : rule.granularity) || 60;
  const periods = Number(rule.evaluation_periods ?? 1);
  return { start: at - period * (periods + LOOK_BACK) * 1000, stop: at };
}

/** Evaluates one alarm as of `at` (epoch ms): records a transition and sends the actions. */
export async function evaluateAlarm(deps: EvaluatorDeps, alarm: Alarm, at: number): Promise<Alarm> {
  const values = await deps.measures(deps.repos, alarm, windowOf(alarm, at));
  const decision = decideState(alarm.rule, values, alarm.state);
  const atIso = formatIsoMicros(at);
  if (decision === undefined || (decision.state === alarm.state && !alarm.repeatActions)) return alarm;
  const previous = alarm.state;
  let next = alarm;
  if (decision.state !== previous) {
    next = { ...alarm, state: decision.state, stateReason: decision.reason, stateTimestamp: atIso };
    await deps.repos.alarms.update(next);
    await recordChange(
      deps.repos,
      next,
      'state transition',
      { state: decision.state, transition_reason: decision.reason, reason_data: decision.reasonData },
      { userId: null, projectId: null },
      atIso,
    );
  }
  const notification: AlarmNotification = {
    alarm_name: next.name,
    alarm_id: next.id,
    severity: next.severity,
    previous,
    current: decision.state,
    reason: decision.reason,
    reason_data: decision.reasonData,
  };
  for (const url of actionsFor(next, decision.state)) {
    try {
      await deps.send(url, notification, next);
    } catch {
      // Aodh logs a failed delivery and carries on; so does the embedded cloud.
    }
  }
  return next;
}

function actionsFor(alarm: Alarm, state: AlarmState): string[] {
  if (state === 'alarm') return alarm.alarmActions;
  if (state === 'ok') return alarm.okActions;
  return alarm.insufficientDataActions;
}

/**
 * Runs every evaluation due by now, oldest first, and returns when the next one is due
 * (epoch ms; Infinity when no alarm is enabled).
 */
export async function evaluateDueAlarms(deps: EvaluatorDeps): Promise<number> {
  const interval = (deps.intervalSeconds ?? EVALUATION_INTERVAL_SECONDS) * 1000;
  const now = deps.now();
  let nextDue = Number.POSITIVE_INFINITY;
  for (const stored of await deps.repos.alarms.listEnabled()) {
    const since = Date.parse(stored.lastEvaluatedAt ?? stored.timestamp);
    const due = Math.floor((now - since) / interval);
    if (due >= 1) {
      let alarm = stored;
      const first = Math.max(1, due - MAX_CATCH_UP_EVALUATIONS + 1);
      for (let k = first; k <= due; k += 1) {
        alarm = await evaluateAlarm(deps, alarm, since + k * interval);
      }
      await deps.repos.alarms.setEvaluated(alarm.id, formatIsoMicros(since + due * interval));
      nextDue = Math.min(nextDue, since + (due + 1) * interval);
    } else {
      nextDue = Math.min(nextDue, since + interval);
    }
  }
  return nextDue;
}
