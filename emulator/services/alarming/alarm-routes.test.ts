// Aodh v2 alarms through app.inject: create, list with q filters, show, replace, state,
// history, delete, and Aodh's refusals in its error shape.

import { describe, expect, it } from 'vitest';
import { call, useTestCloud } from '../../testing/test-cloud';

const JSON_TYPE = { 'content-type': 'application/json' };
const cloud = useTestCloud({ resetBeforeEach: 'demo', login: true });

const gnocchiAlarm = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: 'gnocchi_aggregation_by_resources_threshold',
  gnocchi_aggregation_by_resources_threshold_rule: {
    metric: 'cpu_util',
    aggregation_method: 'mean',
    granularity: 60,
    evaluation_periods: 2,
    threshold: 80,
    comparison_operator: 'gt',
    resource_type: 'instance',
    query: JSON.stringify({ '=': { server_group: 'web' } }),
  },
  alarm_actions: ['http://example.test/up'],
  ...extra,
});

async function create(body: unknown, token = cloud.demo) {
  const response = await call(cloud.app, token, 'POST', '/alarming/v2/alarms', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Record<string, unknown>;
}

describe('Aodh v2 alarms', () => {
  it('needs a token below /v2 and answers discovery without one', async () => {
    expect((await call(cloud.app, undefined, 'GET', '/alarming/v2/alarms')).statusCode).toBe(401);
    expect((await call(cloud.app, undefined, 'GET', '/alarming/')).statusCode).toBe(200);
    const caps = await call(cloud.app, cloud.demo, 'GET', '/alarming/v2/capabilities');
    expect(caps.json()).toMatchObject({ api: { 'alarms:query:simple': true } });
  });

  it('creates an alarm with Aodh defaults and shows it', async () => {
    const alarm = await create(gnocchiAlarm('cpu-high'));
    expect(alarm).toMatchObject({
      name: 'cpu-high',
      state: 'insufficient data',
      state_reason: 'Not evaluated yet',
      severity: 'low',
      enabled: true,
      repeat_actions: false,
      ok_actions: [],
      time_constraints: [],
      description: 'gnocchi_aggregation_by_resources_threshold alarm rule',
      gnocchi_aggregation_by_resources_threshold_rule: { metric: 'cpu_util', threshold: 80, evaluation_periods: 2 },
    });
    expect(alarm.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    const shown = await call(cloud.app, cloud.demo, 'GET', `/alarming/v2/alarms/${String(alarm.alarm_id)}`);
    expect(shown.json()).toEqual(alarm);
  });

  it('fills the old threshold rule and its description', async () => {
    const alarm = await create({
      name: 'legacy',
      type: 'threshold',
      threshold_rule: { meter_name: 'cpu_util', threshold: 50, comparison_operator: 'gt', query: [{ field: 'metadata.user_metadata.stack', op: 'eq', value: 's1' }] },
      time_constraints: [{ name: 'night', start: '0 23 * * *', duration: 3600 }],
    });
    expect(alarm).toMatchObject({
      description: 'Alarm when cpu_util is gt a avg of 50 over 60 seconds',
      threshold_rule: { statistic: 'avg', period: 60, evaluation_periods: 1, exclude_outliers: false },
      time_constraints: [{ name: 'night', duration: 3600, timezone: '', description: 'Time constraint at 0 23 * * * lasting for 3600 seconds' }],
    });
  });

  it.each([
    [{ name: 'x', type: 'nope' }, 'Invalid input for field/attribute type. Value: \'nope\'. Value should be one of:'],
    [{ name: 'x', type: 'gnocchi_aggregation_by_resources_threshold' }, 'gnocchi_aggregation_by_resources_threshold_rule must be set for gnocchi_aggregation_by_resources_threshold type alarm'],
    [gnocchiAlarm('x', { gnocchi_aggregation_by_resources_threshold_rule: { ...gnocchiAlarm('x').gnocchi_aggregation_by_resources_threshold_rule, comparison_operator: 'bigger' } }), "Invalid input for field/attribute comparison_operator. Value: 'bigger'. Value should be one of: lt, le, eq, ne, ge, gt"],
    [gnocchiAlarm('x', { gnocchi_aggregation_by_resources_threshold_rule: { metric: 'cpu_util', aggregation_method: 'mean', resource_type: 'instance', query: '{}' } }), "Invalid input for field/attribute threshold. Value: 'Unset'. Mandatory field missing."],
    [gnocchiAlarm('x', { alarm_actions: ['ftp://nowhere'] }), 'Unsupported action ftp://nowhere'],
    [gnocchiAlarm('x', { severity: 'huge' }), "Invalid input for field/attribute severity. Value: 'huge'."],
  ])('refuses bad input with 400: %#', async (body, message) => {
    const response = await call(cloud.app, cloud.demo, 'POST', '/alarming/v2/alarms', body);
    expect(response.statusCode).toBe(400);
    const fault = (response.json() as { error_message: { faultstring: string; faultcode: string } }).error_message;
    expect(fault.faultstring).toContain(message);
    expect(fault.faultcode).toBe('Client');
  });

  it('refuses a second alarm of the same name in a project with 409', async () => {
    await create(gnocchiAlarm('dup'));
    const again = await call(cloud.app, cloud.demo, 'POST', '/alarming/v2/alarms', gnocchiAlarm('dup'));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error_message: { faultstring: "Alarm with name='dup' exists" } });
  });

  it('lists the caller project alarms, filtered by q.field/q.op/q.value', async () => {
    await create(gnocchiAlarm('a1'));
    await create(gnocchiAlarm('a2', { severity: 'critical' }));
    await create(gnocchiAlarm('admin-one'), cloud.admin);
    const mine = await call(cloud.app, cloud.demo, 'GET', '/alarming/v2/alarms');
    expect((mine.json() as { name: string }[]).map((a) => a.name)).toEqual(['a1', 'a2']);
    const all = await call(cloud.app, cloud.admin, 'GET', '/alarming/v2/alarms');
    expect((all.json() as unknown[]).length).toBe(3);
    const critical = await call(cloud.app, cloud.demo, 'GET', '/alarming/v2/alarms?q.field=severity&q.op=eq&q.value=critical');
    expect((critical.json() as { name: string }[]).map((a) => a.name)).toEqual(['a2']);
    const notA1 = await call(cloud.app, cloud.demo, 'GET', '/alarming/v2/alarms?q.field=name&q.op=ne&q.value=a1&q.field=state&q.op=eq&q.value=insufficient%20data');
    expect((notA1.json() as { name: string }[]).map((a) => a.name)).toEqual(['a2']);
    const bad = await call(cloud.app, cloud.demo, 'GET', '/alarming/v2/alarms?q.field=colour&q.value=red');
    expect(bad.statusCode).toBe(400);
  });

  it('hides another project alarm behind a 404', async () => {
    const alarm = await create(gnocchiAlarm('secret'), cloud.admin);
    const response = await call(cloud.app, cloud.demo, 'GET', `/alarming/v2/alarms/${String(alarm.alarm_id)}`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error_message: { faultstring: `Alarm ${String(alarm.alarm_id)} not found`, faultcode: 'Client', debuginfo: null } });
  });

  it('sets and reads the state, replaces the alarm, and records history newest first', async () => {
    const alarm = await create(gnocchiAlarm('hist'));
    const base = `/alarming/v2/alarms/${String(alarm.alarm_id)}`;
    const set = await call(cloud.app, cloud.demo, 'PUT', `${base}/state`, '"alarm"', JSON_TYPE);
    expect(set.statusCode).toBe(200);
    expect(set.json()).toBe('alarm');
    expect((await call(cloud.app, cloud.demo, 'GET', `${base}/state`)).json()).toBe('alarm');
    const badState = await call(cloud.app, cloud.demo, 'PUT', `${base}/state`, '"panic"', JSON_TYPE);
    expect(badState.statusCode).toBe(400);

    const replaced = await call(cloud.app, cloud.demo, 'PUT', base, gnocchiAlarm('hist', { state: 'alarm', severity: 'moderate' }));
    expect(replaced.json()).toMatchObject({ severity: 'moderate', state: 'alarm', state_reason: 'Manually set via API' });

    const history = (await call(cloud.app, cloud.demo, 'GET', `${base}/history`)).json() as Record<string, unknown>[];
    expect(history.map((h) => h.type)).toEqual(['rule change', 'state transition', 'creation']);
    expect(JSON.parse(String(history[0]?.detail))).toEqual({ severity: 'moderate' });
    expect(JSON.parse(String(history[1]?.detail))).toEqual({ state: 'alarm', state_reason: 'Manually set via API' });
    expect(JSON.parse(String(history[2]?.detail))).toMatchObject({ name: 'hist', alarm_id: alarm.alarm_id });
    expect(history[0]).toMatchObject({ alarm_id: alarm.alarm_id, on_behalf_of: alarm.project_id, severity: 'moderate' });

    expect((await call(cloud.app, cloud.demo, 'DELETE', base)).statusCode).toBe(204);
    expect((await call(cloud.app, cloud.demo, 'GET', base)).statusCode).toBe(404);
    const after = (await call(cloud.app, cloud.demo, 'GET', `${base}/history`)).json() as Record<string, unknown>[];
    expect(after.map((h) => h.type)).toEqual(['deletion', 'rule change', 'state transition', 'creation']);
  });
});
