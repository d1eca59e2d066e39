import 'server-only';

import type { ApiErrorPayload } from '../api-error';
import { parseIp } from '../network/cidr';
import { OpenStackError } from '../openstack/errors';
import { listProjects } from '../openstack/keystone';
import { getNetworkIpAvailability } from '../openstack/neutron/ip-availability';
import { createNetwork, deleteNetwork, getNetwork, listNetworks, updateNetwork } from '../openstack/neutron/networks';
import { isInstancePort, isRouterInterface, listPorts } from '../openstack/neutron/ports';
import { listRouters } from '../openstack/neutron/routers';
import { listSubnets } from '../openstack/neutron/subnets';
import type { Network, Port, Subnet } from '../openstack/neutron/types';
import { novaClient } from '../openstack/nova/client';
import { listServerNames } from '../openstack/nova/volume-attachments';
import { createNetworkInput, updateNetworkInput } from '../validation/networks';
import { ApiError, toApiError } from './api-error';
import type { ScopedContext } from './guard';
import { createCheckedSubnet, neutronOf } from './subnets';

/** The networks pages: networks with their subnets, and one network with IP use per subnet and its ports' owners. */
export interface SubnetSummary {
  id: string;
  name: string;
  cidr: string;
  ipVersion: 4 | 6;
}

export interface NetworkRow extends Network {
  subnets: SubnetSummary[];
  projectName: string | null;
}

export interface NetworkListView {
  networks: NetworkRow[];
  allProjects: boolean;
}

const settle = <T>(promise: Promise<T>, fallback: T) =>
  promise.then(
    (value) => ({ value, error: null as ApiErrorPayload | null }),
    (error: unknown) => ({ value: fallback, error: toApiError(error).payload }),
  );

const summary = (s: Subnet): SubnetSummary => ({ id: s.id, name: s.name, cidr: s.cidr, ipVersion: s.ipVersion });

export async function loadNetworks(ctx: ScopedContext, options: { allProjects?: boolean } = {}): Promise<NetworkListView> {
  const allProjects = options.allProjects === true;
  if (allProjects && !ctx.isAdmin) throw new ApiError({ code: 'admin_only', status: 403, message: 'All projects’ networks need the admin role' });
  const neutron = neutronOf(ctx);
  const [networks, subnets, projects] = await Promise.all([
    listNetworks(neutron),
    listSubnets(neutron),
    allProjects ? settle(listProjects(ctx.config.authUrl, ctx.token), []) : { value: [], error: null },
  ]);
  // An admin token sees every project's networks; the project view keeps its own, shared and external ones.
  const visible = allProjects || !ctx.isAdmin ? networks : networks.filter((n) => n.projectId === ctx.project.id || n.shared || n.external);
  const byNetwork = new Map<string, SubnetSummary[]>();
  for (const s of subnets) byNetwork.set(s.networkId, [...(byNetwork.get(s.networkId) ?? []), summary(s)]);
  const projectNames = new Map(projects.value.map((p) => [p.id, p.name]));
  return {
    networks: visible
      .map((n) => ({ ...n, subnets: byNetwork.get(n.id) ?? [], projectName: allProjects ? (projectNames.get(n.projectId) ?? null) : null }))
      .sort((a, b) => Number(a.external) - Number(b.external) || (a.name || a.id).localeCompare(b.name || b.id)),
    allProjects,
  };
}

export interface SubnetUsage extends Subnet {
  totalIps: number;
  usedIps: number;
}

export interface PortRow extends Port {
  /** What the port belongs to, for a link and a warning before deleting it. */
  owner: { kind: 'instance' | 'router' | 'network' | 'none'; id: string; name: string | null };
}

export interface NetworkDetailView {
  network: Network;
  subnets: SubnetUsage[];
  ports: PortRow[];
  /** Nova failing only costs the instance names. */
  namesError: ApiErrorPayload | null;
}

/** Addresses the allocation pools hold (what Neutron reports as total_ips). */
export function poolSize(subnet: Pick<Subnet, 'allocationPools'>): number {
  let total = 0n;
  for (const pool of subnet.allocationPools) {
    const start = parseIp(pool.start);
    const end = parseIp(pool.end);
    if (start && end && end.value >= start.value) total += end.value - start.value + 1n;
  }
  return Number(total);
}

/** Per-subnet use counted from the ports a project can see, for clouds whose policy keeps ip-availability to admins. */
export function countUsage(subnets: Subnet[], ports: Port[]): SubnetUsage[] {
  return subnets.map((s) => ({
    ...s,
    totalIps: poolSize(s),
    usedIps: ports.reduce((n, p) => n + p.fixedIps.filter((ip) => ip.subnetId === s.id).length, 0),
  }));
}

async function usage(ctx: ScopedContext, networkId: string, subnets: Subnet[], ports: Port[]): Promise<SubnetUsage[]> {
  const counted = countUsage(subnets, ports);
  if (!ctx.isAdmin) return counted;
  try {
    const reported = new Map((await getNetworkIpAvailability(neutronOf(ctx), networkId)).subnets.map((s) => [s.subnetId, s]));
    return counted.map((s) => ({ ...s, totalIps: reported.get(s.id)?.totalIps ?? s.totalIps, usedIps: reported.get(s.id)?.usedIps ?? s.usedIps }));
  } catch {
    return counted;
  }
}

export async function loadNetworkDetail(ctx: ScopedContext, id: string): Promise<NetworkDetailView> {
  const neutron = neutronOf(ctx);
  const [network, subnets, ports] = await Promise.all([getNetwork(neutron, id), listSubnets(neutron, { network_id: id }), listPorts(neutron, { network_id: id })]);
  const routerIds = [...new Set(ports.filter((p) => p.deviceOwner.startsWith('network:router')).map((p) => p.deviceId))];
  const [servers, routers, availability] = await Promise.all([
    ports.some(isInstancePort) ? settle(listServerNames(novaClient(ctx.endpoint('compute'), ctx.token)), []) : { value: [], error: null },
    routerIds.length ? listRouters(neutron, { id: routerIds }).catch(() => []) : [],
    usage(ctx, id, subnets, ports),
  ]);
  const names = new Map<string, string>([...servers.value.map((s) => [s.id, s.name] as const), ...routers.map((r) => [r.id, r.name] as const)]);
  return {
    network,
    subnets: availability,
    ports: ports.map((p) => ({ ...p, owner: ownerOf(p, names) })),
    namesError: servers.error,
  };
}

function ownerOf(port: Port, names: Map<string, string>): PortRow['owner'] {
  const name = names.get(port.deviceId) ?? null;
  if (isInstancePort(port)) return { kind: 'instance', id: port.deviceId, name };
  if (isRouterInterface(port) || port.deviceOwner === 'network:router_gateway') return { kind: 'router', id: port.deviceId, name };
  if (port.deviceOwner.startsWith('network:')) return { kind: 'network', id: port.deviceId, name: null };
  return { kind: 'none', id: '', name: null };
}

export async function addNetwork(ctx: ScopedContext, raw: unknown): Promise<{ network: Network; subnet: Subnet | null }> {
  const input = createNetworkInput.parse(raw);
  if (input.shared && !ctx.isAdmin) {
    throw new ApiError({ code: 'invalid_input', status: 400, message: 'Only an admin can share a network', fields: { shared: 'admin_only' } });
  }
  const neutron = neutronOf(ctx);
  const network = await createNetwork(neutron, { name: input.name, description: input.description, adminStateUp: input.adminStateUp, shared: input.shared || undefined });
  if (!input.subnet) return { network, subnet: null };
  try {
    return { network, subnet: await createCheckedSubnet(neutron, network.id, input.subnet, 'subnet.') };
  } catch (error) {
    // One form, one outcome: a network whose first subnet was refused is taken back, so a retry does not leave two.
    await deleteNetwork(neutron, network.id).catch(() => undefined);
    throw error;
  }
}

export async function editNetwork(ctx: ScopedContext, id: string, raw: unknown): Promise<Network> {
  const input = updateNetworkInput.parse(raw);
  if (input.shared !== undefined && !ctx.isAdmin) {
    throw new ApiError({ code: 'invalid_input', status: 400, message: 'Only an admin can share a network', fields: { shared: 'admin_only' } });
  }
  return updateNetwork(neutronOf(ctx), id, input);
}

export async function removeNetwork(ctx: ScopedContext, id: string): Promise<void> {
  try {
    await deleteNetwork(neutronOf(ctx), id);
  } catch (error) {
    if (error instanceof OpenStackError && error.status === 409) {
      throw new ApiError({ code: 'network.network_in_use', status: 409, message: error.message, service: error.service, requestId: error.requestId });
    }
    throw error;
  }
}
