import { describe, expect, it } from 'vitest';

import type { Alarm } from '@/lib/openstack/aodh/types';
import { alarmFormSchema } from '@/lib/validation/alarms';

import { emptyForm, formFromAlarm, formInput, groupOfQuery, serverGroupQuery } from './alarm-form-model';

const ALARM: Alarm = {
  id: 'a1', name: 'group_cpu', description: 'scale up', type: 'gnocchi_aggregation_by_resources_threshold', state: 'ok', stateReason: '',
  stateTimestamp: '', timestamp: '', severity: 'critical', enabled: false, repeatActions: true, alarmActions: ['http://heat/signal'], okActions: [],
  insufficientDataActions: [], projectId: 'p', userId: 'u',
  rule: {
    meterName: null, metric: 'cpu', metrics: [], resourceType: 'instance', resourceId: null, query: serverGroupQuery('st-1'), comparisonOperator: 'ge',
    threshold: 800000000, statistic: null, aggregationMethod: 'rate:mean', granularity: 1, period: null, evaluationPeriods: 3,
  },
};

describe('alarm form model', () => {
  it('starts as the guides’ first alarm and needs only a name and an instance', () => {
    const result = alarmFormSchema.safeParse(formInput({ ...emptyForm(), name: 'cpu_high', resourceId: 'srv-1' }));
    expect(result.success && result.data).toMatchObject({ metric: 'cpu_util', threshold: 50, granularity: 60, comparisonOperator: 'gt' });
  });

  it('fills the form from an alarm, and the form gives the same alarm back', () => {
    const form = formFromAlarm(ALARM)!;
    expect(form).toMatchObject({ threshold: '800000000', granularity: '1', evaluationPeriods: '3', enabled: false, repeatActions: true });
    expect(groupOfQuery(form.query)).toBe('st-1');
    expect(alarmFormSchema.parse(formInput(form))).toMatchObject({
      type: ALARM.type, metric: 'cpu', query: '{"=":{"server_group":"st-1"}}', resourceId: '', aggregationMethod: 'rate:mean', threshold: 800000000, severity: 'critical',
    });
  });

  it('leaves the other type’s field out, and refuses to edit the legacy types', () => {
    expect(formInput({ ...emptyForm(), resourceId: 'srv-1', query: 'junk' }).query).toBe('');
    expect(formFromAlarm({ ...ALARM, type: 'threshold' })).toBeNull();
    expect(groupOfQuery('{"=": {"id": "x"}}')).toBe('');
  });
});
