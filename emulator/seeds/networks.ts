// The demo seed's networks, as DevStack and the guides lay them out:
// - "public" (admin, external, flat): 172.24.4.0/24, floating IPs from 172.24.4.10–250;
// - "private" (demo): 10.0.0.0/24 behind "router1", whose gateway is on public. It is shared,
//   so that projects made later (by the guides or the tests) have a network for `auto`;
// - "external_network" (admin, external): 192.168.122.0/24, the autoscaling guide's pool;
// - "internal1" (demo): 10.10.10.0/24 behind "router2" on external_network, the guide's
//   project network. No router joins it to public, so its ports cannot take public's IPs.
// The ids the Heat templates of ../../shared/fixtures/heat name are used as they are.

import type { Repositories } from '../store/open-store';
import { createNetwork } from '../services/network/network-ops';
import { createSubnet } from '../services/network/subnet-ops';
import { addInterface, setGateway } from '../services/network/router-ops';
import { freshStandard } from '../store/network-rows';
import type { Port } from '../store/ports';
import type { Router } from '../store/routers';
import { PROJECT_IDS, seedId } from './ids';

/** Neutron's form of the seed time. */
export const NETWORKS_SEEDED_AT = '2026-11-01T09:00:00Z';

function uuid(n: number): string {
  const hex = seedId('6', n);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const NETWORK_IDS = {
  // rhosp8-webapp's external_network_id default.
  public: 'db17c885-77fa-45e8-8647-dbb132517960',
  private: uuid(1),
  externalNetwork: uuid(2),
  internal1: uuid(3),
} as const;

export const SUBNET_IDS = {
  public: uuid(0x11),
  // rhosp8-webapp's subnet_id default: the load balancer sits on private.
  private: '9daa6b7d-e647-482a-b387-dd5f855b88ef',
  externalNetwork: uuid(0x12),
  internal1: uuid(0x13),
} as const;

export const ROUTER_IDS = { router1: uuid(0x21), router2: uuid(0x22) } as const;

interface NetworkSpec {
  id: string;
  subnetId: string;
  name: string;
  projectId: string;
  cidr: string;
  external?: boolean;
  shared?: boolean;
  pool?: { start: string; end: string };
}

async function seedNetwork(repos: Repositories, spec: NetworkSpec) {
  const now = NETWORKS_SEEDED_AT;
  const network = await createNetwork(repos, {
    id: spec.id,
    projectId: spec.projectId,
    name: spec.name,
    external: spec.external,
    shared: spec.shared,
    isDefault: spec.external && spec.name === 'public',
    now,
  });
  const subnet = await createSubnet(repos, network, {
    id: spec.subnetId,
    projectId: spec.projectId,
    name: `${spec.name}-subnet`,
    cidr: spec.cidr,
    ipVersion: 4,
    // External subnets hand out floating IPs, not DHCP leases (DevStack turns DHCP off).
    enableDhcp: !spec.external,
    allocationPools: spec.pool && [spec.pool],
    now,
  });
  return { network, subnet };
}

async function seedRouter(repos: Repositories, id: string, name: string, projectId: string, gatewayNetworkId: string, subnet: Awaited<ReturnType<typeof seedNetwork>>['subnet']) {
  const now = NETWORKS_SEEDED_AT;
  const router: Router = {
    ...freshStandard(now),
    id,
    projectId,
    name,
    status: 'ACTIVE',
    adminStateUp: true,
    gwNetworkId: null,
    gwPortId: null,
    enableSnat: true,
    routes: [],
    distributed: false,
    ha: false,
    availabilityZoneHints: [],
  };
  await repos.routers.insert(router);
  const withGateway = await setGateway(repos, router, { networkId: gatewayNetworkId }, now);
  await addInterface(repos, withGateway, { subnet }, now);
}

export async function seedNetworks(repos: Repositories): Promise<void> {
  const { admin, demo } = PROJECT_IDS;
  // Public first: pools are offered in creation order, and public is the guides' default pool.
  await seedNetwork(repos, {
    id: NETWORK_IDS.public,
    subnetId: SUBNET_IDS.public,
    name: 'public',
    projectId: admin,
    cidr: '172.24.4.0/24',
    external: true,
    pool: { start: '172.24.4.10', end: '172.24.4.250' },
  });
  const privateNet = await seedNetwork(repos, {
    id: NETWORK_IDS.private,
    subnetId: SUBNET_IDS.private,
    name: 'private',
    projectId: demo,
    cidr: '10.0.0.0/24',
    shared: true,
  });
  await seedNetwork(repos, {
    id: NETWORK_IDS.externalNetwork,
    subnetId: SUBNET_IDS.externalNetwork,
    name: 'external_network',
    projectId: admin,
    cidr: '192.168.122.0/24',
    external: true,
    pool: { start: '192.168.122.2', end: '192.168.122.254' },
  });
  const internal1 = await seedNetwork(repos, {
    id: NETWORK_IDS.internal1,
    subnetId: SUBNET_IDS.internal1,
    name: 'internal1',
    projectId: demo,
    cidr: '10.10.10.0/24',
  });
  await seedRouter(repos, ROUTER_IDS.router1, 'router1', demo, NETWORK_IDS.public, privateNet.subnet);
  await seedRouter(repos, ROUTER_IDS.router2, 'router2', demo, NETWORK_IDS.externalNetwork, internal1.subnet);
  await repos.securityGroups.ensureDefault(demo, NETWORKS_SEEDED_AT);
  await repos.securityGroups.ensureDefault(admin, NETWORKS_SEEDED_AT);
}

/** Port n (0-based) of the scale seed's servers, a uuid starting with 7. */
export function scalePortId(n: number): string {
  const hex = seedId('7', n + 1);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface ScaleServerPort {
  serverId: string;
  projectId: string;
  host: string;
}

/**
 * The scale seed's networking: each project gets a network "<project>-net" with 10.0.0.0/24
 * (as a real cloud's projects reuse the same private range), and each server one port on its
 * project's network, written in bulk.
 */
export async function seedScaleNetworks(
  repos: Repositories,
  projects: readonly { id: string; name: string }[],
  servers: readonly ScaleServerPort[],
): Promise<void> {
  const now = NETWORKS_SEEDED_AT;
  const byProject = new Map<string, { networkId: string; subnetId: string; groupId: string; next: number }>();
  for (const project of projects) {
    const { network, subnet } = await seedNetwork(repos, {
      id: uuid(0x1000 + byProject.size),
      subnetId: uuid(0x2000 + byProject.size),
      name: `${project.name}-net`,
      projectId: project.id,
      cidr: '10.0.0.0/24',
    });
    const groupId = await repos.securityGroups.ensureDefault(project.id, now);
    // .1 is the gateway and .2 the metadata port: servers start at .3.
    byProject.set(project.id, { networkId: network.id, subnetId: subnet.id, groupId, next: 3 });
  }
  const taken = await repos.ports.macs();
  let macCounter = 0xa00000;
  const nextMac = () => {
    let mac: string;
    do {
      const hex = (macCounter++).toString(16).padStart(6, '0');
      mac = `fa:16:3e:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4)}`;
    } while (taken.has(mac));
    return mac;
  };
  const ports: Port[] = [];
  const groups = new Map<string, string[]>();
  servers.forEach((server, n) => {
    const net = byProject.get(server.projectId);
    if (!net) return;
    const id = scalePortId(n);
    ports.push({
      ...freshStandard(now),
      id,
      projectId: server.projectId,
      networkId: net.networkId,
      name: '',
      macAddress: nextMac(),
      deviceOwner: 'compute:nova',
      deviceId: server.serverId,
      status: 'ACTIVE',
      adminStateUp: true,
      portSecurityEnabled: true,
      bindingHostId: server.host,
      bindingVnicType: 'normal',
      bindingProfile: {},
      allowedAddressPairs: [],
      dnsName: '',
      fixedIps: [{ subnetId: net.subnetId, ipAddress: `10.0.0.${net.next++}` }],
    });
    groups.set(id, [net.groupId]);
  });
  await repos.ports.insertMany(ports, groups);
}
