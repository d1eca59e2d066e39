import 'server-only';

import { OpenStackError } from '../openstack/errors';
import type { AlarmFormValues, AlarmPatch } from '../validation/alarms';
import { ApiError } from './api-error';

/**
 * The alarm form's values in Aodh's words, and Aodh's refusals back at the form field they came from.
 */
type Wire = Record<string, unknown>;

export function ruleWire(values: AlarmFormValues): Wire {
  const common = {
    metric: values.metric,
    resource_type: values.resourceType,
    aggregation_method: values.aggregationMethod,
    granularity: values.granularity,
    evaluation_periods: values.evaluationPeriods,
    comparison_operator: values.comparisonOperator,
    threshold: values.threshold,
  };
  return values.type === 'gnocchi_resources_threshold' ? { ...common, resource_id: values.resourceId } : { ...common, query: values.query };
}

export function alarmFieldsWire(values: AlarmFormValues): Wire {
  return {
    name: values.name,
    description: values.description || undefined,
    type: values.type,
    severity: values.severity,
    enabled: values.enabled,
    repeat_actions: values.repeatActions,
    alarm_actions: values.alarmActions,
    ok_actions: values.okActions,
    insufficient_data_actions: values.insufficientDataActions,
  };
}

/** POST /v2/alarms body: the settings and the rule under `<type>_rule`. */
export function createBody(values: AlarmFormValues): Wire {
  return { ...alarmFieldsWire(values), [`${values.type}_rule`]: ruleWire(values) };
}

const TOP_LEVEL: Partial<Record<keyof AlarmPatch, string>> = {
  name: 'name',
  description: 'description',
  severity: 'severity',
  alarmActions: 'alarm_actions',
  okActions: 'ok_actions',
  insufficientDataActions: 'insufficient_data_actions',
  repeatActions: 'repeat_actions',
  enabled: 'enabled',
};
const RULE: Partial<Record<keyof AlarmPatch, string>> = {
  threshold: 'threshold',
  comparisonOperator: 'comparison_operator',
  evaluationPeriods: 'evaluation_periods',
  granularity: 'granularity',
  aggregationMethod: 'aggregation_method',
};

/** A PATCH split into Aodh's top-level fields and the rule's fields. */
export function patchWire(patch: AlarmPatch): { fields: Wire; rule: Wire } {
  const fields: Wire = {};
  const rule: Wire = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const top = TOP_LEVEL[key as keyof AlarmPatch];
    const inRule = RULE[key as keyof AlarmPatch];
    if (top) fields[top] = value;
    else if (inRule) rule[inRule] = value;
  }
  return { fields, rule };
}

/** Aodh's wire names as they appear in its messages, longest first, and the form field of each. */
const FIELD_OF_WIRE: [RegExp, string][] = [
  [/\bresource_id\b/, 'resourceId'],
  [/\bresource_type\b/, 'resourceType'],
  [/\baggregation_method\b|aggregation method/i, 'aggregationMethod'],
  [/\bevaluation_periods\b/, 'evaluationPeriods'],
  [/\bcomparison_operator\b/, 'comparisonOperator'],
  [/\bgranularity\b/i, 'granularity'],
  [/\bthreshold\b(?!_rule)/, 'threshold'],
  [/\bseverity\b/, 'severity'],
  [/\bquery\b/i, 'query'],
  [/\bmetric\b/i, 'metric'],
  [/\balarm_actions\b|Unsupported action/i, 'alarmActions'],
  [/\bok_actions\b/, 'okActions'],
  [/\binsufficient_data_actions\b/, 'insufficientDataActions'],
  [/\bname\b/, 'name'],
];

/** The form field an Aodh 400/409 message names, or null when it names none. */
export function fieldOfAodhMessage(message: string): string | null {
  for (const [pattern, field] of FIELD_OF_WIRE) if (pattern.test(message)) return field;
  return null;
}

/**
 * Aodh refusing an alarm (400, or 409 for a taken name) becomes a 400 whose field error is Aodh's own
 * words at the field it named; other errors pass through unchanged.
 */
export function aodhRefusal(error: unknown): unknown {
  if (!(error instanceof OpenStackError) || (error.status !== 400 && error.status !== 409)) return error;
  const field = fieldOfAodhMessage(error.message) ?? 'form';
  return new ApiError({
    code: 'alarm.refused',
    status: error.status,
    message: error.message,
    service: error.service,
    requestId: error.requestId,
    fields: { [field]: error.message },
  });
}
