import { describe, expect, it } from 'vitest';

import type { AlarmChange } from '@/lib/openstack/aodh/types';

import { buildTimeline, fieldLabel, flatten } from './history-model';

const RULE = { metric: 'cpu_util', threshold: 50, comparison_operator: 'gt' };
const change = (eventId: string, type: AlarmChange['type'], timestamp: string, detail: unknown): AlarmChange => ({ eventId, type, timestamp, detail, userId: null });

const HISTORY: AlarmChange[] = [
  change('e4', 'rule change', '2026-11-22T01:20:00Z', { gnocchi_resources_threshold_rule: { ...RULE, threshold: 70 }, enabled: false }),
  change('e1', 'creation', '2026-11-22T01:00:00Z', { name: 'cpu', state: 'insufficient data', enabled: true, gnocchi_resources_threshold_rule: RULE, timestamp: 'x' }),
  change('e2', 'state transition', '2026-11-22T01:05:00Z', { state: 'ok', transition_reason: 'Transition to ok due to 1 samples inside threshold' }),
  change('e3', 'state transition', '2026-11-22T01:10:00Z', { state: 'alarm', transition_reason: 'Transition to alarm due to 1 samples outside threshold, most recent: 93.0' }),
];

describe('buildTimeline', () => {
  it('puts the newest first, with transitions from the state before and their reasons', () => {
    const timeline = buildTimeline(HISTORY);
    expect(timeline.map((e) => `${e.kind}:${e.id}`)).toEqual(['rule:e4', 'state:e3', 'state:e2', 'creation:e1']);
    expect(timeline[1]).toMatchObject({ fromState: 'ok', toState: 'alarm', reason: 'Transition to alarm due to 1 samples outside threshold, most recent: 93.0' });
    expect(timeline[2]).toMatchObject({ fromState: 'insufficient data', toState: 'ok' });
    expect(timeline[3]).toMatchObject({ toState: 'insufficient data' });
  });

  it('says what a rule change changed, old → new, from the alarm as it stood', () => {
    expect(buildTimeline(HISTORY)[0]?.changes).toEqual([
      { field: 'gnocchi_resources_threshold_rule.threshold', before: '50', after: '70' },
      { field: 'enabled', before: 'true', after: 'false' },
    ]);
  });

  it('chains rule changes and copes with a history that starts after creation', () => {
    const timeline = buildTimeline([
      change('a', 'rule change', '2026-11-22T01:00:00Z', { severity: 'low' }),
      change('b', 'rule change', '2026-11-22T01:01:00Z', { severity: 'critical' }),
      change('c', 'deletion', '2026-11-22T01:02:00Z', {}),
    ]);
    expect(timeline.map((e) => e.kind)).toEqual(['deletion', 'rule', 'rule']);
    expect(timeline[1]?.changes).toEqual([{ field: 'severity', before: 'low', after: 'critical' }]);
    expect(timeline[2]?.changes).toEqual([{ field: 'severity', before: null, after: 'low' }]);
  });
});

describe('flatten', () => {
  it('opens the rule one level, shows lists as JSON and skips computed fields', () => {
    expect(flatten({ alarm_actions: ['http://a'], x_rule: { threshold: 1 }, timestamp: 't' })).toEqual({ alarm_actions: '["http://a"]', 'x_rule.threshold': '1' });
    expect(flatten('text')).toEqual({});
    expect(fieldLabel('gnocchi_resources_threshold_rule.threshold')).toBe('threshold');
  });
});
