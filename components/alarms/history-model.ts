import type { AlarmChange, AlarmState } from '@/lib/openstack/aodh/types';

/**
 * Aodh's history as a timeline: each rule change with what changed (old → new, the old value taken from
 * the alarm as it stood before, since Aodh records only the new values) and each state transition with
 * the state it left and its reason. Newest first.
 */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string;
}

export interface TimelineEntry {
  id: string;
  kind: 'creation' | 'rule' | 'state' | 'deletion' | 'other';
  time: string;
  changes: FieldChange[];
  fromState: AlarmState | null;
  toState: AlarmState | null;
  reason: string;
}

type Flat = Record<string, string>;

const IGNORED = new Set(['timestamp', 'state_timestamp', 'alarm_id', 'project_id', 'user_id']);

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');

/** An alarm's JSON flattened one level into its rule (`gnocchi_resources_threshold_rule.threshold`). */
export function flatten(detail: unknown): Flat {
  const out: Flat = {};
  if (!detail || typeof detail !== 'object' || Array.isArray(detail)) return out;
  for (const [key, value] of Object.entries(detail as Record<string, unknown>)) {
    if (IGNORED.has(key)) continue;
    if (key.endsWith('_rule') && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [sub, inner] of Object.entries(value as Record<string, unknown>)) out[`${key}.${sub}`] = show(inner);
    } else {
      out[key] = show(value);
    }
  }
  return out;
}

const asState = (value: unknown): AlarmState | null =>
  value === 'ok' || value === 'alarm' || value === 'insufficient data' ? value : null;

export function buildTimeline(changes: readonly AlarmChange[]): TimelineEntry[] {
  const oldestFirst = [...changes].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
  let snapshot: Flat = {};
  let state: AlarmState | null = null;
  const entries: TimelineEntry[] = [];
  for (const change of oldestFirst) {
    const detail = (change.detail && typeof change.detail === 'object' ? change.detail : {}) as Record<string, unknown>;
    const base = { id: change.eventId, time: change.timestamp, changes: [] as FieldChange[], fromState: null, toState: null, reason: '' };
    if (change.type === 'creation') {
      snapshot = flatten(detail);
      state = asState(detail.state);
      entries.push({ ...base, kind: 'creation', toState: state, reason: typeof detail.state_reason === 'string' ? detail.state_reason : '' });
    } else if (change.type === 'rule change') {
      const flat = flatten(detail);
      const fieldChanges = Object.entries(flat)
        .filter(([field, after]) => snapshot[field] !== after)
        .map(([field, after]) => ({ field, before: snapshot[field] ?? null, after }));
      snapshot = { ...snapshot, ...flat };
      const next = asState(detail.state);
      entries.push({ ...base, kind: 'rule', changes: fieldChanges, fromState: next ? state : null, toState: next });
      if (next) state = next;
    } else if (change.type === 'state transition') {
      const next = asState(detail.state);
      const reason = detail.transition_reason ?? detail.state_reason;
      entries.push({ ...base, kind: 'state', fromState: state, toState: next, reason: typeof reason === 'string' ? reason : '' });
      if (next) state = next;
    } else {
      entries.push({ ...base, kind: change.type === 'deletion' ? 'deletion' : 'other', reason: typeof change.detail === 'string' ? change.detail : '' });
    }
  }
  return entries.reverse();
}

/** A flattened field's name without its rule prefix (`threshold`), for showing. */
export const fieldLabel = (field: string): string => field.replace(/^[a-z_]+_rule\./, '');
