// Heat's alarm resources as real Aodh alarms in the stack's project: OS::Aodh::Alarm and the
// legacy OS::Ceilometer::Alarm become Aodh's threshold type (matching_metadata as
// metadata.user_metadata.* query terms, as Heat converts them), and
// OS::Aodh::GnocchiAggregationByResourcesAlarm its gnocchi by-resources rule. repeat_actions
// defaults to true, as Heat's alarm resources do. The physical id is the alarm id.

import { randomUUID } from 'node:crypto';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import { alarmEvaluation } from '../../sim/alarm-evaluator-runtime';
import type { Alarm, Stack } from '../../store/schema';
import { recordChange } from '../alarming/alarm-history';
import { readAlarmInput } from '../alarming/alarm-input';
import { fieldsOf } from '../alarming/alarm-routes';
import { alarmView } from '../alarming/alarm-views';
import type { BuildContext } from './stack-build';
import { shortId } from './stack-build';

export const ALARM_TYPES = ['OS::Aodh::Alarm', 'OS::Ceilometer::Alarm', 'OS::Aodh::GnocchiAggregationByResourcesAlarm'] as const;

const COMMON = ['comparison_operator', 'threshold', 'evaluation_periods'];

function pick(props: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
}

/** Heat's matching_metadata keys: plain keys are the servers' metering.* metadata. */
function matchingQuery(matching: unknown): { field: string; op: string; value: string }[] {
  if (typeof matching !== 'object' || matching === null) return [];
  return Object.entries(matching).map(([key, value]) => ({
    field: key.startsWith('metadata.') ? key : `metadata.user_metadata.${key}`,
    op: 'eq',
    value: String(value),
  }));
}

/** The Aodh v2 body Heat sends for the resource's properties. */
export function alarmBody(stack: Stack, name: string, type: string, props: Record<string, unknown>): Record<string, unknown> {
  const common = {
    name: `${stack.name}-${name}-${shortId()}`,
    ...pick(props, ['description', 'enabled', 'severity', 'alarm_actions', 'ok_actions', 'insufficient_data_actions', 'time_constraints']),
    repeat_actions: props.repeat_actions ?? true,
  };
  if (type === 'OS::Aodh::GnocchiAggregationByResourcesAlarm') {
    const query = typeof props.query === 'string' ? props.query : JSON.stringify(props.query);
    return {
      ...common,
      type: 'gnocchi_aggregation_by_resources_threshold',
      gnocchi_aggregation_by_resources_threshold_rule: {
        ...pick(props, [...COMMON, 'metric', 'aggregation_method', 'granularity', 'resource_type']),
        query,
      },
    };
  }
  const extra = Array.isArray(props.query) ? (props.query as { field: string; op?: string; value: unknown }[]) : [];
  return {
    ...common,
    type: 'threshold',
    threshold_rule: {
      ...pick(props, [...COMMON, 'meter_name', 'statistic', 'period']),
      query: [...matchingQuery(props.matching_metadata), ...extra],
    },
  };
}

export async function createAlarmResource(
  ctx: BuildContext,
  stack: Stack,
  name: string,
  type: string,
  props: Record<string, unknown>,
): Promise<string> {
  let input;
  try {
    input = readAlarmInput(alarmBody(stack, name, type, props));
  } catch (e) {
    if (e instanceof ApiError) throw new ApiError(400, `Resource CREATE failed: BadRequest: resources.${name}: ${e.message}`, 'ResourceFailure');
    throw e;
  }
  const at = formatIsoMicros(ctx.now);
  const alarm: Alarm = {
    id: randomUUID(),
    projectId: ctx.projectId,
    userId: ctx.userId,
    ...fieldsOf(input),
    stateReason: 'Not evaluated yet',
    stateTimestamp: at,
    timestamp: at,
    lastEvaluatedAt: null,
  };
  await ctx.repos.alarms.insert(alarm);
  await recordChange(ctx.repos, alarm, 'creation', alarmView(alarm), { userId: ctx.userId, projectId: ctx.projectId }, at);
  alarmEvaluation(ctx.cloud).invalidate();
  return alarm.id;
}

export async function deleteAlarmResource(ctx: BuildContext, id: string): Promise<void> {
  const alarm = await ctx.repos.alarms.get(id);
  if (!alarm) return;
  await ctx.repos.alarms.delete(id);
  await recordChange(ctx.repos, alarm, 'deletion', alarmView(alarm), { userId: ctx.userId, projectId: ctx.projectId }, formatIsoMicros(ctx.now));
}
