import { describe, expect, it } from 'vitest';

import { OpenStackError } from '../errors';
import { useFakeService } from '../fake-service';
import { aodhClient, alarmFromWire, alarmHistory, changeFromWire, createAlarm, deleteAlarm, getAlarm, listAlarms, patchAlarm } from './alarms';

const BASE = {
  alarm_id: 'a1', name: 'cpu_high', description: 'gnocchi_resources_threshold alarm rule', enabled: true, state: 'alarm',
  state_reason: 'Transition to alarm due to 1 samples outside threshold, most recent: 93.5', state_timestamp: '2026-11-22T01:02:03.123456',
  timestamp: '2026-11-22T01:00:00.000000', severity: 'critical', repeat_actions: false,
  alarm_actions: ['trust+http://heat/signal'], ok_actions: [], insufficient_data_actions: [], time_constraints: [],
  project_id: 'p1', user_id: 'u1',
};

const RESOURCES_ALARM = {
  ...BASE,
  type: 'gnocchi_resources_threshold',
  gnocchi_resources_threshold_rule: {
    metric: 'cpu_util', resource_id: 'srv-1', resource_type: 'instance', granularity: 60, aggregation_method: 'mean',
    comparison_operator: 'gt', threshold: 50, evaluation_periods: 1,
  },
};
const BY_RESOURCES_ALARM = {
  ...BASE,
  alarm_id: 'a2',
  type: 'gnocchi_aggregation_by_resources_threshold',
  gnocchi_aggregation_by_resources_threshold_rule: {
    metric: 'cpu', query: '{"=": {"server_group": "stack-1"}}', resource_type: 'instance', granularity: 1,
    aggregation_method: 'rate:mean', comparison_operator: 'gt', threshold: 800000000.0, evaluation_periods: 3,
  },
};
const BY_METRICS_ALARM = {
  ...BASE,
  type: 'gnocchi_aggregation_by_metrics_threshold',
  gnocchi_aggregation_by_metrics_threshold_rule: {
    metrics: ['m1', 'm2'], granularity: 300, aggregation_method: 'max', comparison_operator: 'le', threshold: '10', evaluation_periods: 2,
  },
};
const LEGACY_ALARM = {
  ...BASE,
  type: 'threshold',
  state: 'insufficient data',
  threshold_rule: {
    meter_name: 'cpu_util', query: [{ field: 'metadata.user_metadata.stack', op: 'eq', value: 'stack-1' }], period: 600,
    statistic: 'avg', exclude_outliers: false, comparison_operator: 'lt', threshold: 15, evaluation_periods: 1,
  },
};

const fake = useFakeService();
const aodh = () => aodhClient(`${fake.url}/alarming`, 'tok');

describe('alarmFromWire', () => {
  it('reads a gnocchi_resources_threshold alarm with clean names and zoned times', () => {
    const alarm = alarmFromWire(RESOURCES_ALARM);
    expect(alarm).toMatchObject({
      id: 'a1', type: 'gnocchi_resources_threshold', state: 'alarm', severity: 'critical', enabled: true,
      stateTimestamp: '2026-11-22T01:02:03.123456Z', alarmActions: ['trust+http://heat/signal'],
    });
    expect(alarm.rule).toEqual({
      meterName: null, metric: 'cpu_util', metrics: [], resourceType: 'instance', resourceId: 'srv-1', query: null,
      comparisonOperator: 'gt', threshold: 50, statistic: null, aggregationMethod: 'mean', granularity: 60, period: null, evaluationPeriods: 1,
    });
  });

  it('reads the by-resources query as Aodh stores it (a JSON string)', () => {
    expect(alarmFromWire(BY_RESOURCES_ALARM).rule).toMatchObject({
      metric: 'cpu', query: '{"=": {"server_group": "stack-1"}}', aggregationMethod: 'rate:mean', granularity: 1, evaluationPeriods: 3, threshold: 800000000,
    });
  });

  it('reads the by-metrics metric list and a threshold sent as text', () => {
    expect(alarmFromWire(BY_METRICS_ALARM).rule).toMatchObject({ metrics: ['m1', 'm2'], comparisonOperator: 'le', threshold: 10, granularity: 300 });
  });

  it('reads the legacy threshold type: meter, statistic, period and its query list as JSON text', () => {
    const alarm = alarmFromWire(LEGACY_ALARM);
    expect(alarm.state).toBe('insufficient data');
    expect(alarm.rule).toMatchObject({ meterName: 'cpu_util', statistic: 'avg', period: 600, comparisonOperator: 'lt', granularity: null });
    expect(JSON.parse(alarm.rule.query ?? '')).toEqual(LEGACY_ALARM.threshold_rule.query);
  });

  it('falls back safely on unknown states, severities and operators', () => {
    const alarm = alarmFromWire({ alarm_id: 'x', type: 'event', state: 'weird', severity: 'huge', enabled: false });
    expect(alarm).toMatchObject({ state: 'insufficient data', severity: 'low', enabled: false, rule: { comparisonOperator: 'eq', evaluationPeriods: 1 } });
  });
});

describe('changeFromWire', () => {
  it('parses JSON detail and keeps other text', () => {
    const change = changeFromWire({
      event_id: 'e1', alarm_id: 'a1', type: 'state transition', timestamp: '2026-11-22T01:02:03.000000',
      detail: '{"state": "alarm", "transition_reason": "Transition to alarm"}', user_id: null,
    });
    expect(change).toEqual({ eventId: 'e1', type: 'state transition', timestamp: '2026-11-22T01:02:03.000000Z', detail: { state: 'alarm', transition_reason: 'Transition to alarm' }, userId: null });
    expect(changeFromWire({ type: 'rule change', detail: 'not json' }).detail).toBe('not json');
  });
});

describe('Aodh calls', () => {
  it('list under /v2 with q.field filters', async () => {
    fake.on('GET /alarming/v2/alarms', { status: 200, body: [RESOURCES_ALARM, BY_RESOURCES_ALARM] });
    const alarms = await listAlarms(aodh(), { state: 'alarm' });
    expect(fake.requests[0]?.url).toBe('/alarming/v2/alarms?q.field=state&q.op=eq&q.value=alarm');
    expect(alarms.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('get, create, delete and history', async () => {
    fake.on('GET /alarming/v2/alarms/a1', { status: 200, body: RESOURCES_ALARM });
    fake.on('POST /alarming/v2/alarms', { status: 201, body: RESOURCES_ALARM });
    fake.on('DELETE /alarming/v2/alarms/a1', { status: 204 });
    fake.on('GET /alarming/v2/alarms/a1/history', { status: 200, body: [{ event_id: 'e1', type: 'creation', detail: '{}', timestamp: '2026-11-22T01:00:00' }] });
    expect((await getAlarm(aodh(), 'a1')).name).toBe('cpu_high');
    await createAlarm(aodh(), { name: 'cpu_high', type: 'gnocchi_resources_threshold' });
    await deleteAlarm(aodh(), 'a1');
    expect((await alarmHistory(aodh(), 'a1', 50))[0]?.type).toBe('creation');
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /alarming/v2/alarms/a1', 'POST /alarming/v2/alarms', 'DELETE /alarming/v2/alarms/a1', 'GET /alarming/v2/alarms/a1/history?limit=50',
    ]);
  });

  it('patch reads the alarm and PUTs all of it back with the changes, without computed fields', async () => {
    fake.on('GET /alarming/v2/alarms/a1', { status: 200, body: RESOURCES_ALARM });
    fake.on('PUT /alarming/v2/alarms/a1', { status: 200, body: { ...RESOURCES_ALARM, enabled: false } });
    const alarm = await patchAlarm(aodh(), 'a1', { fields: { enabled: false }, rule: { threshold: 70 } });
    expect(alarm.enabled).toBe(false);
    const sent = JSON.parse(fake.requests[1]!.body);
    expect(sent).toMatchObject({ enabled: false, name: 'cpu_high', time_constraints: [], gnocchi_resources_threshold_rule: { threshold: 70, metric: 'cpu_util' } });
    expect(sent).not.toHaveProperty('alarm_id');
    expect(sent).not.toHaveProperty('state_timestamp');
  });

  it('surface Aodh’s 400 as an OpenStackError with its message', async () => {
    fake.on('POST /alarming/v2/alarms', { status: 400, body: { error_message: { faultstring: 'Alarm with name=cpu_high exists' } } });
    const error = await createAlarm(aodh(), { name: 'cpu_high' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenStackError);
    expect((error as OpenStackError).status).toBe(400);
    expect((error as OpenStackError).message).toContain('exists');
  });
});
