import 'server-only';

import { type ServiceClient, query, serviceClient } from '../service-client';
import type { Alarm, AlarmChange, AlarmChangeType, AlarmRule, AlarmSeverity, AlarmState } from './types';

/**
 * Aodh v2. The catalog names the unversioned root (devstack :8042, the embedded cloud /alarming); every
 * call lives under /v2. Each alarm type keeps its rule under `<type>_rule`.
 */
export function aodhClient(baseUrl: string, token: string): ServiceClient {
  return serviceClient({ service: 'alarming', baseUrl: `${baseUrl.replace(/\/+$/, '').replace(/\/v2$/, '')}/v2`, token });
}

type Wire = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const nullableText = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const numberOrNull = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
};
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Aodh prints times without a zone; they are UTC. */
export function aodhTime(value: unknown): string {
  const raw = text(value);
  if (raw === '') return '';
  return /(Z|[+-]\d\d:?\d\d)$/.test(raw) ? raw : `${raw}Z`;
}

const OPERATORS = ['lt', 'le', 'eq', 'ne', 'ge', 'gt'] as const;
const STATES: AlarmState[] = ['ok', 'alarm', 'insufficient data'];
const SEVERITIES: AlarmSeverity[] = ['low', 'moderate', 'critical'];

/** The rule object of the alarm's type (`<type>_rule`), or Aodh's older flat `rule`. */
export function ruleWireOf(w: Wire): Wire {
  const typed = w[`${text(w.type)}_rule`];
  if (typed && typeof typed === 'object') return typed as Wire;
  return w.rule && typeof w.rule === 'object' ? (w.rule as Wire) : {};
}

export function ruleFromWire(rule: Wire): AlarmRule {
  const operator = text(rule.comparison_operator);
  const query = rule.query;
  return {
    meterName: nullableText(rule.meter_name),
    metric: nullableText(rule.metric),
    metrics: strings(rule.metrics),
    resourceType: nullableText(rule.resource_type),
    resourceId: nullableText(rule.resource_id),
    // by_resources keeps a JSON string; the legacy type a list of {field, op, value}, kept as JSON text.
    query: typeof query === 'string' ? query : Array.isArray(query) && query.length > 0 ? JSON.stringify(query) : null,
    comparisonOperator: (OPERATORS as readonly string[]).includes(operator) ? (operator as AlarmRule['comparisonOperator']) : 'eq',
    threshold: numberOrNull(rule.threshold) ?? 0,
    statistic: nullableText(rule.statistic),
    aggregationMethod: nullableText(rule.aggregation_method),
    granularity: numberOrNull(rule.granularity),
    period: numberOrNull(rule.period),
    evaluationPeriods: numberOrNull(rule.evaluation_periods) ?? 1,
  };
}

export function alarmFromWire(wire: unknown): Alarm {
  const w = (wire ?? {}) as Wire;
  const state = text(w.state);
  const severity = text(w.severity);
  return {
    id: text(w.alarm_id ?? w.id),
    name: text(w.name),
    description: text(w.description),
    type: text(w.type),
    state: STATES.includes(state as AlarmState) ? (state as AlarmState) : 'insufficient data',
    stateReason: text(w.state_reason),
    stateTimestamp: aodhTime(w.state_timestamp),
    timestamp: aodhTime(w.timestamp),
    severity: SEVERITIES.includes(severity as AlarmSeverity) ? (severity as AlarmSeverity) : 'low',
    enabled: w.enabled !== false,
    repeatActions: w.repeat_actions === true,
    alarmActions: strings(w.alarm_actions),
    okActions: strings(w.ok_actions),
    insufficientDataActions: strings(w.insufficient_data_actions),
    rule: ruleFromWire(ruleWireOf(w)),
    projectId: text(w.project_id),
    userId: text(w.user_id),
  };
}

const CHANGE_TYPES: AlarmChangeType[] = ['creation', 'rule change', 'state transition', 'deletion', 'action'];

export function changeFromWire(wire: unknown): AlarmChange {
  const w = (wire ?? {}) as Wire;
  let detail: unknown = w.detail ?? null;
  if (typeof detail === 'string') {
    try {
      detail = JSON.parse(detail);
    } catch {
      // Kept as text: not every Aodh detail is JSON.
    }
  }
  const type = text(w.type);
  return {
    eventId: text(w.event_id),
    type: CHANGE_TYPES.includes(type as AlarmChangeType) ? (type as AlarmChangeType) : 'action',
    timestamp: aodhTime(w.timestamp),
    detail,
    userId: nullableText(w.user_id),
  };
}

const alarmPath = (id: string) => `/alarms/${encodeURIComponent(id)}`;

/** The project's alarms (Aodh scopes the list to the token's project unless the caller is admin and asks). */
export async function listAlarms(aodh: ServiceClient, filters: { state?: AlarmState; type?: string } = {}): Promise<Alarm[]> {
  const fields = Object.entries(filters).filter(([, value]) => value !== undefined && value !== '');
  const { body } = await aodh.call<unknown[]>(
    `/alarms${query({ 'q.field': fields.map(([f]) => f), 'q.op': fields.map(() => 'eq'), 'q.value': fields.map(([, v]) => String(v)) })}`,
  );
  return (Array.isArray(body) ? body : []).map(alarmFromWire);
}

/** The alarm as Aodh sends it: the base for a full PUT that keeps fields Zenith does not model. */
export async function getAlarmWire(aodh: ServiceClient, id: string): Promise<Wire> {
  const { body } = await aodh.call<Wire>(alarmPath(id));
  return body ?? {};
}

export async function getAlarm(aodh: ServiceClient, id: string): Promise<Alarm> {
  return alarmFromWire(await getAlarmWire(aodh, id));
}

/** POST /v2/alarms with an Aodh body ({name, type, <type>_rule, …}). */
export async function createAlarm(aodh: ServiceClient, body: Wire): Promise<Alarm> {
  const { body: created } = await aodh.call<Wire>('/alarms', { method: 'POST', body });
  return alarmFromWire(created);
}

/** PUT /v2/alarms/{id}: Aodh replaces the whole alarm. */
export async function replaceAlarm(aodh: ServiceClient, id: string, body: Wire): Promise<Alarm> {
  const { body: updated } = await aodh.call<Wire>(alarmPath(id), { method: 'PUT', body });
  return alarmFromWire(updated);
}

/** Fields Aodh computes; they are left out of a PUT body. */
const READ_ONLY = ['alarm_id', 'timestamp', 'state_timestamp', 'state_reason', 'project_id', 'user_id'];

/**
 * Aodh has no PATCH for alarms: read the alarm, merge the changed top-level fields and rule fields, and PUT
 * the whole of it back, keeping what Zenith does not model (time constraints, legacy queries). With
 * replaceRule the rule is the one given, not merged (the form sends every field of its type).
 */
export async function patchAlarm(aodh: ServiceClient, id: string, patch: { fields?: Wire; rule?: Wire; replaceRule?: boolean }): Promise<Alarm> {
  const current = await getAlarmWire(aodh, id);
  const type = text(patch.fields?.type ?? current.type);
  const oldRule = text(current.type) === type && !patch.replaceRule ? ruleWireOf(current) : {};
  const next: Wire = Object.fromEntries(Object.entries(current).filter(([key]) => !READ_ONLY.includes(key) && !key.endsWith('_rule')));
  Object.assign(next, patch.fields ?? {});
  next[`${type}_rule`] = { ...oldRule, ...(patch.rule ?? {}) };
  return replaceAlarm(aodh, id, next);
}

export async function deleteAlarm(aodh: ServiceClient, id: string): Promise<void> {
  await aodh.call(alarmPath(id), { method: 'DELETE' });
}

/** The alarm's changes as Aodh lists them (newest first). */
export async function alarmHistory(aodh: ServiceClient, id: string, limit?: number): Promise<AlarmChange[]> {
  const { body } = await aodh.call<unknown[]>(`${alarmPath(id)}/history${query({ limit })}`);
  return (Array.isArray(body) ? body : []).map(changeFromWire);
}
