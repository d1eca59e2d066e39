// Aodh's tables (migration 0015): rows exactly as SQLite returns them, and the models the
// alarm store hands to the service. Timestamps are Aodh's ISO form with microseconds.

export interface AlarmTable {
  id: string;
  project_id: string;
  user_id: string;
  name: string;
  description: string;
  type: string;
  enabled: number;
  state: string;
  state_reason: string;
  state_timestamp: string;
  severity: string;
  repeat_actions: number;
  /** JSON arrays of URLs. */
  alarm_actions: string;
  ok_actions: string;
  insufficient_data_actions: string;
  /** JSON array of time constraints, as given. */
  time_constraints: string;
  /** JSON object: the type's rule. */
  rule: string;
  timestamp: string;
  /** Simulation time of the last evaluation, null until the first. */
  last_evaluated_at: string | null;
  seq: number;
}

export interface AlarmHistoryTable {
  event_id: string;
  alarm_id: string;
  type: string;
  /** JSON text, as Aodh stores it. */
  detail: string;
  user_id: string | null;
  project_id: string | null;
  on_behalf_of: string | null;
  severity: string | null;
  timestamp: string;
  seq: number;
}

export type AlarmState = 'ok' | 'alarm' | 'insufficient data';

export interface Alarm {
  id: string;
  projectId: string;
  userId: string;
  name: string;
  description: string;
  type: string;
  enabled: boolean;
  state: AlarmState;
  stateReason: string;
  stateTimestamp: string;
  severity: string;
  repeatActions: boolean;
  alarmActions: string[];
  okActions: string[];
  insufficientDataActions: string[];
  timeConstraints: Record<string, unknown>[];
  rule: Record<string, unknown>;
  timestamp: string;
  lastEvaluatedAt: string | null;
}

export interface AlarmChange {
  eventId: string;
  alarmId: string;
  type: 'creation' | 'rule change' | 'state transition' | 'deletion';
  detail: string;
  userId: string | null;
  projectId: string | null;
  onBehalfOf: string | null;
  severity: string | null;
  timestamp: string;
}
