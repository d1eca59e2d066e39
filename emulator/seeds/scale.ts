// The `scale` seed: the demo cloud grown to the size of CERN's in the Operations Guide —
// 200 more projects, 250 compute hosts and 10,000 ACTIVE instances spread over them — for
// the list and all-projects benchmarks. Everything is derived from indexes, so two runs give
// identical ids, names, hosts and timestamps. Rows go in with multi-row inserts inside the
// seed's one transaction.

import { formatIsoMicros, parseIsoMicros } from '../sim/clock';
import type { Repositories } from '../store/open-store';
import type { InstanceAction } from '../store/instance-actions';
import type { FlavorSnapshot, Server } from '../store/servers';
import type { SeedContext } from './base';
import { seedDemo } from './demo';
import { DEMO_FLAVORS, SEEDED_AT } from './flavors';
import { computeHostSpecs, DEMO_HOST_SIZE } from './hosts';
import { DEFAULT_DOMAIN_ID, ROLE_IDS, seedId, USER_IDS } from './ids';
import { IMAGE_IDS } from './images';
import { seedScaleNetworks } from './networks';

export const SCALE = { projects: 200, hosts: 250, servers: 10_000 } as const;

/** Project n (1-based) of the scale seed: a…1000 + n, named scale-001 … scale-200. */
export function scaleProjectId(n: number): string {
  return seedId('a', 0x1000 + n);
}

/** Server n (0-based) of the scale seed, a uuid starting with 5. */
export function scaleServerId(n: number): string {
  const hex = seedId('5', n + 1);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Small flavors only, so 40 servers fit on every host with the default overcommit.
const FLAVOR_CYCLE = ['42', '1', '2', '1'] as const;

function snapshot(id: string): FlavorSnapshot {
  const spec = DEMO_FLAVORS.find((f) => f.id === id)!;
  return { id: spec.id, name: spec.name, vcpus: spec.vcpus, ram: spec.ram, disk: spec.disk, ephemeral: 0, swap: 0, extraSpecs: spec.extraSpecs ?? {} };
}

export async function seedScale(repos: Repositories, context: SeedContext): Promise<void> {
  const hosts = computeHostSpecs(SCALE.hosts, DEMO_HOST_SIZE);
  await seedDemo(repos, { ...context, computeHosts: hosts });

  const perProject = SCALE.servers / SCALE.projects;
  for (let p = 1; p <= SCALE.projects; p++) {
    const id = scaleProjectId(p);
    await repos.identity.createProject({
      id,
      name: `scale-${String(p).padStart(3, '0')}`,
      domainId: DEFAULT_DOMAIN_ID,
      description: 'A project of the scale seed.',
      enabled: true,
      parentId: null,
      tags: [],
    });
    // The admin may scope to any of them, as an operator browsing the cloud does.
    await repos.assignments.grant(USER_IDS.admin, { kind: 'project', id }, ROLE_IDS.member);
    await repos.computeQuotas.set(id, { instances: 100, cores: 200, ram: 512_000 });
  }

  const flavors = new Map(FLAVOR_CYCLE.map((id) => [id, snapshot(id)]));
  const start = parseIsoMicros(SEEDED_AT);
  const servers: Server[] = [];
  const actions: InstanceAction[] = [];
  for (let n = 0; n < SCALE.servers; n++) {
    const project = Math.floor(n / perProject) + 1;
    const indexInProject = n % perProject;
    const id = scaleServerId(n);
    const created = formatIsoMicros(start + n * 60_000);
    const launched = formatIsoMicros(start + n * 60_000 + 5_000);
    const hex = id.replaceAll('-', '');
    servers.push({
      id,
      projectId: scaleProjectId(project),
      userId: USER_IDS.admin,
      name: `scale-${String(project).padStart(3, '0')}-vm-${String(indexInProject + 1).padStart(2, '0')}`,
      description: null,
      flavor: flavors.get(FLAVOR_CYCLE[n % FLAVOR_CYCLE.length]!)!,
      oldFlavor: null,
      imageId: IMAGE_IDS.cirros,
      keyName: null,
      availabilityZone: 'nova',
      host: hosts[n % hosts.length]!.hostname,
      vmState: 'active',
      taskState: null,
      powerState: 1,
      settleAt: null,
      nextVmState: null,
      nextPowerState: null,
      locked: false,
      lockedReason: null,
      metadata: {},
      tags: [],
      securityGroups: ['default'],
      // Each server's port on its project's network holds its address (seedScaleNetworks).
      addresses: {},
      fixedIp: null,
      userData: null,
      configDrive: '',
      diskConfig: 'MANUAL',
      fault: null,
      reservationId: `r-${hex.slice(-8)}`,
      launchIndex: 0,
      serverGroupId: null,
      bootVolumeId: null,
      createdAt: created,
      updatedAt: launched,
      launchedAt: launched,
    });
    actions.push({
      requestId: `req-${id}`,
      serverId: id,
      projectId: scaleProjectId(project),
      userId: USER_IDS.admin,
      action: 'create',
      startTime: created,
      finishTime: launched,
      event: 'compute__do_build_and_run_instance',
      result: 'Success',
      host: hosts[n % hosts.length]!.hostname,
    });
  }
  await repos.servers.insertMany(servers);
  const projects = Array.from({ length: SCALE.projects }, (_, i) => ({
    id: scaleProjectId(i + 1),
    name: `scale-${String(i + 1).padStart(3, '0')}`,
  }));
  await seedScaleNetworks(repos, projects, servers.map((s) => ({ serverId: s.id, projectId: s.projectId, host: s.host! })));
  await repos.instanceActions.insertMany(actions);
}
