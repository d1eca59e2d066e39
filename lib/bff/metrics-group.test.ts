import { beforeEach, describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import { loadStackMetrics } from './metrics-group';

const link = (stack: string) => [{ rel: 'stack', href: `http://cloud/heat-api/v1/p/stacks/${stack}/${stack}` }];
const res = (name: string, type: string, physical: string, stack: string, parent: string | null = null) => ({
  resource_name: name,
  resource_type: type,
  physical_resource_id: physical,
  resource_status: 'CREATE_COMPLETE',
  resource_status_reason: '',
  parent_resource: parent,
  links: link(stack),
});

// GET …/resources?nested_depth=3 of the rhosp16-gnocchi scenario with two members.
const RESOURCES = [
  res('scaleup_group', 'OS::Heat::AutoScalingGroup', 'group-stack', 'root'),
  res('scaleup_policy', 'OS::Heat::ScalingPolicy', 'policy', 'root'),
  res('cpu_alarm_high', 'OS::Aodh::GnocchiAggregationByResourcesAlarm', 'alarm-high', 'root'),
  res('m1', 'OS::Nova::Server::Cirros', 'member-1', 'group-stack', 'scaleup_group'),
  res('m2', 'OS::Nova::Server::Cirros', 'member-2', 'group-stack', 'scaleup_group'),
  res('server', 'OS::Nova::Server', 'srv-1', 'member-1', 'm1'),
  res('server', 'OS::Nova::Server', 'srv-2', 'member-2', 'm2'),
];

const ALARM = {
  alarm_id: 'alarm-high',
  name: 'example1-cpu_alarm_high-vn33c0vsaqnc',
  type: 'gnocchi_aggregation_by_resources_threshold',
  state: 'alarm',
  enabled: true,
  gnocchi_aggregation_by_resources_threshold_rule: {
    metric: 'cpu',
    aggregation_method: 'rate:mean',
    granularity: 1,
    evaluation_periods: 1,
    threshold: 800000000.0,
    comparison_operator: 'gt',
    resource_type: 'instance',
    query: '{"=": {"server_group": "root"}}',
  },
};

const event = (time: string, name: string, status: string, reason = '') => ({
  id: `${time}-${name}`,
  event_time: time,
  resource_name: name,
  physical_resource_id: '',
  resource_status: status,
  resource_status_reason: reason,
});

const fake = useFakeService();
beforeEach(() => {
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString().slice(0, 19);
  fake.on('GET /orchestration/stacks/root/resources', { status: 200, body: { resources: RESOURCES } });
  fake.on('GET /orchestration/stacks/root/events', {
    status: 200,
    body: { events: [event(at(5), 'scaleup_policy', 'SIGNAL_COMPLETE', 'alarm state changed from ok to alarm'), event(at(30), 'scaleup_group', 'CREATE_COMPLETE')] },
  });
  fake.on('GET /orchestration/stacks/group-stack/events', {
    status: 200,
    body: { events: [event(at(30), 'm1', 'CREATE_COMPLETE'), { ...event(at(30), 'example1-scaleup_group-x', 'CREATE_COMPLETE'), physical_resource_id: 'group-stack' }, event(at(4), 'm2', 'CREATE_COMPLETE')] },
  });
  fake.on('GET /alarming/v2/alarms/alarm-high', { status: 200, body: ALARM });
  fake.on('GET /alarming/v2/alarms/alarm-high/history', {
    status: 200,
    body: [{ event_id: 'e1', type: 'state transition', timestamp: at(6), detail: '{"state": "alarm", "transition_reason": "1 datapoints are outside"}' }],
  });
  fake.on('POST /metric/v1/aggregates', (request) => {
    const { operations } = JSON.parse(request.body) as { operations: string };
    return operations.startsWith('(aggregate')
      ? { status: 200, body: { measures: { aggregated: [[`${at(2)}+00:00`, 60.0, 99.0]] } } }
      : { status: 200, body: { measures: { 'srv-1': { cpu_util: { mean: [[`${at(2)}+00:00`, 60.0, 100.0]] } }, 'srv-2': { cpu_util: { mean: [] } } } } };
  });
  fake.on('GET /compute/v2.1/servers/detail', { status: 200, body: { servers: [{ id: 'srv-1', name: 'member-a' }] } });
});

describe('loadStackMetrics', () => {
  it('joins Heat, Aodh and Gnocchi into the group chart', async () => {
    const view = await loadStackMetrics(fakeScope(fake.url), 'root');
    expect(view.group).toEqual({ name: 'scaleup_group', physicalId: 'group-stack' });
    expect(view.members).toEqual([
      { serverId: 'srv-1', name: 'member-a' },
      { serverId: 'srv-2', name: 'srv-2' },
    ]);
    expect(view.series.map((s) => [s.key, s.measures.map((m) => m.value)])).toEqual([
      ['aggregate', [99]],
      ['members', [1, 2, 2]],
      ['server:srv-1', [100]],
      ['server:srv-2', []],
    ]);
    expect(view.series.slice(2).map((s) => s.label)).toEqual(['m1', 'm2']);
    expect(view.thresholds).toEqual([expect.objectContaining({ alarmName: 'cpu_alarm_high', operator: 'gt', percent: 80 })]);
    expect(view.markers.map((m) => [m.kind, m.name])).toEqual([
      ['alarm', 'cpu_alarm_high'],
      ['scaled', 'scaleup_policy'],
    ]);
  });

  it("averages what the alarm evaluates: its own search, at one point a minute", async () => {
    await loadStackMetrics(fakeScope(fake.url), 'root');
    const posts = fake.requests.filter((r) => r.method === 'POST').map((r) => ({ url: new URL(r.url, fake.url), body: JSON.parse(r.body) }));
    const aggregate = posts.find((p) => p.body.operations.startsWith('(aggregate'))!;
    expect(aggregate.body).toEqual({ operations: '(aggregate mean (metric cpu_util mean))', search: { '=': { server_group: 'root' } }, resource_type: 'instance' });
    expect(aggregate.url.searchParams.get('granularity')).toBe('60');
    const perMember = posts.find((p) => p.body.operations === '(metric cpu_util mean)')!;
    expect(perMember.body.search).toEqual({ in: { id: ['srv-1', 'srv-2'] } });
  });

  it('answers an empty view for a stack without a group, reading nothing else', async () => {
    fake.on('GET /orchestration/stacks/root/resources', { status: 200, body: { resources: RESOURCES.slice(1, 3) } });
    expect(await loadStackMetrics(fakeScope(fake.url), 'root')).toEqual({ group: null, members: [], series: [], thresholds: [], markers: [] });
    expect(fake.requests).toHaveLength(1);
  });
});
