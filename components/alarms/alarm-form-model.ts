import { queryTarget } from '@/lib/alarms/rule-text';
import type { Alarm } from '@/lib/openstack/aodh/types';
import { EDITABLE_TYPES, type AlarmFormInput, type EditableAlarmType } from '@/lib/validation/alarms';

/** The alarm form's state: what the inputs hold (numbers as typed text), turned into the schema's input on submit. */
export interface AlarmFormState {
  name: string;
  description: string;
  type: EditableAlarmType;
  metric: string;
  resourceType: string;
  resourceId: string;
  query: string;
  aggregationMethod: string;
  granularity: string;
  evaluationPeriods: string;
  comparisonOperator: string;
  threshold: string;
  severity: string;
  alarmActions: string[];
  okActions: string[];
  insufficientDataActions: string[];
  repeatActions: boolean;
  enabled: boolean;
}

export type ActionListKey = 'alarmActions' | 'okActions' | 'insufficientDataActions';

/** The guides' first alarm: an instance's cpu_util above 50 % for one minute. */
export function emptyForm(): AlarmFormState {
  return {
    name: '',
    description: '',
    type: 'gnocchi_resources_threshold',
    metric: 'cpu_util',
    resourceType: 'instance',
    resourceId: '',
    query: '',
    aggregationMethod: 'mean',
    granularity: '60',
    evaluationPeriods: '1',
    comparisonOperator: 'gt',
    threshold: '50',
    severity: 'low',
    alarmActions: [],
    okActions: [],
    insufficientDataActions: [],
    repeatActions: false,
    enabled: true,
  };
}

export const isEditableType = (type: string): type is EditableAlarmType => (EDITABLE_TYPES as readonly string[]).includes(type);

/** An existing alarm in the form; null for the types the form does not edit (shown read-only instead). */
export function formFromAlarm(alarm: Alarm): AlarmFormState | null {
  if (!isEditableType(alarm.type)) return null;
  const { rule } = alarm;
  return {
    name: alarm.name,
    description: alarm.description,
    type: alarm.type,
    metric: rule.metric ?? '',
    resourceType: rule.resourceType ?? 'instance',
    resourceId: rule.resourceId ?? '',
    query: rule.query ?? '',
    aggregationMethod: rule.aggregationMethod ?? 'mean',
    granularity: rule.granularity === null ? '' : String(rule.granularity),
    evaluationPeriods: String(rule.evaluationPeriods),
    comparisonOperator: rule.comparisonOperator,
    threshold: String(rule.threshold),
    severity: alarm.severity,
    alarmActions: [...alarm.alarmActions],
    okActions: [...alarm.okActions],
    insufficientDataActions: [...alarm.insufficientDataActions],
    repeatActions: alarm.repeatActions,
    enabled: alarm.enabled,
  };
}

/** What the schema parses: the fields of the other type are left empty so they cannot trip it. */
export function formInput(state: AlarmFormState): AlarmFormInput {
  const byResources = state.type === 'gnocchi_aggregation_by_resources_threshold';
  return {
    ...state,
    aggregationMethod: state.aggregationMethod as AlarmFormInput['aggregationMethod'],
    comparisonOperator: state.comparisonOperator as AlarmFormInput['comparisonOperator'],
    severity: state.severity as AlarmFormInput['severity'],
    resourceId: byResources ? '' : state.resourceId,
    query: byResources ? state.query : '',
  };
}

/** Gnocchi's search for a Heat group's members: OS::Heat::AutoScalingGroup tags them with the stack id. */
export const serverGroupQuery = (stackId: string): string => JSON.stringify({ '=': { server_group: stackId } });

/** The stack id a by-resources query selects by server_group, if that is what it does. */
export const groupOfQuery = (query: string): string => {
  const target = queryTarget(query);
  return target?.kind === 'group' ? target.value : '';
};
