import { z } from 'zod';

/** The alarm form and /api/alarms share these; messages are i18n keys under "alarms.errors". */
export const EDITABLE_TYPES = ['gnocchi_resources_threshold', 'gnocchi_aggregation_by_resources_threshold'] as const;
export type EditableAlarmType = (typeof EDITABLE_TYPES)[number];
export const COMPARISONS = ['gt', 'ge', 'lt', 'le', 'eq', 'ne'] as const;
export const SEVERITY_LEVELS = ['low', 'moderate', 'critical'] as const;
export const AGGREGATIONS = ['mean', 'max', 'min', 'sum', 'count', 'last', 'std', 'median', 'rate:mean', 'rate:max', 'rate:last'] as const;

/** Only http(s) URLs (Heat's pre-signed alarm_url, a webhook), or trust+http(s) that Aodh calls with a trust. */
export const ACTION_URL = /^(trust\+)?https?:\/\/[^\s/?#]+[^\s]*$/i;
const actionUrl = z.string().trim().max(2048, 'too_long').regex(ACTION_URL, 'action_url');
const actionList = z.array(actionUrl).max(10, 'too_many_actions');

const whole = (min: number, max: number) =>
  z.coerce.number({ message: 'not_a_number' }).int('not_an_integer').min(min, 'too_small').max(max, 'too_large');

/** A query is a Gnocchi search object written as JSON, as Aodh stores it. */
export function isSearchQuery(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return !!parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.keys(parsed).length > 0;
  } catch {
    return false;
  }
}

const fields = {
  name: z.string().trim().min(1, 'name_required').max(255, 'too_long'),
  description: z.string().trim().max(255, 'too_long'),
  type: z.enum(EDITABLE_TYPES, { message: 'type_required' }),
  metric: z.string().trim().min(1, 'metric_required').max(255, 'too_long'),
  resourceType: z.string().trim().min(1, 'resource_type_required').max(255, 'too_long').default('instance'),
  resourceId: z.string().trim().max(255, 'too_long').default(''),
  query: z.string().trim().max(4096, 'too_long').default(''),
  aggregationMethod: z.enum(AGGREGATIONS, { message: 'aggregation_required' }),
  granularity: whole(1, 86_400),
  evaluationPeriods: whole(1, 1000),
  comparisonOperator: z.enum(COMPARISONS, { message: 'comparison_required' }),
  threshold: z.coerce.number({ message: 'not_a_number' }).refine(Number.isFinite, 'not_a_number'),
  severity: z.enum(SEVERITY_LEVELS),
  alarmActions: actionList,
  okActions: actionList,
  insufficientDataActions: actionList,
  repeatActions: z.boolean(),
  enabled: z.boolean(),
};

export const alarmFormSchema = z
  .object({
    ...fields,
    description: fields.description.default(''),
    severity: fields.severity.default('low'),
    alarmActions: actionList.default([]),
    okActions: actionList.default([]),
    insufficientDataActions: actionList.default([]),
    repeatActions: fields.repeatActions.default(false),
    enabled: fields.enabled.default(true),
  })
  .superRefine(
    (value, ctx) => {
      if (value.type === 'gnocchi_resources_threshold' && !value.resourceId) {
        ctx.addIssue({ code: 'custom', path: ['resourceId'], message: 'resource_required' });
      }
      if (value.type === 'gnocchi_aggregation_by_resources_threshold') {
        if (!value.query) ctx.addIssue({ code: 'custom', path: ['query'], message: 'query_required' });
        else if (typeof value.query !== 'string' || !isSearchQuery(value.query)) ctx.addIssue({ code: 'custom', path: ['query'], message: 'query_json' });
      }
    },
    // Also when another field failed, so the form shows every problem at once (the checks only compare strings).
    { when: (payload) => !!payload.value && typeof payload.value === 'object' },
  );

export type AlarmFormInput = z.input<typeof alarmFormSchema>;
export type AlarmFormValues = z.output<typeof alarmFormSchema>;

/** PATCH /api/alarms/{id}: some of the settings, merged into the alarm as it is (Aodh keeps the rest). */
export const alarmPatchSchema = z
  .object({
    name: fields.name,
    description: fields.description,
    threshold: fields.threshold,
    comparisonOperator: fields.comparisonOperator,
    evaluationPeriods: fields.evaluationPeriods,
    granularity: fields.granularity,
    aggregationMethod: fields.aggregationMethod,
    severity: fields.severity,
    alarmActions: fields.alarmActions,
    okActions: fields.okActions,
    insufficientDataActions: fields.insufficientDataActions,
    repeatActions: fields.repeatActions,
    enabled: fields.enabled,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: 'nothing_to_change', path: ['form'] });

export type AlarmPatch = z.output<typeof alarmPatchSchema>;

export const alarmEnabledSchema = z.object({ enabled: z.boolean({ message: 'enabled_required' }) });

export const STATE_FILTERS = ['ok', 'alarm', 'insufficient data'] as const;
export const alarmListQuerySchema = z.object({ state: z.enum(STATE_FILTERS).optional() });

/** "ok" | "alarm" | "insufficient data", or undefined for all, from the URL's ?state=. */
export function stateFilterOf(value: string | null | undefined): (typeof STATE_FILTERS)[number] | undefined {
  return (STATE_FILTERS as readonly string[]).includes(value ?? '') ? (value as (typeof STATE_FILTERS)[number]) : undefined;
}
