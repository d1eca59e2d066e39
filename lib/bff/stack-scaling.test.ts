import { describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import { signalOutput } from './stack-detail-signal';
import { loadScaling } from './stack-scaling';
import { actionTargetsPolicy, canChange, cooldownFromMetadata, replayCooldown, scalingModel } from './stack-scaling-model';

const TEMPLATE = {
  heat_template_version: '2016-10-14',
  parameters: { max: { type: 'number' } },
  resources: {
    asg: { type: 'OS::Heat::AutoScalingGroup', properties: { min_size: 1, max_size: { get_param: 'max' }, cooldown: 60, resource: { type: 'OS::Nova::Server' } } },
    up: { type: 'OS::Heat::ScalingPolicy', properties: { auto_scaling_group_id: { get_resource: 'asg' }, adjustment_type: 'change_in_capacity', scaling_adjustment: 1, cooldown: 120 } },
    down: { type: 'OS::Heat::ScalingPolicy', properties: { auto_scaling_group_id: { get_resource: 'asg' }, adjustment_type: 'change_in_capacity', scaling_adjustment: -1 } },
  },
};

describe('the scaling model', () => {
  const model = scalingModel(TEMPLATE, { max: '3' });
  const group = model.groups[0]!;

  it('reads groups and policies from the template, parameters resolved', () => {
    expect(group).toEqual({ name: 'asg', minSize: 1, maxSize: 3, desired: null, cooldown: 60, memberType: 'OS::Nova::Server' });
    expect(model.policies).toEqual([
      { name: 'up', group: 'asg', adjustmentType: 'change_in_capacity', adjustment: 1, cooldown: 120 },
      { name: 'down', group: 'asg', adjustmentType: 'change_in_capacity', adjustment: -1, cooldown: null },
    ]);
  });

  it('replays the cooldown from signals: one inside the cooldown is refused, the policy’s cooldown before the group’s', () => {
    const signal = (resourceName: string, time: string) => ({ resourceName, action: 'SIGNAL', status: 'COMPLETE', time });
    expect(replayCooldown([signal('up', '2026-01-01T12:00:00Z')], model.policies, group)).toEqual({ cooldownUntil: '2026-01-01T12:02:00.000Z' });
    expect(replayCooldown([signal('up', '2026-01-01T12:00:00Z'), signal('down', '2026-01-01T12:01:00Z')], model.policies, group)).toEqual({
      cooldownUntil: '2026-01-01T12:02:00.000Z',
    });
    expect(replayCooldown([signal('up', '2026-01-01T12:00:00Z'), signal('down', '2026-01-01T12:03:00Z')], model.policies, group).cooldownUntil).toBe('2026-01-01T12:04:00.000Z');
    expect(replayCooldown([], model.policies, group)).toEqual({ cooldownUntil: null });
  });

  it('reads Heat’s cooldown_end metadata, and knows when a policy cannot move the group', () => {
    expect(cooldownFromMetadata({ cooldown_end: { '2026-01-01T12:04:31.000000': 'change_in_capacity : 1' }, scaling_in_progress: false })).toBe('2026-01-01T12:04:31.000Z');
    expect(cooldownFromMetadata({})).toBeNull();
    expect(canChange(model.policies[0]!, group, 3)).toBe(false);
    expect(canChange(model.policies[0]!, group, 2)).toBe(true);
    expect(canChange(model.policies[1]!, group, 1)).toBe(false);
  });

  it('matches alarm actions to policies in either URL form, trust+ included', () => {
    const stack = { name: 'web', id: 's1' };
    expect(actionTargetsPolicy('trust+http://h/heat-api/v1/p/stacks/web/s1/resources/up/signal', stack, 'up')).toBe(true);
    expect(actionTargetsPolicy(`http://h/heat-api-cfn/v1/signal/${encodeURIComponent('arn:openstack:heat::p:stacks/web/s1/resources/up')}?Signature=x`, stack, 'up')).toBe(true);
    expect(actionTargetsPolicy('http://h/heat-api/v1/p/stacks/web/s1/resources/upper/signal', stack, 'up')).toBe(false);
    expect(actionTargetsPolicy('http://h/heat-api/v1/p/stacks/web/s2/resources/up/signal', stack, 'up')).toBe(false);
  });
});

const fake = useFakeService();
const H = '/orchestration/stacks/web/s1';

function heat(state: { size: number; signals: string[] }) {
  const redirect = (r: { url: string }) => ({ status: 302, headers: { location: `${fake.url}${r.url.replace('/orchestration/stacks/s1', H)}` } });
  for (const path of ['', '/template', '/resources', '/events']) fake.on(`GET /orchestration/stacks/s1${path}`, redirect);
  const signalUrl = `${fake.url}${H}/resources/up/signal`;
  fake.on(`GET ${H}`, {
    status: 200,
    body: { stack: { id: 's1', stack_name: 'web', stack_status: 'CREATE_COMPLETE', parameters: { max: '3' }, outputs: [{ output_key: 'scale_up_url', output_value: signalUrl }, { output_key: 'site', output_value: 'https://example.com' }] } },
  });
  fake.on(`GET ${H}/template`, { status: 200, body: TEMPLATE });
  fake.on(`GET ${H}/resources/asg`, () => ({ status: 200, body: { resource: { resource_name: 'asg', physical_resource_id: 'nested-1', resource_type: 'OS::Heat::AutoScalingGroup', attributes: { current_size: state.size } } } }));
  // Heat keeps the cooldown in the group's metadata once it has scaled (naive UTC isoformat).
  fake.on(`GET ${H}/resources/asg/metadata`, () => ({
    status: 200,
    body: { metadata: state.signals.length === 0 ? {} : { cooldown_end: { '2026-01-01T12:02:00.000000': 'change_in_capacity : 1' }, scaling_in_progress: false } },
  }));
  fake.on(`GET ${H}/events`, () => ({
    status: 200,
    body: { events: state.signals.map((time, i) => ({ id: `e${i}`, event_time: time, resource_name: 'up', resource_status: 'SIGNAL_COMPLETE', resource_status_reason: 'No signal details provided' })) },
  }));
  // The first signal scales and is recorded; one inside the cooldown changes nothing and, as in Heat,
  // leaves no event. Date is the cloud's clock, which is not ours.
  let posts = 0;
  fake.on(`POST ${H}/resources/up/signal`, () => {
    posts += 1;
    if (posts === 1) {
      state.size += 1;
      state.signals.push('2026-01-01T12:00:00Z');
      return { status: 200, headers: { date: 'Thu, 01 Jan 2026 12:00:00 GMT' } };
    }
    return { status: 200, headers: { date: 'Thu, 01 Jan 2026 12:00:30 GMT' } };
  });
  return signalUrl;
}

describe('the scaling tab and the signal button', () => {
  it('show the group with its members, policies, the outputs that fire them and the alarms that drive them', async () => {
    heat({ size: 1, signals: [] });
    fake.on(`GET ${H}/resources`, {
      status: 200,
      body: {
        resources: [
          { resource_name: 'asg', physical_resource_id: 'nested-1', resource_type: 'OS::Heat::AutoScalingGroup', resource_status: 'CREATE_COMPLETE', links: [{ rel: 'stack', href: `${fake.url}${H}` }] },
          { resource_name: 'm1', physical_resource_id: 'srv-1', resource_type: 'OS::Nova::Server', resource_status: 'CREATE_COMPLETE', parent_resource: 'asg', links: [{ rel: 'stack', href: `${fake.url}/orchestration/stacks/web-asg/nested-1` }] },
        ],
      },
    });
    fake.on('GET /compute/v2.1/servers/srv-1', { status: 200, body: { server: { id: 'srv-1', name: 'web-asg-m1', status: 'ACTIVE' } } });
    fake.on('GET /metric/v1/resource/instance/srv-1/metric/cpu_util/measures', { status: 200, body: [['2026-01-01T12:00:00+00:00', 60, 12.5], ['2026-01-01T12:01:00+00:00', 60, 87.5]] });
    fake.on('GET /alarming/v2/alarms', {
      status: 200,
      body: [
        { alarm_id: 'a1', name: 'cpu_high', type: 'gnocchi_aggregation_by_resources_threshold', state: 'alarm', alarm_actions: [`trust+${fake.url}${H}/resources/up/signal`], gnocchi_aggregation_by_resources_threshold_rule: { metric: 'cpu_util', comparison_operator: 'gt', threshold: 50, aggregation_method: 'mean', granularity: 60, evaluation_periods: 1, resource_type: 'instance', query: '{"=": {"server_group": "s1"}}' } },
        { alarm_id: 'a2', name: 'other', type: 'threshold', state: 'ok', alarm_actions: ['http://elsewhere/'], threshold_rule: { meter_name: 'cpu_util', comparison_operator: 'gt', threshold: 1, statistic: 'avg', period: 60, evaluation_periods: 1 } },
      ],
    });
    const { groups } = await loadScaling(fakeScope(fake.url), 's1', 'en');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ name: 'asg', physicalId: 'nested-1', current: 1, desired: 1, min: 1, max: 3, cooldownUntil: null });
    expect(groups[0]!.members).toEqual([{ serverId: 'srv-1', name: 'web-asg-m1', status: 'ACTIVE', cpuPercent: 87.5 }]);
    expect(groups[0]!.policies.map((p) => [p.name, p.signalOutputKey, p.cooldown, p.alarms.map((a) => a.name)])).toEqual([
      ['up', 'scale_up_url', 120, ['cpu_high']],
      ['down', null, 60, []],
    ]);
    expect(groups[0]!.policies[0]!.alarms[0]!.ruleText).toContain('50');
  });

  it('POSTs the output’s URL with the user’s token and says 1 → 2, then in cooldown until …', async () => {
    const state = { size: 1, signals: [] as string[] };
    heat(state);
    const ctx = fakeScope(fake.url);
    expect(await signalOutput(ctx, 's1', 'scale_up_url')).toMatchObject({ group: 'asg', before: 1, after: 2, outcome: 'scaled', cooldownUntil: '2026-01-01T12:02:00.000Z' });
    const post = fake.requests.find((r) => r.method === 'POST')!;
    expect(post.headers['x-auth-token']).toBe('tok');
    expect(await signalOutput(ctx, 's1', 'scale_up_url')).toMatchObject({ before: 2, after: 2, outcome: 'cooldown', cooldownUntil: '2026-01-01T12:02:00.000Z' });
  });

  it('refuses outputs that are not signal URLs or are missing, sending nothing', async () => {
    heat({ size: 1, signals: [] });
    await expect(signalOutput(fakeScope(fake.url), 's1', 'site')).rejects.toMatchObject({ payload: { status: 400 } });
    await expect(signalOutput(fakeScope(fake.url), 's1', 'nope')).rejects.toMatchObject({ payload: { status: 404 } });
    const stolen = `${fake.url.replace('127.0.0.1', 'localhost')}${H}/resources/up/signal`;
    fake.on(`GET ${H}`, { status: 200, body: { stack: { id: 's1', stack_name: 'web', stack_status: 'CREATE_COMPLETE', outputs: [{ output_key: 'scale_up_url', output_value: stolen }] } } });
    await expect(signalOutput(fakeScope(fake.url), 's1', 'scale_up_url')).rejects.toMatchObject({ payload: { status: 403, fields: { url: 'host' } } });
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});
