// Signals to a ScalingPolicy through the pre-signed CFN alarm_url (no token) and the native
// signal_url: SIGNAL_COMPLETE events, the group resized by the policy, cooldown and max_size.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, control, PUBLIC_URL, useTestCloud } from '../../testing/test-cloud';
import { ensureFixtureNames, projectOf } from './heat-test-support';
import { loadYaml } from './hot/yaml-load';

const cloud = useTestCloud({ resetBeforeEach: 'demo', login: true });
const fixture = (path: string) => readFileSync(join(__dirname, 'hot', 'fixtures', path), 'utf8');

type Row = Record<string, unknown>;

describe('ScalingPolicy signals', () => {
  it('resizes the group through alarm_url and signal_url, within cooldown and max_size', async () => {
    await control(cloud.app, 'clock', { mode: 'manual' });
    const base = `/heat-api/v1/${await projectOf(cloud.app, cloud.demo)}/stacks`;
    await ensureFixtureNames(cloud.app, cloud.demo);
    const created = await call(cloud.app, cloud.demo, 'POST', base, {
      stack_name: 'cpu',
      template: loadYaml(fixture('rhosp8-cpu/example.yaml'), 'template'),
      environment: loadYaml(fixture('rhosp8-cpu/environment.yaml'), 'environment'),
      files: { 'file:///etc/heat/templates/cirros.yaml': fixture('rhosp8-cpu/cirros.yaml') },
    });
    expect(created.statusCode, created.body).toBe(201);
    const stackUrl = `${base}/cpu/${(created.json() as { stack: { id: string } }).stack.id}`;
    await control(cloud.app, 'clock/advance', { seconds: 10 });
    const attr = async (res: string, name: string) =>
      ((await call(cloud.app, cloud.demo, 'GET', `${stackUrl}/resources/${res}`)).json() as { resource: { attributes: Row } }).resource.attributes[name];
    expect(await attr('scaleup_group', 'current_size')).toBe(1);

    const alarmUrl = String(await attr('scaleup_policy', 'alarm_url'));
    expect(alarmUrl).toMatch(/^http:\/\/cloud\.test:8788\/heat-api-cfn\/v1\/signal\/arn%3Aopenstack%3Aheat%3A%3A.*%2Fresources%2Fscaleup_policy\?SignatureMethod=HmacSHA256&SignatureVersion=2&AWSAccessKeyId=\w+&Signature=/);
    const signal = (body: unknown) => call(cloud.app, undefined, 'POST', alarmUrl.slice(PUBLIC_URL.length), body);
    const alarm = { previous: 'ok', current: 'alarm', reason: 'Transition to alarm due to 1 samples outside threshold' };
    expect((await signal(alarm)).statusCode).toBe(200);
    expect(await attr('scaleup_group', 'current_size')).toBe(2);
    expect((await signal(alarm)).statusCode).toBe(200);
    expect(await attr('scaleup_group', 'current_size')).toBe(2); // cooldown 60 s

    await control(cloud.app, 'clock/advance', { seconds: 61 });
    const native = await call(cloud.app, cloud.demo, 'POST', `${stackUrl}/resources/scaleup_policy/signal`, {});
    expect(native.statusCode).toBe(200);
    expect(await attr('scaleup_group', 'current_size')).toBe(3);
    await control(cloud.app, 'clock/advance', { seconds: 61 });
    await signal(alarm);
    expect(await attr('scaleup_group', 'current_size')).toBe(3); // max_size

    const events = ((await call(cloud.app, cloud.demo, 'GET', `${stackUrl}/resources/scaleup_policy/events`)).json() as { events: Row[] }).events;
    // Only the two signals that resized the group leave an event (Heat's NoActionRequired is silent).
    const signals = events.filter((e) => e.resource_status === 'SIGNAL_COMPLETE');
    expect(signals).toHaveLength(2);
    expect(signals[0]!.resource_status_reason).toBe(`alarm state changed from ok to alarm (${alarm.reason})`);
    expect(signals[1]!.resource_status_reason).toBe('No signal details provided');
    // The group's metadata says when the last cooldown ends and why it started, as Heat keeps it.
    const metadata = (await call(cloud.app, cloud.demo, 'GET', `${stackUrl}/resources/scaleup_group/metadata`)).json().metadata;
    expect(metadata.scaling_in_progress).toBe(false);
    const [end, reason] = Object.entries(metadata.cooldown_end as Record<string, string>)[0]!;
    expect(end).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    // Event times are whole seconds; the cooldown (60 s) runs from the signal's exact time.
    const after = Date.parse(`${end}Z`) - Date.parse(signals[1]!.event_time as string);
    expect(after).toBeGreaterThanOrEqual(60_000);
    expect(after).toBeLessThan(61_000);
    expect(reason).toBe('change_in_capacity : 1');

    const forged = await call(cloud.app, undefined, 'POST', `/heat-api-cfn/v1/signal/${encodeURIComponent('arn:openstack:heat::x:stacks/cpu/nope/resources/scaleup_policy')}`, alarm);
    expect(forged.statusCode).toBe(404);
  });
});
