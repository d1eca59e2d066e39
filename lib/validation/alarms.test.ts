import { describe, expect, it } from 'vitest';

import { alarmFormSchema, alarmPatchSchema, stateFilterOf } from './alarms';

const BASE = {
  name: 'cpu_high', type: 'gnocchi_resources_threshold', metric: 'cpu_util', resourceId: 'srv-1', aggregationMethod: 'mean',
  granularity: '60', evaluationPeriods: '1', comparisonOperator: 'gt', threshold: '50',
};
const issues = (value: unknown) => {
  const result = alarmFormSchema.safeParse(value);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('alarm form schema', () => {
  it('reads form text into numbers and fills Aodh’s defaults', () => {
    expect(alarmFormSchema.parse(BASE)).toMatchObject({
      granularity: 60, evaluationPeriods: 1, threshold: 50, severity: 'low', enabled: true, repeatActions: false, resourceType: 'instance', alarmActions: [],
    });
  });

  it.each([
    [{ name: ' ' }, { name: 'name_required' }],
    [{ threshold: 'abc' }, { threshold: 'not_a_number' }],
    [{ granularity: '0' }, { granularity: 'too_small' }],
    [{ evaluationPeriods: '1.5' }, { evaluationPeriods: 'not_an_integer' }],
    [{ resourceId: '' }, { resourceId: 'resource_required' }],
    [{ type: 'gnocchi_aggregation_by_resources_threshold', query: '' }, { query: 'query_required' }],
    [{ type: 'gnocchi_aggregation_by_resources_threshold', query: '{"=": ' }, { query: 'query_json' }],
    [{ type: 'gnocchi_aggregation_by_resources_threshold', query: '[1]' }, { query: 'query_json' }],
    [{ type: 'threshold' }, { type: 'type_required' }],
    [{ alarmActions: ['ftp://x/y'] }, { 'alarmActions.0': 'action_url' }],
    [{ alarmActions: ['javascript:alert(1)'] }, { 'alarmActions.0': 'action_url' }],
    [{ comparisonOperator: '>' }, { comparisonOperator: 'comparison_required' }],
  ])('refuses %j with %j', (change, expected) => {
    expect(issues({ ...BASE, ...change })).toEqual(expected);
  });

  it('reports a missing instance together with another field’s problem', () => {
    expect(issues({ ...BASE, resourceId: '', threshold: 'lots' })).toEqual({ threshold: 'not_a_number', resourceId: 'resource_required' });
  });

  it('takes http(s) and trust+http(s) actions and a by-resources query', () => {
    expect(
      issues({
        ...BASE,
        type: 'gnocchi_aggregation_by_resources_threshold',
        resourceId: '',
        query: '{"=": {"server_group": "st-1"}}',
        alarmActions: ['https://heat.example/v1/signal/arn%3Aopenstack?Signature=x', 'trust+http://h/v1/p/stacks/s/i/resources/r/signal'],
      }),
    ).toEqual({});
  });
});

describe('alarm patch schema', () => {
  it('keeps only what was sent (no defaults that would overwrite the alarm)', () => {
    expect(alarmPatchSchema.parse({ threshold: 70 })).toEqual({ threshold: 70 });
    expect(alarmPatchSchema.safeParse({}).success).toBe(false);
    expect(alarmPatchSchema.safeParse({ enabled: 'no' }).success).toBe(false);
  });

  it('reads the list filter from the URL', () => {
    expect(stateFilterOf('alarm')).toBe('alarm');
    expect(stateFilterOf('insufficient data')).toBe('insufficient data');
    expect(stateFilterOf('bogus')).toBeUndefined();
    expect(stateFilterOf(null)).toBeUndefined();
  });
});
