import 'server-only';

import type { ApiErrorPayload } from '../api-error';
import { listProjects } from '../openstack/keystone';
import { neutronClient } from '../openstack/neutron/client';
import {
  UNREACHABLE_FAULT,
  createFloatingIp,
  deleteFloatingIp,
  getQuotaDetails,
  listExtensionAliases,
  listFloatingIps,
  updateFloatingIpPort,
} from '../openstack/neutron/floating-ips';
import { listNetworks } from '../openstack/neutron/networks';
import { ROUTER_OWNERS, isInstancePort, isRouterInterface, listPorts } from '../openstack/neutron/ports';
import { listRouters } from '../openstack/neutron/routers';
import type { FloatingIp, Network, Port, Router } from '../openstack/neutron/types';
import { OpenStackError } from '../openstack/errors';
import { novaClient } from '../openstack/nova/client';
import { listServers } from '../openstack/nova/servers';
import { listServerNames } from '../openstack/nova/volume-attachments';
import type { ServiceClient } from '../openstack/service-client';
import type { AllocateFloatingIpRequest, AssociateFloatingIpRequest, ServerFloatingIpRequest } from '../validation/floating-ips';
import { allocateFloatingIpSchema, associateFloatingIpSchema, serverFloatingIpSchema } from '../validation/floating-ips';
import { ApiError, toApiError } from './api-error';
import type { ScopedContext } from './guard';

/** The floating IPs page and the instance page's section: addresses joined with pools, instances and projects. */
export interface FloatingIpPool {
  id: string;
  name: string;
}

export interface FloatingIpRow extends FloatingIp {
  poolName: string | null;
  serverId: string | null;
  serverName: string | null;
  projectName: string | null;
}

export interface FloatingIpListView {
  floatingIps: FloatingIpRow[];
  pools: FloatingIpPool[];
  /** floatingip used/limit from quota details; null when the cloud does not offer quota_details. */
  quota: { used: number; limit: number } | null;
  allProjects: boolean;
  /** Nova or Keystone failing only costs names; the page says so. */
  namesError: ApiErrorPayload | null;
}

/** A fixed IP of an instance's port that a floating IP could map to. */
export interface AssociateTarget {
  serverId: string;
  serverName: string | null;
  portId: string;
  fixedIpAddress: string;
  networkId: string;
  networkName: string | null;
  /** External networks a router joins to this fixed IP's subnet: the pools whose addresses can map here. */
  reachableNetworkIds: string[];
  /** The floating IP already mapped to this fixed IP, if any (Neutron allows one). */
  floatingIpAddress: string | null;
}

const ROUTER_INTERFACE_OWNERS = [...ROUTER_OWNERS].filter((owner) => isRouterInterface({ deviceOwner: owner }));
const neutron = (ctx: ScopedContext): ServiceClient => neutronClient(ctx.endpoint('network'), ctx.token);
const nova = (ctx: ScopedContext): ServiceClient => novaClient(ctx.endpoint('compute'), ctx.token);
const settle = <T>(promise: Promise<T>, fallback: T) =>
  promise.then(
    (value) => ({ value, error: null as ApiErrorPayload | null }),
    (error: unknown) => ({ value: fallback, error: toApiError(error).payload }),
  );

async function loadPools(client: ServiceClient): Promise<Network[]> {
  return listNetworks(client, { 'router:external': true });
}

export async function loadFloatingIps(ctx: ScopedContext, options: { allProjects?: boolean } = {}): Promise<FloatingIpListView> {
  const allProjects = options.allProjects === true;
  if (allProjects && !ctx.isAdmin) throw new ApiError({ code: 'admin_only', status: 403, message: 'All projects’ floating IPs need the admin role' });
  const client = neutron(ctx);
  // An admin token lists every project's addresses unless told which project it means.
  const [addresses, pools, quota] = await Promise.all([
    listFloatingIps(client, allProjects ? {} : { project_id: ctx.project.id }),
    loadPools(client),
    loadQuota(client, ctx.project.id),
  ]);
  const [servers, projects, ports] = await Promise.all([
    settle(
      allProjects ? listServers(nova(ctx), { limit: 1000, allProjects: true }).then((p) => p.servers) : listServerNames(nova(ctx)),
      [] as { id: string; name: string }[],
    ),
    allProjects ? settle(listProjects(ctx.config.authUrl, ctx.token), [] as { id: string; name: string }[]) : { value: [], error: null },
    portsWithoutDetails(client, addresses),
  ]);
  const serverNames = new Map(servers.value.map((s) => [s.id, s.name]));
  const projectNames = new Map(projects.value.map((p) => [p.id, p.name]));
  const poolNames = new Map(pools.map((p) => [p.id, p.name]));
  return {
    floatingIps: addresses.map((fip) => {
      const serverId = serverOf(fip, ports);
      return {
        ...fip,
        poolName: poolNames.get(fip.floatingNetworkId) ?? null,
        serverId,
        serverName: serverId ? (serverNames.get(serverId) ?? null) : null,
        projectName: allProjects ? (projectNames.get(fip.projectId) ?? null) : null,
      };
    }),
    pools: pools.map((p) => ({ id: p.id, name: p.name || p.id })),
    quota,
    allProjects,
    namesError: servers.error ?? projects.error,
  };
}

/** The instance behind an address: Neutron's port_details when the cloud has fip-port-details, else its port. */
function serverOf(fip: FloatingIp, ports: Map<string, Port>): string | null {
  if (!fip.portId) return null;
  const owner = fip.portDetails ?? (ports.get(fip.portId) ? { deviceId: ports.get(fip.portId)!.deviceId, deviceOwner: ports.get(fip.portId)!.deviceOwner } : null);
  return owner && isInstancePort(owner) && owner.deviceId ? owner.deviceId : null;
}

async function portsWithoutDetails(client: ServiceClient, addresses: FloatingIp[]): Promise<Map<string, Port>> {
  const ids = addresses.filter((f) => f.portId && !f.portDetails).map((f) => f.portId as string);
  if (ids.length === 0) return new Map();
  const ports = await listPorts(client, { id: ids }).catch(() => [] as Port[]);
  return new Map(ports.map((p) => [p.id, p]));
}

async function loadQuota(client: ServiceClient, projectId: string): Promise<FloatingIpListView['quota']> {
  try {
    if (!(await listExtensionAliases(client)).has('quota_details')) return null;
    const detail = (await getQuotaDetails(client, projectId)).floatingip;
    return detail ? { used: detail.used, limit: detail.limit } : null;
  } catch {
    return null;
  }
}

/**
 * The fixed IPs of the project's instances (or of one instance) with the pools each can reach: Neutron maps
 * a floating IP only through a router that has its gateway on the floating IP's network and an interface on
 * the fixed IP's subnet (otherwise it answers ExternalGatewayForFloatingIPNotFound).
 */
export async function loadAssociateTargets(ctx: ScopedContext, serverId?: string): Promise<{ targets: AssociateTarget[]; serversError: ApiErrorPayload | null }> {
  const { targets, serversError } = await collectTargets(ctx, serverId);
  return { targets, serversError };
}

async function collectTargets(ctx: ScopedContext, serverId?: string) {
  const client = neutron(ctx);
  const [ports, interfaces, routers, servers] = await Promise.all([
    listPorts(client, serverId ? { device_id: serverId } : { project_id: ctx.project.id }),
    listPorts(client, { device_owner: ROUTER_INTERFACE_OWNERS }),
    listRouters(client),
    settle(listServerNames(nova(ctx)), [] as { id: string; name: string }[]),
  ]);
  const instancePorts = ports.filter((p) => isInstancePort(p) && p.deviceId);
  const portIds = instancePorts.map((p) => p.id);
  const networkIds = [...new Set(instancePorts.map((p) => p.networkId))];
  // The addresses already on these ports, whichever project holds them (an admin may look at any instance).
  const [networks, mapped] = portIds.length
    ? await Promise.all([listNetworks(client, { id: networkIds }).catch(() => [] as Network[]), listFloatingIps(client, { port_id: portIds }).then((all) => all.filter((f) => f.portId && portIds.includes(f.portId)))])
    : [[] as Network[], [] as FloatingIp[]];
  const networkNames = new Map(networks.map((n) => [n.id, n.name]));
  const serverNames = new Map(servers.value.map((s) => [s.id, s.name]));
  const reach = reachableExternalNetworks(interfaces, routers);
  const mappedTo = new Map(mapped.map((f) => [`${f.portId}|${f.fixedIpAddress}`, f.floatingIpAddress]));
  const targets: AssociateTarget[] = instancePorts.flatMap((port) =>
    port.fixedIps
      .filter((ip) => !ip.ipAddress.includes(':'))
      .map((ip) => ({
        serverId: port.deviceId,
        serverName: serverNames.get(port.deviceId) ?? null,
        portId: port.id,
        fixedIpAddress: ip.ipAddress,
        networkId: port.networkId,
        networkName: networkNames.get(port.networkId) ?? null,
        reachableNetworkIds: [...(reach.get(ip.subnetId) ?? [])],
        floatingIpAddress: mappedTo.get(`${port.id}|${ip.ipAddress}`) ?? null,
      })),
  );
  return { targets, mapped, serversError: servers.error };
}

/** Subnet id → the external networks reachable from it through a router's interface and gateway. */
export function reachableExternalNetworks(interfaces: Port[], routers: Router[]): Map<string, Set<string>> {
  const gateways = new Map(routers.filter((r) => r.externalGateway).map((r) => [r.id, r.externalGateway!.networkId]));
  const reach = new Map<string, Set<string>>();
  for (const port of interfaces) {
    const external = gateways.get(port.deviceId);
    if (!external) continue;
    for (const ip of port.fixedIps) {
      if (!reach.has(ip.subnetId)) reach.set(ip.subnetId, new Set());
      reach.get(ip.subnetId)!.add(external);
    }
  }
  return reach;
}

export async function allocateFloatingIp(ctx: ScopedContext, raw: AllocateFloatingIpRequest): Promise<FloatingIp> {
  const input = allocateFloatingIpSchema.parse(raw);
  return explainRefusal(() => createFloatingIp(neutron(ctx), { floatingNetworkId: input.networkId, description: input.description }));
}

export async function associateFloatingIp(ctx: ScopedContext, id: string, raw: AssociateFloatingIpRequest): Promise<FloatingIp> {
  const input = associateFloatingIpSchema.parse(raw);
  return explainRefusal(() => updateFloatingIpPort(neutron(ctx), id, input.portId, input.fixedIpAddress || undefined));
}

export async function disassociateFloatingIp(ctx: ScopedContext, id: string): Promise<FloatingIp> {
  return updateFloatingIpPort(neutron(ctx), id, null);
}

/** Releases several addresses; each one's outcome is reported, so one failure does not hide the others. */
export async function releaseFloatingIps(ctx: ScopedContext, ids: string[]): Promise<{ released: string[]; failed: { id: string; error: ApiErrorPayload }[] }> {
  const client = neutron(ctx);
  const outcomes = await Promise.all(ids.map((id) => settle(deleteFloatingIp(client, id).then(() => id), id)));
  return {
    released: outcomes.filter((o) => !o.error).map((o) => o.value),
    failed: outcomes.filter((o) => o.error).map((o) => ({ id: o.value, error: o.error! })),
  };
}

/** The instance page's section: its addresses, the project's free ones, the pools and its fixed IPs. */
export interface ServerFloatingIpsView {
  floatingIps: FloatingIpRow[];
  available: FloatingIpRow[];
  pools: FloatingIpPool[];
  targets: AssociateTarget[];
}

export async function loadServerFloatingIps(ctx: ScopedContext, serverId: string): Promise<ServerFloatingIpsView> {
  const client = neutron(ctx);
  const [{ targets, mapped }, free, pools] = await Promise.all([
    collectTargets(ctx, serverId),
    listFloatingIps(client, { project_id: ctx.project.id }).then((all) => all.filter((f) => !f.portId)),
    loadPools(client),
  ]);
  const poolNames = new Map(pools.map((p) => [p.id, p.name]));
  const row = (fip: FloatingIp, owner: string | null): FloatingIpRow => ({
    ...fip,
    poolName: poolNames.get(fip.floatingNetworkId) ?? null,
    serverId: owner,
    serverName: null,
    projectName: null,
  });
  return {
    floatingIps: mapped.map((f) => row(f, serverId)),
    available: free.map((f) => row(f, null)),
    pools: pools.map((p) => ({ id: p.id, name: p.name || p.id })),
    targets,
  };
}

/** Associates an existing address with one of the instance's ports, or allocates one onto it in one call. */
export async function addServerFloatingIp(ctx: ScopedContext, serverId: string, raw: ServerFloatingIpRequest): Promise<FloatingIp> {
  const input = serverFloatingIpSchema.parse(raw);
  const { targets } = await loadAssociateTargets(ctx, serverId);
  if (!targets.some((t) => t.portId === input.portId)) {
    throw new ApiError({ code: 'floatingip.port_not_on_server', status: 400, message: 'That port does not belong to this instance', fields: { portId: 'port_not_on_server' } });
  }
  const fixedIpAddress = input.fixedIpAddress || undefined;
  return explainRefusal(() =>
    input.mode === 'existing'
      ? updateFloatingIpPort(neutron(ctx), input.floatingIpId, input.portId, fixedIpAddress)
      : createFloatingIp(neutron(ctx), { floatingNetworkId: input.networkId, portId: input.portId, fixedIpAddress }),
  );
}

/** Neutron's faults a person can act on, by the field they concern. */
const REFUSALS: Record<string, { code: string; field: 'networkId' | 'portId' }> = {
  [UNREACHABLE_FAULT]: { code: 'unreachable', field: 'portId' },
  OverQuota: { code: 'quota_exceeded', field: 'networkId' },
  IpAddressGenerationFailure: { code: 'pool_exhausted', field: 'networkId' },
  FloatingIPPortAlreadyAssociated: { code: 'already_associated', field: 'portId' },
};

/** Neutron's refusals that a person can act on, as field errors; anything else as it came. */
async function explainRefusal<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof OpenStackError)) throw error;
    const refusal = REFUSALS[error.faultType ?? ''];
    if (refusal) throw fieldRefusal(error, `floatingip.${refusal.code}`, { [refusal.field]: refusal.code });
    throw error;
  }
}

function fieldRefusal(error: OpenStackError, code: string, fields: Record<string, string>): ApiError {
  return new ApiError({ code, status: error.status === 404 ? 409 : error.status, message: error.message, service: error.service, requestId: error.requestId, fields });
}
