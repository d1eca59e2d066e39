/**
 * Aodh's alarms and their history with clean names, shared by the alarm pages, the stack page's
 * scaling panel and the BFF. No 'server-only': the browser renders these shapes.
 */

export type AlarmState = 'ok' | 'alarm' | 'insufficient data';
export type AlarmSeverity = 'low' | 'moderate' | 'critical';

export type AlarmType =
  | 'threshold'
  | 'gnocchi_resources_threshold'
  | 'gnocchi_aggregation_by_metrics_threshold'
  | 'gnocchi_aggregation_by_resources_threshold'
  | string;

/** The rule of any threshold alarm type; fields a type does not use are null. */
export interface AlarmRule {
  meterName: string | null;
  metric: string | null;
  metrics: string[];
  resourceType: string | null;
  resourceId: string | null;
  /** gnocchi_aggregation_by_resources_threshold: the search query as Aodh stores it (a JSON string). */
  query: string | null;
  comparisonOperator: 'lt' | 'le' | 'eq' | 'ne' | 'ge' | 'gt';
  threshold: number;
  statistic: string | null;
  aggregationMethod: string | null;
  granularity: number | null;
  period: number | null;
  evaluationPeriods: number;
}

export interface Alarm {
  id: string;
  name: string;
  description: string;
  type: AlarmType;
  state: AlarmState;
  stateReason: string;
  stateTimestamp: string;
  timestamp: string;
  severity: AlarmSeverity;
  enabled: boolean;
  repeatActions: boolean;
  alarmActions: string[];
  okActions: string[];
  insufficientDataActions: string[];
  rule: AlarmRule;
  projectId: string;
  userId: string;
}

export type AlarmChangeType = 'creation' | 'rule change' | 'state transition' | 'deletion' | 'action';

export interface AlarmChange {
  eventId: string;
  type: AlarmChangeType;
  timestamp: string;
  /** Aodh's JSON detail, parsed when it is JSON. */
  detail: unknown;
  userId: string | null;
}
