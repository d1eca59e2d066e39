import { queryOptions } from '@tanstack/react-query';

import type { AlarmFormOptions } from '../bff/alarm-form-options';
import type { AlarmMeasuresView } from '../bff/alarm-measures';
import type { AlarmDetailView, AlarmRow } from '../bff/alarms';
import type { AlarmChange, AlarmState } from '../openstack/aodh/types';
import type { StackOutput, StackSummary } from '../openstack/heat/types';
import { apiFetch } from './api';
import type { Scope } from './queries';

/** Query factories for the alarm pages; alarm states change on the cloud's clock, so lists and details poll. */
export const ALARM_POLL_MS = 5000;

export const alarmsQuery = (scope: Scope, state?: AlarmState) =>
  queryOptions({
    queryKey: ['alarms', scope.projectId, scope.region, state ?? 'all'],
    queryFn: () => apiFetch<{ alarms: AlarmRow[] }>(`/api/alarms${state ? `?state=${encodeURIComponent(state)}` : ''}`),
    refetchInterval: ALARM_POLL_MS,
  });

const alarmPath = (id: string) => `/api/alarms/${encodeURIComponent(id)}`;

export const alarmQuery = (scope: Scope, id: string) =>
  queryOptions({
    queryKey: ['alarm', scope.projectId, scope.region, id],
    queryFn: () => apiFetch<AlarmDetailView>(alarmPath(id)),
    refetchInterval: ALARM_POLL_MS,
  });

export const alarmHistoryQuery = (scope: Scope, id: string) =>
  queryOptions({
    queryKey: ['alarm', scope.projectId, scope.region, id, 'history'],
    queryFn: () => apiFetch<{ changes: AlarmChange[] }>(`${alarmPath(id)}/history`),
    refetchInterval: ALARM_POLL_MS,
  });

export const alarmMeasuresQuery = (scope: Scope, id: string) =>
  queryOptions({
    queryKey: ['alarm', scope.projectId, scope.region, id, 'measures'],
    queryFn: () => apiFetch<AlarmMeasuresView>(`${alarmPath(id)}/measures`),
    refetchInterval: ALARM_POLL_MS * 2,
  });

export const alarmFormOptionsQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['alarm-options', scope.projectId, scope.region],
    queryFn: () => apiFetch<AlarmFormOptions>('/api/alarms/options'),
  });

/** The stacks and their outputs the action picker offers (D1's and D2's routes, read-only here). */
export const alarmStackChoicesQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['alarm-options', scope.projectId, scope.region, 'stacks'],
    queryFn: () => apiFetch<{ stacks: StackSummary[] }>('/api/stacks'),
  });

export type PickableOutput = StackOutput & { kind: string; action?: string; refused?: string };

export const alarmStackOutputsQuery = (scope: Scope, stackId: string) =>
  queryOptions({
    queryKey: ['alarm-options', scope.projectId, scope.region, 'stacks', stackId, 'outputs'],
    queryFn: () => apiFetch<{ outputs: PickableOutput[] }>(`/api/stacks/${encodeURIComponent(stackId)}/outputs`),
    enabled: stackId !== '',
  });

export const setAlarmEnabledRequest = (id: string, enabled: boolean) =>
  apiFetch<{ alarm: unknown }>(`${alarmPath(id)}/enabled`, { method: 'POST', body: { enabled } });

export const deleteAlarmRequest = (id: string) => apiFetch<null>(alarmPath(id), { method: 'DELETE' });
