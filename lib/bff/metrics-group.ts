import 'server-only';

import { aodhClient, alarmHistory, getAlarm } from '../openstack/aodh/alarms';
import type { Alarm } from '../openstack/aodh/types';
import { aggregateByResources, seriesByResources } from '../openstack/gnocchi/measures';
import type { MetricSeries } from '../openstack/gnocchi/types';
import { heatClient } from '../openstack/heat/client';
import { listEvents } from '../openstack/heat/events';
import { listResources } from '../openstack/heat/resources';
import { novaClient } from '../openstack/nova/client';
import { listServerNames } from '../openstack/nova/volume-attachments';
import type { ScopedContext } from './guard';
import { CHART_GRANULARITY_S, metricService, windowStart } from './metrics';
import {
  ALARM_TYPES,
  type GroupMarker,
  type GroupMetricsView,
  alarmMarkers,
  emptyGroupView,
  findGroup,
  memberCountSeries,
  memberServers,
  scaleMarkers,
  sortMarkers,
  thresholdOf,
} from './metrics-group-model';

const EVENT_PAGE = 1000;

/** An alarm's by-resources search when it has one: the chart then averages what the alarm evaluates. */
const alarmQuery = (alarms: Alarm[]): string | null => alarms.find((a) => a.rule.query && a.rule.resourceType === 'instance')?.rule.query ?? null;

/**
 * A stack's autoscaling group for the chart: mean cpu_util of its members (Gnocchi aggregates), each member's
 * cpu_util, the member count over time (the group's nested stack events), the alarms' thresholds, and markers
 * where an alarm went to alarm (Aodh history) and a policy was signalled (SIGNAL_COMPLETE).
 */
export async function loadStackMetrics(ctx: ScopedContext, stackId: string, since?: string): Promise<GroupMetricsView> {
  const heat = heatClient(ctx.endpoint('orchestration'), ctx.token);
  const resources = await listResources(heat, stackId, 3);
  const group = findGroup(resources);
  if (!group) return emptyGroupView();
  const start = windowStart(since);
  const servers = memberServers(resources, group);
  const memberIds = servers.map((s) => s.physicalId);
  const aodh = aodhClient(ctx.endpoint('alarming'), ctx.token);
  const alarmResources = resources.filter((r) => ALARM_TYPES.has(r.type) && r.physicalId);
  const alarmIds = alarmResources.map((r) => r.physicalId);

  const [found, stackEvents, groupEvents, names] = await Promise.all([
    Promise.all(alarmIds.map((id) => getAlarm(aodh, id).catch(() => null))).then((list) => list.filter((a): a is Alarm => a !== null)),
    listEvents(heat, stackId, { sortDir: 'desc', limit: EVENT_PAGE }),
    group.physicalId ? listEvents(heat, group.physicalId, { sortDir: 'asc', limit: EVENT_PAGE }).catch(() => []) : Promise.resolve([]),
    listServerNames(novaClient(ctx.endpoint('compute'), ctx.token)).catch(() => []),
  ]);

  // Heat names its alarms {stack}-{resource}-{random}: the chart says the template's resource name instead.
  const alarms = found.map((a) => ({ ...a, name: alarmResources.find((r) => r.physicalId === a.id)?.name ?? a.name }));
  const gnocchi = metricService(ctx);
  const search = alarmQuery(alarms) ?? (memberIds.length ? { in: { id: memberIds } } : null);
  const [aggregate, perMember, histories] = await Promise.all([
    search ? aggregateByResources(gnocchi, { metric: 'cpu_util', aggregation: 'mean', query: search, start, granularity: CHART_GRANULARITY_S }) : Promise.resolve([]),
    memberIds.length ? seriesByResources(gnocchi, { metric: 'cpu_util', query: { in: { id: memberIds } }, start, granularity: CHART_GRANULARITY_S }) : Promise.resolve(new Map()),
    Promise.all(alarms.map((a) => alarmHistory(aodh, a.id, 200).catch(() => []))),
  ]);

  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const members = memberIds.map((serverId) => ({ serverId, name: nameOf.get(serverId) || serverId.slice(0, 8) }));
  // A member's series is labelled by its resource in the group (Heat's short random name), not the long server name.
  const memberLabel = (server: (typeof servers)[number]) => (server.stackId === group.physicalId ? server.name : (server.parentResource ?? server.name));
  const newest = [aggregate, ...perMember.values()].flat().reduce<string | null>((best, m) => (best === null || m.time > best ? m.time : best), null);
  const series: MetricSeries[] = [
    { key: 'aggregate', label: 'aggregate', measures: aggregate },
    { key: 'members', label: 'members', measures: memberCountSeries(groupEvents, group.physicalId, start, newest) },
    ...servers.map((server) => ({ key: `server:${server.physicalId}`, label: memberLabel(server), measures: perMember.get(server.physicalId) ?? [] })),
  ];
  const markers: GroupMarker[] = sortMarkers([...scaleMarkers(stackEvents, start), ...alarms.flatMap((a, i) => alarmMarkers(a, histories[i] ?? [], start))]);
  return { group: { name: group.name, physicalId: group.physicalId }, members, series, thresholds: alarms.map(thresholdOf), markers };
}
