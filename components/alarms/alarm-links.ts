/** Where the alarm pages live, and the message key of each alarm type. */
export const alarmHref = (id: string): string => `/project/orchestration/alarms/${encodeURIComponent(id)}`;
export const alarmEditHref = (id: string): string => `${alarmHref(id)}/edit`;
export const stackHref = (id: string): string => `/project/orchestration/stacks/${encodeURIComponent(id)}`;

const TYPE_KEYS = {
  threshold: 'threshold',
  gnocchi_resources_threshold: 'resources',
  gnocchi_aggregation_by_metrics_threshold: 'byMetrics',
  gnocchi_aggregation_by_resources_threshold: 'byResources',
} as const;

export type AlarmTypeKey = (typeof TYPE_KEYS)[keyof typeof TYPE_KEYS] | 'other';

export const typeKey = (type: string): AlarmTypeKey => TYPE_KEYS[type as keyof typeof TYPE_KEYS] ?? 'other';
