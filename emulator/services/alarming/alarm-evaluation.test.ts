// The evaluator inside the cloud: an alarm on a demo server's simulated cpu_util goes to ok
// when the clock moves on, to alarm once the server is loaded, records both transitions, and
// POSTs Aodh's notification to the alarm action over HTTP.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerTestCloud } from '../compute/server-testing';
import { startServerCloud } from '../compute/server-testing';
import { call, control } from '../../testing/test-cloud';

let cloud: ServerTestCloud;

let receiver: Server;
let receiverUrl: string;
const received: Record<string, unknown>[] = [];
const tokens: (string | undefined)[] = [];
let onReceive: (() => void) | undefined;

beforeAll(async () => {
  cloud = await startServerCloud();
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push(JSON.parse(body) as Record<string, unknown>);
      tokens.push(request.headers['x-auth-token'] as string | undefined);
      response.end();
      onReceive?.();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/signal`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await cloud.dispose();
});

const advance = async (seconds: number) => {
  const response = await control(cloud.app, 'clock/advance', { seconds });
  expect(response.statusCode).toBe(200);
};

describe('alarm evaluation on the simulation clock', () => {
  it('goes ok when idle, alarm under load, and notifies the alarm action', async () => {
    const serverId = await cloud.boot(cloud.demo);
    // Let the server become active and run long enough to have samples before the alarm exists.
    await advance(600);

    const created = await call(cloud.app, cloud.demo, 'POST', '/alarming/v2/alarms', {
      name: 'cpu-busy',
      type: 'gnocchi_resources_threshold',
      gnocchi_resources_threshold_rule: {
        metric: 'cpu_util',
        resource_type: 'instance',
        resource_id: serverId,
        aggregation_method: 'mean',
        granularity: 60,
        evaluation_periods: 2,
        comparison_operator: 'gt',
        threshold: 50,
      },
      alarm_actions: [receiverUrl, receiverUrl.replace('http://', 'trust+http://trust-id:delete@')],
    });
    expect(created.statusCode, created.body).toBe(201);
    const base = `/alarming/v2/alarms/${String((created.json() as { alarm_id: string }).alarm_id)}`;

    await advance(120);
    expect((await call(cloud.app, cloud.demo, 'GET', base)).json()).toMatchObject({
      state: 'ok',
      state_reason: expect.stringMatching(/^Transition to ok due to 2 samples inside threshold, most recent: /),
    });

    const loaded = await control(cloud.app, 'load', { server_id: serverId, cpu_percent: 100 });
    expect(loaded.statusCode, loaded.body).toBe(200);
    const delivered = new Promise<void>((resolve) => (onReceive = () => received.length === 2 && resolve()));
    await advance(300);
    const alarm = (await call(cloud.app, cloud.demo, 'GET', base)).json() as Record<string, unknown>;
    expect(alarm).toMatchObject({ state: 'alarm' });
    await delivered;
    const notification = expect.objectContaining({
      alarm_name: 'cpu-busy',
      previous: 'ok',
      current: 'alarm',
      severity: 'low',
      reason: alarm.state_reason,
    });
    expect(received).toEqual([notification, notification]);
    // The trust+http action lost its prefix and carries a token of the alarm's owner.
    expect(tokens[0]).toBeUndefined();
    const check = await cloud.app.inject({
      method: 'GET',
      url: '/identity/v3/auth/tokens',
      headers: { 'x-auth-token': cloud.admin, 'x-subject-token': String(tokens[1]) },
    });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ token: { user: { name: 'demo' }, project: { name: 'demo' } } });

    const history = (await call(cloud.app, cloud.demo, 'GET', `${base}/history`)).json() as { type: string; detail: string }[];
    expect(history.map((h) => [h.type, h.type === 'creation' ? undefined : JSON.parse(h.detail).state])).toEqual([
      ['state transition', 'alarm'],
      ['state transition', 'ok'],
      ['creation', undefined],
    ]);
  });

  it('evaluates the old threshold type (metering metadata) and Heat\'s rate over a server_group', async () => {
    const stack = 'stack-1';
    const member = await cloud.boot(cloud.demo, { name: 'member', metadata: { 'metering.stack': stack } });
    await cloud.boot(cloud.demo, { name: 'outsider' });
    await advance(300);
    const created = await call(cloud.app, cloud.demo, 'POST', '/alarming/v2/alarms', {
      name: 'legacy-high',
      type: 'threshold',
      threshold_rule: {
        meter_name: 'cpu_util',
        statistic: 'avg',
        period: 60,
        evaluation_periods: 1,
        comparison_operator: 'gt',
        threshold: 70,
        query: [{ field: 'metadata.user_metadata.stack', op: 'eq', value: stack }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const base = `/alarming/v2/alarms/${String((created.json() as { alarm_id: string }).alarm_id)}`;
    // Heat's kind: CPU time rate over the group's instances (ns per granularity), by server_group.
    const byGroup = await call(cloud.app, cloud.demo, 'POST', '/alarming/v2/alarms', {
      name: 'group-high',
      type: 'gnocchi_aggregation_by_resources_threshold',
      gnocchi_aggregation_by_resources_threshold_rule: {
        metric: 'cpu',
        aggregation_method: 'rate:mean',
        granularity: 60,
        evaluation_periods: 1,
        comparison_operator: 'gt',
        threshold: 30e9,
        resource_type: 'instance',
        query: JSON.stringify({ '=': { server_group: stack } }),
      },
    });
    expect(byGroup.statusCode, byGroup.body).toBe(201);
    const groupBase = `/alarming/v2/alarms/${String((byGroup.json() as { alarm_id: string }).alarm_id)}`;
    const resource = await call(cloud.app, cloud.demo, 'GET', `/metric/v1/resource/instance/${member}`);
    expect(resource.statusCode, resource.body).toBe(200);
    const byMetrics = await call(cloud.app, cloud.demo, 'POST', '/alarming/v2/alarms', {
      name: 'metric-high',
      type: 'gnocchi_aggregation_by_metrics_threshold',
      gnocchi_aggregation_by_metrics_threshold_rule: {
        metrics: [(resource.json() as { metrics: Record<string, string> }).metrics.cpu_util],
        aggregation_method: 'mean',
        comparison_operator: 'gt',
        threshold: 70,
      },
    });
    expect(byMetrics.statusCode, byMetrics.body).toBe(201);
    const metricsBase = `/alarming/v2/alarms/${String((byMetrics.json() as { alarm_id: string }).alarm_id)}`;
    await advance(120);
    expect((await call(cloud.app, cloud.demo, 'GET', base)).json()).toMatchObject({ state: 'ok' });
    expect((await call(cloud.app, cloud.demo, 'GET', groupBase)).json()).toMatchObject({ state: 'ok' });
    expect((await call(cloud.app, cloud.demo, 'GET', metricsBase)).json()).toMatchObject({ state: 'ok' });
    expect((await control(cloud.app, 'load', { server_id: member, cpu_percent: 95 })).statusCode).toBe(200);
    await advance(180);
    expect((await call(cloud.app, cloud.demo, 'GET', base)).json()).toMatchObject({
      state: 'alarm',
      state_reason: expect.stringMatching(/^Transition to alarm due to 1 samples outside threshold, most recent: 9\d/),
    });
    expect((await call(cloud.app, cloud.demo, 'GET', groupBase)).json()).toMatchObject({ state: 'alarm' });
    expect((await call(cloud.app, cloud.demo, 'GET', metricsBase)).json()).toMatchObject({ state: 'alarm' });
  });
});
