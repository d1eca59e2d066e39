// Heat's alarm properties as the Aodh body it sends: the legacy Ceilometer threshold with
// matching_metadata, and the by-resources alarm with its query kept as text.

import { describe, expect, it } from 'vitest';
import type { Stack } from '../../store/schema';
import { readAlarmInput } from '../alarming/alarm-input';
import { alarmBody } from './alarm-resource';

const stack = { name: 'web' } as Stack;

describe('alarmBody', () => {
  it('maps OS::Ceilometer::Alarm to a threshold rule on metadata.user_metadata, repeat_actions on', () => {
    const body = alarmBody(stack, 'cpu_alarm_high', 'OS::Ceilometer::Alarm', {
      meter_name: 'cpu_util',
      statistic: 'avg',
      period: 60,
      evaluation_periods: 1,
      threshold: 95,
      comparison_operator: 'gt',
      alarm_actions: ['http://cloud/heat-api-cfn/v1/signal/x'],
      matching_metadata: { 'metadata.user_metadata.stack': 'id-1', server_group: 'g' },
    });
    const input = readAlarmInput(body);
    expect(input).toMatchObject({ type: 'threshold', repeatActions: true, alarmActions: ['http://cloud/heat-api-cfn/v1/signal/x'] });
    expect(input.name).toMatch(/^web-cpu_alarm_high-[a-z0-9]{12}$/);
    expect(input.rule).toMatchObject({
      meter_name: 'cpu_util',
      statistic: 'avg',
      period: 60,
      threshold: 95,
      comparison_operator: 'gt',
      query: [
        { field: 'metadata.user_metadata.stack', op: 'eq', value: 'id-1' },
        { field: 'metadata.user_metadata.server_group', op: 'eq', value: 'g' },
      ],
    });
  });

  it('keeps the by-resources query as text and an explicit repeat_actions', () => {
    const query = '{"=": {"server_group": "s"}}';
    const input = readAlarmInput(alarmBody(stack, 'low', 'OS::Aodh::GnocchiAggregationByResourcesAlarm', {
      metric: 'cpu', aggregation_method: 'rate:mean', granularity: 600, threshold: 2e8, resource_type: 'instance',
      comparison_operator: 'lt', query, repeat_actions: false,
    }));
    expect(input).toMatchObject({ type: 'gnocchi_aggregation_by_resources_threshold', repeatActions: false });
    expect(input.rule).toMatchObject({ query, granularity: 600, metric: 'cpu', comparison_operator: 'lt' });
  });
});
