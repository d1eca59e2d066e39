import { describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { alarmFormSchema, alarmPatchSchema } from '../validation/alarms';
import { loadAlarmMeasures, windowStart } from './alarm-measures';
import { addAlarm, loadAlarm, loadAlarmHistory, loadAlarms, patchAlarmSettings, replaceAlarmSettings, setAlarmEnabled } from './alarms';
import { fieldOfAodhMessage } from './alarms-wire';
import { fakeScope } from './fake-scope';

const WIRE = {
  alarm_id: 'a1', name: 'cpu_high', description: '', type: 'gnocchi_resources_threshold', enabled: true, state: 'ok', state_reason: 'Transition to ok',
  state_timestamp: '2026-11-22T01:10:00', timestamp: '2026-11-22T01:00:00', severity: 'low', repeat_actions: false,
  alarm_actions: [], ok_actions: [], insufficient_data_actions: [], time_constraints: [{ name: 'night', start: '0 23 * * *', duration: 3600 }],
  project_id: 'p-demo', user_id: 'u-demo',
  gnocchi_resources_threshold_rule: {
    metric: 'cpu_util', resource_id: 'srv-1', resource_type: 'instance', granularity: 60, aggregation_method: 'mean',
    comparison_operator: 'gt', threshold: 50, evaluation_periods: 1,
  },
};

const fake = useFakeService();
const ctx = () => fakeScope(fake.url);
const form = (extra: Record<string, unknown> = {}) =>
  alarmFormSchema.parse({
    name: 'cpu_high', type: 'gnocchi_resources_threshold', metric: 'cpu_util', resourceId: 'srv-1', aggregationMethod: 'mean',
    granularity: '60', evaluationPeriods: '1', comparisonOperator: 'gt', threshold: '50', ...extra,
  });

describe('alarms BFF', () => {
  it('lists the project’s alarms by name with their rule in the user’s language', async () => {
    fake.on('GET /alarming/v2/alarms', { status: 200, body: [{ ...WIRE, alarm_id: 'b', name: 'zz' }, WIRE] });
    fake.on('GET /compute/v2.1/servers/detail', { status: 200, body: { servers: [{ id: 'srv-1', name: 'web-1', status: 'ACTIVE' }] } });
    const { alarms } = await loadAlarms(ctx(), 'en', 'alarm');
    expect(fake.requests.find((r) => r.url.startsWith('/alarming'))?.url).toBe('/alarming/v2/alarms?q.field=state&q.op=eq&q.value=alarm');
    expect(alarms.map((a) => a.name)).toEqual(['cpu_high', 'zz']);
    expect(alarms[0]?.ruleText).toBe('cpu_util > 50 during 1 × 60 s for instance web-1');
    expect((await loadAlarms(ctx(), 'ja')).alarms[0]?.ruleText).toBe('cpu_util > 50(1 × 60 秒間)、インスタンス web-1');
    // Nova failing costs only the name.
    fake.on('GET /compute/v2.1/servers/detail', { status: 503, body: {} });
    expect((await loadAlarms(ctx(), 'en')).alarms[0]?.ruleText).toBe('cpu_util > 50 during 1 × 60 s for instance srv-1');
  });

  it('names the stack and policy an action signals only when it is the user’s own Heat URL', async () => {
    const own = `${fake.url}/orchestration/stacks/web/st-1/resources/scale_up/signal`;
    const elsewhere = 'http://evil.example/orchestration/stacks/web/st-1/resources/scale_up/signal';
    fake.on('GET /alarming/v2/alarms/a1', { status: 200, body: { ...WIRE, alarm_actions: [own, elsewhere], ok_actions: ['log://'] } });
    const view = await loadAlarm(ctx(), 'a1', 'en');
    expect(view.actions.alarm).toEqual([
      { url: own, heat: { stackName: 'web', stackId: 'st-1', resource: 'scale_up', via: 'native' } },
      { url: elsewhere, heat: null },
    ]);
    expect(view.actions.ok).toEqual([{ url: 'log://', heat: null }]);
  });

  it('gives the history newest first', async () => {
    fake.on('GET /alarming/v2/alarms/a1/history', {
      status: 200,
      body: [
        { event_id: 'e1', type: 'creation', detail: '{}', timestamp: '2026-11-22T01:00:00' },
        { event_id: 'e2', type: 'state transition', detail: '{"state":"alarm"}', timestamp: '2026-11-22T01:05:00' },
      ],
    });
    expect((await loadAlarmHistory(ctx(), 'a1')).changes.map((c) => c.eventId)).toEqual(['e2', 'e1']);
    expect(fake.requests[0]?.url).toBe('/alarming/v2/alarms/a1/history?limit=200');
  });

  it('creates with Aodh’s body and shows Aodh’s refusal at the field it names', async () => {
    fake.on('POST /alarming/v2/alarms', { status: 201, body: WIRE });
    await addAlarm(ctx(), form({ alarmActions: ['http://heat/signal'] }));
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({
      name: 'cpu_high', type: 'gnocchi_resources_threshold', severity: 'low', enabled: true, repeat_actions: false,
      alarm_actions: ['http://heat/signal'], ok_actions: [], insufficient_data_actions: [],
      gnocchi_resources_threshold_rule: {
        metric: 'cpu_util', resource_type: 'instance', resource_id: 'srv-1', aggregation_method: 'mean', granularity: 60,
        evaluation_periods: 1, comparison_operator: 'gt', threshold: 50,
      },
    });
    fake.on('POST /alarming/v2/alarms', { status: 409, body: { error_message: { faultstring: "Alarm with name='cpu_high' exists" } } });
    await expect(addAlarm(ctx(), form())).rejects.toMatchObject({ payload: { status: 409, code: 'alarm.refused', fields: { name: "Alarm with name='cpu_high' exists" } } });
  });

  it('edits by PUTting the whole alarm back, keeping its time constraints', async () => {
    fake.on('GET /alarming/v2/alarms/a1', { status: 200, body: WIRE });
    fake.on('PUT /alarming/v2/alarms/a1', { status: 200, body: WIRE });
    await replaceAlarmSettings(ctx(), 'a1', form({ threshold: '70' }));
    await patchAlarmSettings(ctx(), 'a1', alarmPatchSchema.parse({ threshold: 80 }));
    await setAlarmEnabled(ctx(), 'a1', false);
    const puts = fake.requests.filter((r) => r.method === 'PUT').map((r) => JSON.parse(r.body));
    expect(puts[0]).toMatchObject({ time_constraints: WIRE.time_constraints, gnocchi_resources_threshold_rule: { threshold: 70 } });
    expect(puts[1]).toMatchObject({ enabled: true, severity: 'low', gnocchi_resources_threshold_rule: { threshold: 80, metric: 'cpu_util' } });
    expect(puts[2]).toMatchObject({ enabled: false, gnocchi_resources_threshold_rule: { threshold: 50 } });
  });

  it('charts a resources alarm with its instance’s cpu_util and the state changes', async () => {
    fake.on('GET /alarming/v2/alarms/a1', { status: 200, body: WIRE });
    fake.on('GET /alarming/v2/alarms/a1/history', {
      status: 200,
      body: [{ event_id: 'e2', type: 'state transition', detail: '{"state":"alarm","transition_reason":"1 sample above"}', timestamp: '2026-11-22T01:05:00' }],
    });
    fake.on('GET /metric/v1/resource/instance/srv-1/metric/cpu_util/measures', { status: 200, body: [['2026-11-22T01:04:00+00:00', 60, 93.5]] });
    const view = await loadAlarmMeasures(ctx(), 'a1');
    expect(view).toMatchObject({ metric: 'cpu_util', threshold: 50, unsupported: null, transitions: [{ state: 'alarm', reason: '1 sample above' }] });
    expect(view.measures).toEqual([{ time: '2026-11-22T01:04:00.000Z', granularity: 60, value: 93.5 }]);
    const url = fake.requests.find((r) => r.url.startsWith('/metric'))?.url ?? '';
    expect(url).toContain('granularity=60');
    expect(new URL(url, fake.url).searchParams.get('start')).toBe('2026-11-22T00:50:00.000Z');
  });
});

describe('alarm helpers', () => {
  it.each([
    ["Invalid input for field/attribute threshold. Value: 'x'. Wrong type.", 'threshold'],
    ["Invalid input for field/attribute resource_id. Value: 'Unset'. Mandatory field missing.", 'resourceId'],
    ['Unsupported action ftp://x', 'alarmActions'],
    ['Query value or traits invalid: {', 'query'],
    ['Something else entirely', null],
  ])('“%s” is about %s', (message, field) => {
    expect(fieldOfAodhMessage(message)).toBe(field);
  });

  it('chart from ten minutes before creation, six hours at most', () => {
    const alarm = { timestamp: '2026-11-22T12:00:00Z', stateTimestamp: '2026-11-22T12:00:00Z' } as never;
    expect(windowStart(alarm, [{ timestamp: '2026-11-22T11:00:00Z' } as never])).toBe('2026-11-22T10:50:00.000Z');
    expect(windowStart(alarm, [{ timestamp: '2026-11-21T00:00:00Z' } as never])).toBe('2026-11-22T06:00:00.000Z');
  });
});
