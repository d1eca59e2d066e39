// Reads an Aodh v2 alarm body (POST and PUT send the whole alarm) into checked fields, with
// Aodh's defaults and its refusals. Each type keeps its rule under "<type>_rule".

import type { AlarmState } from '../../store/schema';
import { badRequest, mandatoryMissing, notOneOf, ruleMissing, wrongType } from './errors';

export const ALARM_TYPES = [
  'threshold',
  'gnocchi_resources_threshold',
  'gnocchi_aggregation_by_metrics_threshold',
  'gnocchi_aggregation_by_resources_threshold',
] as const;
export type AlarmType = (typeof ALARM_TYPES)[number];

export const ALARM_STATES: readonly AlarmState[] = ['ok', 'alarm', 'insufficient data'];
export const SEVERITIES = ['low', 'moderate', 'critical'] as const;
export const COMPARISON_OPERATORS = ['lt', 'le', 'eq', 'ne', 'ge', 'gt'] as const;
export const STATISTICS = ['max', 'min', 'avg', 'sum', 'count'] as const;
const QUERY_OPS = ['lt', 'le', 'eq', 'ne', 'ge', 'gt'] as const;
// Notifier schemes Aodh loads by default.
const ACTION_SCHEMES = ['http', 'https', 'log', 'test', 'trust+http', 'trust+https', 'zaqar', 'trust+zaqar'];

export interface AlarmInput {
  name: string;
  description: string | undefined;
  type: AlarmType;
  enabled: boolean;
  state: AlarmState;
  severity: string;
  repeatActions: boolean;
  alarmActions: string[];
  okActions: string[];
  insufficientDataActions: string[];
  timeConstraints: Record<string, unknown>[];
  rule: Record<string, unknown>;
  projectId: string | undefined;
  userId: string | undefined;
}

type Body = Record<string, unknown>;

export function readAlarmInput(raw: unknown): AlarmInput {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw badRequest('Missing argument: "data"');
  }
  const body = raw as Body;
  const type = oneOf(body, 'type', ALARM_TYPES, undefined);
  if (type === undefined) throw mandatoryMissing('type');
  const name = str(body, 'name');
  if (name === undefined) throw mandatoryMissing('name');
  if (name.trim() === '') throw badRequest('Alarm name cannot be empty');
  const ruleBody = body[`${type}_rule`];
  if (ruleBody === undefined || ruleBody === null) throw ruleMissing(type);
  if (typeof ruleBody !== 'object' || Array.isArray(ruleBody)) throw wrongType(`${type}_rule`, ruleBody, 'dict');
  return {
    name,
    description: str(body, 'description'),
    type,
    enabled: bool(body, 'enabled', true),
    state: oneOf(body, 'state', ALARM_STATES, 'insufficient data'),
    severity: oneOf(body, 'severity', SEVERITIES, 'low'),
    repeatActions: bool(body, 'repeat_actions', false),
    alarmActions: actions(body, 'alarm_actions'),
    okActions: actions(body, 'ok_actions'),
    insufficientDataActions: actions(body, 'insufficient_data_actions'),
    timeConstraints: timeConstraints(body.time_constraints),
    rule: readRule(type, ruleBody as Body),
    projectId: str(body, 'project_id'),
    userId: str(body, 'user_id'),
  };
}

function readRule(type: AlarmType, body: Body): Record<string, unknown> {
  const common = {
    comparison_operator: oneOf(body, 'comparison_operator', COMPARISON_OPERATORS, 'eq'),
    threshold: required(body, 'threshold', num(body, 'threshold')),
    evaluation_periods: positiveInt(body, 'evaluation_periods', 1),
  };
  switch (type) {
    case 'threshold':
      return {
        meter_name: required(body, 'meter_name', str(body, 'meter_name')),
        query: thresholdQuery(body.query),
        period: positiveInt(body, 'period', 60),
        statistic: oneOf(body, 'statistic', STATISTICS, 'avg'),
        exclude_outliers: bool(body, 'exclude_outliers', false),
        ...common,
      };
    case 'gnocchi_resources_threshold':
      return {
        metric: required(body, 'metric', str(body, 'metric')),
        resource_id: required(body, 'resource_id', str(body, 'resource_id')),
        resource_type: required(body, 'resource_type', str(body, 'resource_type')),
        ...gnocchiCommon(body),
        ...common,
      };
    case 'gnocchi_aggregation_by_metrics_threshold':
      return { metrics: metricIds(body.metrics), ...gnocchiCommon(body), ...common };
    case 'gnocchi_aggregation_by_resources_threshold': {
      const query = required(body, 'query', str(body, 'query'));
      try {
        JSON.parse(query);
      } catch {
        throw badRequest(`Query value or traits invalid: ${query}`);
      }
      return {
        metric: required(body, 'metric', str(body, 'metric')),
        query,
        resource_type: required(body, 'resource_type', str(body, 'resource_type')),
        ...gnocchiCommon(body),
        ...common,
      };
    }
  }
}

function gnocchiCommon(body: Body) {
  return {
    granularity: positiveInt(body, 'granularity', 60),
    aggregation_method: required(body, 'aggregation_method', str(body, 'aggregation_method')),
  };
}

function thresholdQuery(value: unknown): { field: string; op: string; value: string }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw wrongType('query', value, 'list');
  return value.map((item: unknown) => {
    if (item === null || typeof item !== 'object') throw wrongType('query', item, 'dict');
    const q = item as Body;
    const field = required(q, 'field', str(q, 'field'));
    const op = oneOf(q, 'op', QUERY_OPS, 'eq');
    if (q.value === undefined || q.value === null) throw mandatoryMissing('value');
    return { field, op, value: String(q.value) };
  });
}

function metricIds(value: unknown): string[] {
  if (value === undefined || value === null) throw mandatoryMissing('metrics');
  if (!Array.isArray(value) || !value.every((m) => typeof m === 'string')) throw wrongType('metrics', value, 'list');
  return value as string[];
}

function timeConstraints(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw wrongType('time_constraints', value, 'list');
  const names = new Set<string>();
  return value.map((item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw wrongType('time_constraints', item, 'dict');
    const c = item as Body;
    const name = required(c, 'name', str(c, 'name'));
    if (names.has(name)) throw badRequest('Time constraint names must be unique for a given alarm.');
    names.add(name);
    const start = required(c, 'start', str(c, 'start'));
    if (start.trim().split(/\s+/).length !== 5) throw badRequest(`Cron expression ${start} is not valid`);
    const duration = required(c, 'duration', num(c, 'duration'));
    if (!Number.isInteger(duration) || duration < 0) throw notOneOf('duration', duration, ['a whole number >= 0']);
    return {
      name,
      description: str(c, 'description') ?? `Time constraint at ${start} lasting for ${duration} seconds`,
      start,
      duration,
      timezone: str(c, 'timezone') ?? '',
    };
  });
}

function actions(body: Body, field: string): string[] {
  const value = body[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((a) => typeof a === 'string')) throw wrongType(field, value, 'list');
  const urls = [...new Set(value as string[])];
  for (const url of urls) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
    if (scheme === undefined || !ACTION_SCHEMES.includes(scheme)) throw badRequest(`Unsupported action ${url}`);
  }
  return urls;
}

function required<T>(body: Body, field: string, value: T | undefined): T {
  if (value === undefined) throw mandatoryMissing(field);
  void body;
  return value;
}

function str(body: Body, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(field, value, "<class 'str'>");
  return value;
}

function num(body: Body, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw wrongType(field, value, "<class 'float'>");
  return n;
}

function positiveInt(body: Body, field: string, fallback: number): number {
  const n = num(body, field);
  if (n === undefined) return fallback;
  if (!Number.isInteger(n)) throw wrongType(field, body[field], "<class 'int'>");
  if (n < 1) throw badRequest(`Value ${n} is invalid (should be greater or equal to 1)`);
  return n;
}

function bool(body: Body, field: string, fallback: boolean): boolean {
  const value = body[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True') return true;
  if (value === 'false' || value === 'False') return false;
  throw wrongType(field, value, "<class 'bool'>");
}

function oneOf<T extends string>(body: Body, field: string, allowed: readonly T[], fallback: T): T;
function oneOf<T extends string>(body: Body, field: string, allowed: readonly T[], fallback: undefined): T | undefined;
function oneOf<T extends string>(body: Body, field: string, allowed: readonly T[], fallback: T | undefined): T | undefined {
  const value = body[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T)) throw notOneOf(field, value, allowed);
  return value as T;
}
