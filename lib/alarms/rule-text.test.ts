import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';

import { MESSAGES } from '../i18n/messages';
import type { AlarmRule } from '../openstack/aodh/types';
import { cpuShareOfThreshold, describeRule, queryTarget } from './rule-text';

const en = createTranslator({ locale: 'en', messages: MESSAGES.en, namespace: 'alarms.rule' });
const ja = createTranslator({ locale: 'ja', messages: MESSAGES.ja, namespace: 'alarms.rule' });

const RULE: AlarmRule = {
  meterName: null, metric: null, metrics: [], resourceType: null, resourceId: null, query: null, comparisonOperator: 'gt',
  threshold: 0, statistic: null, aggregationMethod: null, granularity: null, period: null, evaluationPeriods: 1,
};
const alarm = (type: string, rule: Partial<AlarmRule>) => ({ type, rule: { ...RULE, ...rule } });

describe('describeRule', () => {
  it.each<[string, Partial<AlarmRule>, string]>([
    ['gnocchi_resources_threshold', { metric: 'cpu_util', aggregationMethod: 'mean', threshold: 50, granularity: 60 }, 'cpu_util > 50 during 1 × 60 s'],
    [
      'gnocchi_resources_threshold',
      { metric: 'cpu_util', aggregationMethod: 'max', threshold: 50, granularity: 60, resourceType: 'instance', resourceId: 'srv-1', comparisonOperator: 'ge' },
      'max of cpu_util ≥ 50 during 1 × 60 s for instance srv-1',
    ],
    [
      'gnocchi_aggregation_by_resources_threshold',
      { metric: 'cpu', aggregationMethod: 'rate:mean', threshold: 800000000, granularity: 1, evaluationPeriods: 3, query: '{"=": {"server_group": "stack-1"}}' },
      'rate:mean of cpu > 800000000 over 3 × 1 s for instances of group stack-1',
    ],
    [
      'gnocchi_aggregation_by_resources_threshold',
      { metric: 'cpu_util', aggregationMethod: 'mean', threshold: 15, granularity: 300, comparisonOperator: 'lt', query: '{"and": [{"=": {"ended_at": null}}, {"=": {"metadata.user_metadata.stack": "st-9"}}]}' },
      'mean of cpu_util < 15 over 1 × 300 s for instances of stack st-9',
    ],
    [
      'gnocchi_aggregation_by_resources_threshold',
      { metric: 'cpu_util', aggregationMethod: 'mean', threshold: 1.5, granularity: 60, comparisonOperator: 'ne', query: '{"like": {"name": "web%"}}' },
      'mean of cpu_util ≠ 1.5 over 1 × 60 s for resources matching {"like": {"name": "web%"}}',
    ],
    ['gnocchi_aggregation_by_metrics_threshold', { metrics: ['a', 'b'], aggregationMethod: 'max', threshold: 10, granularity: 300, comparisonOperator: 'le', evaluationPeriods: 2 }, 'max of 2 metrics ≤ 10 over 2 × 300 s'],
    [
      'threshold',
      { meterName: 'cpu_util', statistic: 'avg', threshold: 50, period: 600, comparisonOperator: 'eq', query: '[{"field":"metadata.user_metadata.stack","op":"eq","value":"s-1"}]' },
      'cpu_util = 50 during 1 × 600 s for instances of stack s-1',
    ],
    ['event', {}, 'A event alarm'],
  ])('%s %j reads “%s”', (type, rule, text) => {
    expect(describeRule(alarm(type, rule), en)).toBe(text);
  });

  it('names an instance by its name when it is known', () => {
    const rule = { metric: 'cpu_util', aggregationMethod: 'mean', threshold: 50, granularity: 60, resourceType: 'instance', resourceId: 'srv-1' };
    expect(describeRule(alarm('gnocchi_resources_threshold', rule), en, new Map([['srv-1', 'web-1']]))).toBe('cpu_util > 50 during 1 × 60 s for instance web-1');
  });

  it('speaks Japanese with the same symbols', () => {
    const text = describeRule(alarm('gnocchi_aggregation_by_resources_threshold', { metric: 'cpu', aggregationMethod: 'rate:mean', threshold: 800000000, granularity: 1, evaluationPeriods: 3, query: '{"=": {"server_group": "g"}}' }), ja);
    expect(text).toBe('cpu の rate:mean > 800000000(3 × 1 秒にわたって)、グループ g のインスタンス');
  });
});

describe('queryTarget', () => {
  it.each<[string | null, object | null]>([
    ['{"=": {"server_group": "x"}}', { kind: 'group', value: 'x' }],
    ['{"eq": {"id": "srv"}}', { kind: 'instance', value: 'srv' }],
    ['{"and": [{"=": {"metadata.user_metadata.stack": "s"}}]}', { kind: 'stack', value: 's' }],
    ['{"=": {"flavor_id": "1"}}', null],
    ['not json', null],
    [null, null],
  ])('%s → %j', (query, target) => {
    expect(queryTarget(query)).toEqual(target);
  });
});

describe('cpuShareOfThreshold', () => {
  const rule = (over: Partial<AlarmRule>) => ({ metric: 'cpu', aggregationMethod: 'rate:mean', threshold: 0, granularity: 1, ...over }) as AlarmRule;
  it('reads a cpu rate threshold as a share of one vCPU over the granularity', () => {
    expect(cpuShareOfThreshold(rule({ threshold: 800000000, granularity: 1 }))).toBe(80);
    // The Japanese guide's low alarm: per 600 s, far below what an idle instance uses.
    expect(cpuShareOfThreshold(rule({ threshold: 200000000, granularity: 600 }))).toBe(0.033);
  });
  it('has nothing to say about other metrics or aggregations', () => {
    expect(cpuShareOfThreshold(rule({ metric: 'cpu_util', threshold: 50 }))).toBeNull();
    expect(cpuShareOfThreshold(rule({ aggregationMethod: 'mean', threshold: 5 }))).toBeNull();
    expect(cpuShareOfThreshold(rule({ granularity: null }))).toBeNull();
  });
});
