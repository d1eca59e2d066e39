import 'server-only';

import { OpenStackError } from '../openstack/errors';
import { listNetworks } from '../openstack/neutron/networks';
import { ROUTER_OWNERS, isRouterInterface, listPorts } from '../openstack/neutron/ports';
import {
  addRouterInterface,
  createRouter,
  deleteRouter,
  getRouter,
  listRouters,
  removeRouterInterface,
  updateRouter,
} from '../openstack/neutron/routers';
import { listSubnets } from '../openstack/neutron/subnets';
import type { HostRoute, Network, Router, Subnet } from '../openstack/neutron/types';
import { createRouterInput, routerGatewayInput, routerInterfaceInput, routerRoutesInput, unreachableNextHop, updateRouterInput } from '../validation/routers';
import { ApiError } from './api-error';
import type { ScopedContext } from './guard';
import { neutronOf } from './subnets';

/** The routers pages: routers with their gateway and interfaces named, and the pickers their forms need. */
export interface RouterRow extends Router {
  gatewayNetworkName: string | null;
  interfaceCount: number;
}

export interface RouterListView {
  routers: RouterRow[];
  externalNetworks: { id: string; name: string }[];
}

/** Neutron's default policy lets only admins choose enable_snat (members get the cloud's default, on). */
const snat = (ctx: ScopedContext, wanted: boolean): boolean | undefined => (ctx.isAdmin ? wanted : undefined);

const INTERFACE_OWNERS = [...ROUTER_OWNERS].filter((owner) => isRouterInterface({ deviceOwner: owner }));
const label = (n: { id: string; name: string }) => ({ id: n.id, name: n.name || n.id });

export async function loadRouters(ctx: ScopedContext): Promise<RouterListView> {
  const neutron = neutronOf(ctx);
  const [routers, networks, ports] = await Promise.all([
    // An admin token lists every project's routers; this page is the project's.
    listRouters(neutron, ctx.isAdmin ? { project_id: ctx.project.id } : {}),
    listNetworks(neutron, { 'router:external': true }),
    listPorts(neutron, { device_owner: INTERFACE_OWNERS, fields: ['id', 'device_id', 'device_owner'] }),
  ]);
  // Filtered again here: a cloud that ignores a filter must not turn a gateway into an interface.
  const externals = networks.filter((n) => n.external);
  const interfaces = ports.filter(isRouterInterface);
  const names = new Map(externals.map((n) => [n.id, n.name || n.id]));
  const counts = new Map<string, number>();
  for (const p of interfaces) counts.set(p.deviceId, (counts.get(p.deviceId) ?? 0) + 1);
  return {
    routers: routers
      .map((r) => ({
        ...r,
        gatewayNetworkName: r.externalGateway ? (names.get(r.externalGateway.networkId) ?? null) : null,
        interfaceCount: counts.get(r.id) ?? 0,
      }))
      .sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id)),
    externalNetworks: externals.map(label),
  };
}

export interface RouterInterfaceRow {
  portId: string;
  networkId: string;
  networkName: string | null;
  subnetId: string;
  subnetName: string | null;
  cidr: string | null;
  ipAddress: string;
}

export interface RouterDetailView {
  router: Router;
  gatewayNetworkName: string | null;
  interfaces: RouterInterfaceRow[];
  /** Every subnet CIDR the router is on (interfaces and gateway): where a static route's next hop may be. */
  connectedCidrs: string[];
  externalNetworks: { id: string; name: string }[];
  /** Subnets of the project's (and shared) networks that are not on this router yet, for the interface picker. */
  attachableSubnets: { id: string; name: string; cidr: string; networkName: string }[];
}

export async function loadRouterDetail(ctx: ScopedContext, id: string): Promise<RouterDetailView> {
  const neutron = neutronOf(ctx);
  const [router, ports, networks, subnets] = await Promise.all([
    getRouter(neutron, id),
    listPorts(neutron, { device_id: id }),
    listNetworks(neutron),
    listSubnets(neutron),
  ]);
  const networkNames = new Map(networks.map((n) => [n.id, n.name || n.id]));
  const subnetsById = new Map<string, Subnet>(subnets.map((s) => [s.id, s]));
  const interfaces: RouterInterfaceRow[] = ports.filter(isRouterInterface).flatMap((p) =>
    p.fixedIps.map((ip) => {
      const subnet = subnetsById.get(ip.subnetId);
      return {
        portId: p.id,
        networkId: p.networkId,
        networkName: networkNames.get(p.networkId) ?? null,
        subnetId: ip.subnetId,
        subnetName: subnet?.name ?? null,
        cidr: subnet?.cidr ?? null,
        ipAddress: ip.ipAddress,
      };
    }),
  );
  const gatewayCidrs = (router.externalGateway?.externalFixedIps ?? []).map((ip) => subnetsById.get(ip.subnetId)?.cidr).filter((c): c is string => !!c);
  const onRouter = new Set(interfaces.map((i) => i.subnetId));
  const external = new Set(networks.filter((n) => n.external).map((n) => n.id));
  const own = (n: Network | undefined) => !!n && !n.external && (n.projectId === ctx.project.id || n.shared);
  const networksById = new Map(networks.map((n) => [n.id, n]));
  return {
    router,
    gatewayNetworkName: router.externalGateway ? (networkNames.get(router.externalGateway.networkId) ?? null) : null,
    interfaces,
    connectedCidrs: [...interfaces.map((i) => i.cidr).filter((c): c is string => !!c), ...gatewayCidrs],
    externalNetworks: networks.filter((n) => external.has(n.id)).map(label),
    attachableSubnets: subnets
      .filter((s) => !onRouter.has(s.id) && own(networksById.get(s.networkId)))
      .map((s) => ({ id: s.id, name: s.name || s.id, cidr: s.cidr, networkName: networkNames.get(s.networkId) ?? s.networkId })),
  };
}

export async function addRouter(ctx: ScopedContext, raw: unknown): Promise<Router> {
  const input = createRouterInput.parse(raw);
  return createRouter(neutronOf(ctx), {
    name: input.name,
    description: input.description,
    adminStateUp: input.adminStateUp,
    gateway: input.externalNetworkId ? { networkId: input.externalNetworkId, enableSnat: snat(ctx, input.enableSnat) } : null,
  });
}

export async function editRouter(ctx: ScopedContext, id: string, raw: unknown): Promise<Router> {
  return updateRouter(neutronOf(ctx), id, updateRouterInput.parse(raw));
}

/** Sets the external gateway (a network id) or clears it (''). */
export async function setRouterGateway(ctx: ScopedContext, id: string, raw: unknown): Promise<Router> {
  const input = routerGatewayInput.parse(raw);
  try {
    return await updateRouter(neutronOf(ctx), id, { gateway: input.networkId ? { networkId: input.networkId, enableSnat: snat(ctx, input.enableSnat) } : null });
  } catch (error) {
    // Clearing a gateway that floating IPs still use is refused (409); say which field the user should look at.
    if (error instanceof OpenStackError && (error.status === 400 || error.status === 409)) {
      throw new ApiError({ code: 'invalid_input', status: error.status, message: error.message, service: error.service, requestId: error.requestId, fields: { networkId: error.message } });
    }
    throw error;
  }
}

export async function connectSubnet(ctx: ScopedContext, id: string, raw: unknown): Promise<void> {
  const input = routerInterfaceInput.parse(raw);
  try {
    await addRouterInterface(neutronOf(ctx), id, { subnetId: input.subnetId });
  } catch (error) {
    // No gateway on the subnet, or a subnet overlapping one already on the router: both about the choice made.
    if (error instanceof OpenStackError && (error.status === 400 || error.status === 409)) {
      throw new ApiError({ code: 'invalid_input', status: 400, message: error.message, service: error.service, requestId: error.requestId, fields: { subnetId: error.message } });
    }
    throw error;
  }
}

export async function disconnectSubnet(ctx: ScopedContext, id: string, subnetId: string): Promise<void> {
  const input = routerInterfaceInput.parse({ subnetId });
  await removeRouterInterface(neutronOf(ctx), id, { subnetId: input.subnetId });
}

export async function setRouterRoutes(ctx: ScopedContext, id: string, raw: unknown): Promise<Router> {
  const { routes } = routerRoutesInput.parse(raw);
  const detail = await loadRouterDetail(ctx, id);
  const stray: HostRoute | null = unreachableNextHop(routes, detail.connectedCidrs);
  if (stray) {
    throw new ApiError({
      code: 'invalid_input',
      status: 400,
      message: `The next hop ${stray.nexthop} is not in a subnet this router is connected to`,
      fields: { routes: 'nexthop_unreachable' },
    });
  }
  try {
    return await updateRouter(neutronOf(ctx), id, { routes });
  } catch (error) {
    if (error instanceof OpenStackError && error.status === 400) {
      throw new ApiError({ code: 'invalid_input', status: 400, message: error.message, service: error.service, requestId: error.requestId, fields: { routes: error.message } });
    }
    throw error;
  }
}

export async function removeRouter(ctx: ScopedContext, id: string): Promise<void> {
  try {
    await deleteRouter(neutronOf(ctx), id);
  } catch (error) {
    if (error instanceof OpenStackError && error.status === 409) {
      throw new ApiError({ code: 'network.router_in_use', status: 409, message: error.message, service: error.service, requestId: error.requestId });
    }
    throw error;
  }
}
