import 'server-only';

import type { ApiErrorPayload } from '../api-error';
import { listNetworks } from '../openstack/neutron/networks';
import { isInstancePort, isRouterInterface, listPorts } from '../openstack/neutron/ports';
import { listRouters } from '../openstack/neutron/routers';
import { listSubnets } from '../openstack/neutron/subnets';
import { novaClient } from '../openstack/nova/client';
import { listServerNames } from '../openstack/nova/volume-attachments';
import { toApiError } from './api-error';
import type { ScopedContext } from './guard';
import { neutronOf } from './subnets';

/**
 * The topology view's graph in one compact call: networks (external first), routers with the networks they
 * join, and instances with the networks and addresses of their ports. Five backend calls whatever the size;
 * `fields` keeps the port and subnet lists small at 1,000 instances.
 */
export interface TopologyNetwork {
  id: string;
  name: string;
  external: boolean;
  shared: boolean;
  cidrs: string[];
}

export interface TopologyRouter {
  id: string;
  name: string;
  status: string;
  gatewayNetworkId: string | null;
  /** Networks of the router's interfaces, with the router's address on each. */
  interfaces: { networkId: string; ip: string }[];
}

export interface TopologyInstance {
  id: string;
  name: string;
  status: string | null;
  ports: { networkId: string; ips: string[] }[];
}

export interface TopologyGraph {
  networks: TopologyNetwork[];
  routers: TopologyRouter[];
  instances: TopologyInstance[];
  /** Nova failing only costs the instances' names and states. */
  namesError: ApiErrorPayload | null;
}

export async function loadTopology(ctx: ScopedContext): Promise<TopologyGraph> {
  const neutron = neutronOf(ctx);
  // An admin token sees every project's resources; the topology is the project's view.
  const mine = ctx.isAdmin ? { project_id: ctx.project.id } : {};
  const [networks, subnets, routers, ports, servers] = await Promise.all([
    listNetworks(neutron, { fields: ['id', 'name', 'router:external', 'shared', 'project_id'] }),
    listSubnets(neutron, { fields: ['id', 'network_id', 'cidr'] }),
    listRouters(neutron, mine),
    listPorts(neutron, { ...mine, fields: ['id', 'network_id', 'device_owner', 'device_id', 'fixed_ips'] }),
    listServerNames(novaClient(ctx.endpoint('compute'), ctx.token)).then(
      (list) => ({ list, error: null as ApiErrorPayload | null }),
      (error: unknown) => ({ list: [], error: toApiError(error).payload }),
    ),
  ]);

  const cidrs = new Map<string, string[]>();
  for (const s of subnets) cidrs.set(s.networkId, [...(cidrs.get(s.networkId) ?? []), s.cidr]);
  const routerInterfaces = new Map<string, { networkId: string; ip: string }[]>();
  const instancePorts = new Map<string, { networkId: string; ips: string[] }[]>();
  for (const p of ports) {
    if (isRouterInterface(p)) {
      routerInterfaces.set(p.deviceId, [...(routerInterfaces.get(p.deviceId) ?? []), { networkId: p.networkId, ip: p.fixedIps[0]?.ipAddress ?? '' }]);
    } else if (isInstancePort(p) && p.deviceId) {
      instancePorts.set(p.deviceId, [...(instancePorts.get(p.deviceId) ?? []), { networkId: p.networkId, ips: p.fixedIps.map((ip) => ip.ipAddress) }]);
    }
  }
  const servers_ = new Map(servers.list.map((s) => [s.id, s]));
  const used = new Set([...ports.map((p) => p.networkId), ...routers.flatMap((r) => (r.externalGateway ? [r.externalGateway.networkId] : []))]);
  const visible = networks.filter((n) => !ctx.isAdmin || n.projectId === ctx.project.id || n.shared || n.external || used.has(n.id));

  return {
    networks: visible
      .map((n) => ({ id: n.id, name: n.name, external: n.external, shared: n.shared, cidrs: cidrs.get(n.id) ?? [] }))
      .sort((a, b) => Number(b.external) - Number(a.external) || (a.name || a.id).localeCompare(b.name || b.id)),
    routers: routers
      .map((r) => ({ id: r.id, name: r.name, status: r.status, gatewayNetworkId: r.externalGateway?.networkId ?? null, interfaces: routerInterfaces.get(r.id) ?? [] }))
      .sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id)),
    instances: [...new Set([...instancePorts.keys(), ...servers.list.map((s) => s.id)])]
      .map((id) => ({ id, name: servers_.get(id)?.name ?? id, status: servers_.get(id)?.status ?? null, ports: instancePorts.get(id) ?? [] }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    namesError: servers.error,
  };
}
