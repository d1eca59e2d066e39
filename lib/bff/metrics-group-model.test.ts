import { describe, expect, it } from 'vitest';

import type { Alarm, AlarmChange, AlarmRule } from '../openstack/aodh/types';
import type { StackEvent, StackResource } from '../openstack/heat/types';
import { alarmMarkers, findGroup, memberCountSeries, memberServers, scaleMarkers, thresholdOf } from './metrics-group-model';

const resource = (r: Partial<StackResource> & Pick<StackResource, 'name' | 'type' | 'physicalId' | 'stackId'>): StackResource => ({
  requiredBy: [],
  createdAt: '2026-11-21T23:00:00Z',
  updatedAt: '',
  parentResource: null,
  stackName: '',
  action: 'CREATE',
  status: 'COMPLETE',
  reason: '',
  ...r,
});

// openstack stack resource list --nested-depth 2 of the rhosp16-gnocchi scenario with two members.
const RESOURCES: StackResource[] = [
  resource({ name: 'scaleup_group', type: 'OS::Heat::AutoScalingGroup', physicalId: 'group-stack', stackId: 'root' }),
  resource({ name: 'scaleup_policy', type: 'OS::Heat::ScalingPolicy', physicalId: 'p1', stackId: 'root' }),
  resource({ name: 'cpu_alarm_high', type: 'OS::Aodh::GnocchiAggregationByResourcesAlarm', physicalId: 'alarm-high', stackId: 'root' }),
  resource({ name: 'm1', type: 'OS::Nova::Server::Cirros', physicalId: 'member-1', stackId: 'group-stack', parentResource: 'scaleup_group' }),
  resource({ name: 'm2', type: 'OS::Nova::Server::Cirros', physicalId: 'member-2', stackId: 'group-stack', parentResource: 'scaleup_group' }),
  resource({ name: 'server', type: 'OS::Nova::Server', physicalId: 'srv-1', stackId: 'member-1', parentResource: 'm1' }),
  resource({ name: 'server', type: 'OS::Nova::Server', physicalId: 'srv-2', stackId: 'member-2', parentResource: 'm2' }),
  resource({ name: 'bastion', type: 'OS::Nova::Server', physicalId: 'srv-0', stackId: 'root' }),
];

const event = (time: string, resourceName: string, action: string, status = 'COMPLETE', reason = ''): StackEvent => ({
  id: `${time}-${resourceName}-${action}`,
  time,
  resourceName,
  physicalId: '',
  resourceType: null,
  action,
  status,
  reason,
});

const RULE: AlarmRule = {
  meterName: null,
  metric: 'cpu',
  metrics: [],
  resourceType: 'instance',
  resourceId: null,
  query: '{"=": {"server_group": "root"}}',
  comparisonOperator: 'gt',
  threshold: 800000000,
  statistic: null,
  aggregationMethod: 'rate:mean',
  granularity: 1,
  period: null,
  evaluationPeriods: 1,
};

const alarm = (rule: Partial<AlarmRule>): Alarm =>
  ({ id: 'alarm-high', name: 'cpu_alarm_high', state: 'ok', rule: { ...RULE, ...rule } }) as Alarm;

describe('group metrics model', () => {
  it('finds the group and its member servers through the nested stacks, not other servers', () => {
    const group = findGroup(RESOURCES)!;
    expect(group.name).toBe('scaleup_group');
    expect(memberServers(RESOURCES, group).map((r) => r.physicalId)).toEqual(['srv-1', 'srv-2']);
    expect(findGroup(RESOURCES.filter((r) => r.type !== 'OS::Heat::AutoScalingGroup'))).toBeNull();
  });

  it('also takes servers sitting directly in the group stack, and skips deleted ones', () => {
    const flat = [
      RESOURCES[0]!,
      resource({ name: 'a', type: 'OS::Nova::Server', physicalId: 'srv-a', stackId: 'group-stack', parentResource: 'scaleup_group' }),
      resource({ name: 'b', type: 'OS::Nova::Server', physicalId: 'srv-b', stackId: 'group-stack', parentResource: 'scaleup_group', action: 'DELETE' }),
    ];
    expect(memberServers(flat, flat[0]!).map((r) => r.physicalId)).toEqual(['srv-a']);
  });

  it('counts members over time as steps from create and delete events', () => {
    const events = [
      event('2026-11-21T23:00:00Z', 'm1', 'CREATE', 'IN_PROGRESS'),
      event('2026-11-21T23:00:10Z', 'm1', 'CREATE'),
      event('2026-11-21T23:10:00Z', 'm2', 'CREATE'),
      event('2026-11-21T23:20:00Z', 'm2', 'DELETE'),
      // The nested stack's own event, as Heat lists it among the stack's events.
      { ...event('2026-11-21T23:00:11Z', 'asg-scaleup_group-x', 'CREATE'), physicalId: 'group-stack' },
    ];
    expect(memberCountSeries(events, 'group-stack', '2026-11-21T23:05:00Z', '2026-11-21T23:30:00Z').map((m) => [m.time.slice(11, 16), m.value])).toEqual([
      ['23:05', 1],
      ['23:10', 2],
      ['23:20', 1],
      ['23:30', 1],
    ]);
    expect(memberCountSeries([], 'group-stack', '2026-11-21T23:05:00Z', null)).toEqual([{ time: '2026-11-21T23:05:00.000Z', granularity: 0, value: 0 }]);
  });

  it('marks policy signals and transitions to alarm inside the window', () => {
    const events = [
      event('2026-11-21T22:00:00Z', 'scaleup_policy', 'SIGNAL'),
      event('2026-11-21T23:12:00Z', 'scaleup_policy', 'SIGNAL', 'COMPLETE', 'alarm state changed from ok to alarm'),
      event('2026-11-21T23:12:00Z', 'scaleup_group', 'UPDATE'),
    ];
    expect(scaleMarkers(events, '2026-11-21T23:00:00Z')).toEqual([
      { time: '2026-11-21T23:12:00.000Z', kind: 'scaled', name: 'scaleup_policy', reason: 'alarm state changed from ok to alarm' },
    ]);
    const changes: AlarmChange[] = [
      { eventId: '1', type: 'state transition', timestamp: '2026-11-21T23:11:00Z', detail: { state: 'alarm', transition_reason: 'Transition to alarm due to 1 samples outside threshold' }, userId: null },
      { eventId: '2', type: 'state transition', timestamp: '2026-11-21T23:30:00Z', detail: { state: 'ok' }, userId: null },
      { eventId: '3', type: 'creation', timestamp: '2026-11-21T23:00:00Z', detail: { state: 'insufficient data' }, userId: null },
    ];
    expect(alarmMarkers(alarm({}), changes, '2026-11-21T23:00:00Z')).toEqual([
      { time: '2026-11-21T23:11:00.000Z', kind: 'alarm', name: 'cpu_alarm_high', reason: 'Transition to alarm due to 1 samples outside threshold' },
    ]);
  });

  it('puts thresholds on the cpu_util percentage scale', () => {
    expect(thresholdOf(alarm({})).percent).toBe(80);
    expect(thresholdOf(alarm({ threshold: 200000000, granularity: 600, comparisonOperator: 'lt' })).percent).toBe(0.03);
    expect(thresholdOf(alarm({ metric: null, meterName: 'cpu_util', threshold: 50, aggregationMethod: null })).percent).toBe(50);
    expect(thresholdOf(alarm({ metric: 'memory.usage', threshold: 400 })).percent).toBeNull();
  });
});
