// Aodh v2's JSON for an alarm and an alarm change. Aodh prints timestamps without a zone.

import type { Alarm, AlarmChange } from '../../store/schema';

const aodhTime = (iso: string): string => iso.replace(/Z$/, '');

export function alarmView(alarm: Alarm): Record<string, unknown> {
  return {
    alarm_id: alarm.id,
    name: alarm.name,
    description: alarm.description,
    type: alarm.type,
    enabled: alarm.enabled,
    state: alarm.state,
    state_reason: alarm.stateReason,
    state_timestamp: aodhTime(alarm.stateTimestamp),
    timestamp: aodhTime(alarm.timestamp),
    severity: alarm.severity,
    repeat_actions: alarm.repeatActions,
    alarm_actions: alarm.alarmActions,
    ok_actions: alarm.okActions,
    insufficient_data_actions: alarm.insufficientDataActions,
    time_constraints: alarm.timeConstraints,
    project_id: alarm.projectId,
    user_id: alarm.userId,
    [`${alarm.type}_rule`]: alarm.rule,
  };
}

export function changeView(change: AlarmChange): Record<string, unknown> {
  return {
    event_id: change.eventId,
    alarm_id: change.alarmId,
    type: change.type,
    detail: change.detail,
    user_id: change.userId,
    project_id: change.projectId,
    on_behalf_of: change.onBehalfOf,
    severity: change.severity,
    timestamp: aodhTime(change.timestamp),
  };
}
