// python-gnocchiclient (`openstack metric ...`) against the embedded Gnocchi: archive policies,
// instance resources that follow Nova, simulated measures moved by /_emulator/load and the
// clock, and the aggregates API as the guides' alarms use it. A project of its own, unique
// server group: other files share the cloud.

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { advanceClock, ownProject } from './cli';

const cloudUrl = inject('cloudUrl');
const { openstack, createProject } = ownProject(cloudUrl, 'metric');
const group = `grp-${randomUUID().slice(0, 8)}`;

type Row = Record<string, unknown>;
let serverId: string;

async function setLoad(id: string, cpuPercent: number): Promise<void> {
  const response = await fetch(`${cloudUrl}/_emulator/load`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ server_id: id, cpu_percent: cpuPercent }),
  });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  await createProject();
  const server = (await openstack([
    'server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros',
    '--property', `metering.server_group=${group}`, '--wait', 'metered',
  ])) as Row;
  serverId = server.id as string;
  await advanceClock(cloudUrl, 900);
  await setLoad(serverId, 100);
  await advanceClock(cloudUrl, 900);
});

describe('openstack metric', () => {
  it('archive-policy list and show', async () => {
    const policies = (await openstack(['metric', 'archive-policy', 'list'])) as Row[];
    expect(policies.map((p) => p.name)).toEqual(expect.arrayContaining(['ceilometer-low', 'ceilometer-low-rate', 'ceilometer-high-rate']));
    const shown = (await openstack(['metric', 'archive-policy', 'show', 'ceilometer-low-rate'])) as Row;
    expect(shown).toMatchObject({ name: 'ceilometer-low-rate', aggregation_methods: ['mean', 'rate:mean'] });
  });

  it('resource list and search show the server as an instance with its server group', async () => {
    const resources = (await openstack(['metric', 'resource', 'list', '--type', 'instance'])) as Row[];
    expect(resources).toEqual(expect.arrayContaining([expect.objectContaining({ id: serverId, type: 'instance' })]));
    const found = (await openstack(['metric', 'resource', 'search', '--type', 'instance', `server_group=${group}`])) as Row[];
    expect(found.map((r) => r.id)).toEqual([serverId]);
    const shown = (await openstack(['metric', 'resource', 'show', '--type', 'instance', serverId])) as Row;
    expect(shown).toMatchObject({ id: serverId, server_group: group, flavor_name: 'm1.tiny' });
  });

  it('measures show --resource-id <server> cpu_util: idle samples, then the load', async () => {
    const rows = (await openstack(['metric', 'measures', 'show', '--resource-id', serverId, '--granularity', '60', 'cpu_util'])) as Row[];
    expect(rows.length).toBeGreaterThan(20);
    expect(rows[0]).toMatchObject({ granularity: 60 });
    const values = rows.map((r) => r.value as number);
    expect(Math.min(...values)).toBeLessThan(3);
    expect(Math.max(...values)).toBeGreaterThanOrEqual(99.5);
  });

  it('measures show without a granularity reads the policy\'s (300 s); metric show and resource-type list', async () => {
    const rows = (await openstack(['metric', 'measures', 'show', '--resource-id', serverId, 'cpu_util'])) as Row[];
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.granularity === 300)).toBe(true);
    const metric = (await openstack(['metric', 'show', '--resource-id', serverId, 'cpu'])) as Row;
    expect(metric).toMatchObject({ name: 'cpu', unit: 'ns', 'archive_policy/name': 'ceilometer-low-rate' });
    const types = (await openstack(['metric', 'resource-type', 'list'])) as Row[];
    expect(types.map((t) => t.name)).toEqual(expect.arrayContaining(['generic', 'instance']));
  });

  it('aggregates (aggregate rate:mean (metric cpu mean)) over the server group', async () => {
    const rows = (await openstack([
      'metric', 'aggregates', '--resource-type', 'instance', '--granularity', '300', '--needed-overlap', '0',
      '(aggregate rate:mean (metric cpu mean))', `server_group=${group}`,
    ])) as Row[];
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.name === 'aggregated' && r.granularity === 300)).toBe(true);
    // 1 vCPU at 100 % for a whole 300 s bucket is ~300e9 ns; idle (~2 %) is ~6e9.
    const values = rows.map((r) => r.value as number);
    expect(Math.max(...values)).toBeGreaterThan(290e9);
    expect(Math.min(...values)).toBeLessThan(10e9);
  });
});
