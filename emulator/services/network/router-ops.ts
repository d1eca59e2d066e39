// Routers as Neutron's L3 plugin keeps them: a gateway port on an external network with an
// address from its subnets, interfaces that are ports holding a subnet's gateway IP, static
// routes whose next hop must be on a connected subnet, and the checks that keep floating IPs
// reachable while they depend on a gateway or an interface.

import { ApiError } from '../../http/api-error';
import type { Repositories } from '../../store/open-store';
import type { Port } from '../../store/ports';
import type { Router } from '../../store/routers';
import type { HostRoute, Subnet } from '../../store/subnets';
import { badRequest, conflict, inUse, notFound } from './errors';
import { cidrsOverlap, parseCidr } from './ip-address';
import { createPort, type FixedIpRequest } from './port-ops';
import { bumpRevision } from './revision';
import { inSubnet } from './subnet-input';

export const INTERFACE_OWNER = 'network:router_interface';
export const GATEWAY_OWNER = 'network:router_gateway';

export interface GatewayRequest {
  networkId: string;
  enableSnat?: boolean;
  externalFixedIps?: FixedIpRequest[];
}

const badRouter = (message: string) => badRequest(`Bad router request: ${message}.`, 'BadRequest');

export function interfacePorts(repos: Repositories, routerId: string): Promise<Port[]> {
  return repos.ports.list({ deviceIds: [routerId], deviceOwner: INTERFACE_OWNER });
}

/** Sets, replaces or (with null) clears a router's external gateway. */
export async function setGateway(repos: Repositories, router: Router, request: GatewayRequest | null, now: string): Promise<Router> {
  const sameNetwork = request !== null && request.networkId === router.gwNetworkId;
  if (router.gwNetworkId !== null && !sameNetwork) {
    const dependent = await repos.floatingIps.list({ routerId: router.id });
    if (dependent.length > 0) {
      throw conflict(
        `Gateway cannot be updated for router ${router.id}, since a gateway to external network ${router.gwNetworkId} is required by one or more floating IPs.`,
        'RouterExternalGatewayInUseByFloatingIp',
      );
    }
  }
  let gwPortId = router.gwPortId;
  let gwNetworkId = router.gwNetworkId;
  if (!sameNetwork || request?.externalFixedIps !== undefined) {
    if (gwPortId !== null) await repos.ports.delete(gwPortId);
    gwPortId = null;
    gwNetworkId = null;
    if (request !== null) {
      const network = await repos.networks.get(request.networkId);
      if (!network) throw notFound('network', request.networkId);
      if (!network.external) throw badRouter(`Network ${network.id} is not an external network`);
      const port = await createPort(repos, network, {
        projectId: '',
        deviceOwner: GATEWAY_OWNER,
        deviceId: router.id,
        fixedIps: request.externalFixedIps,
        portSecurityEnabled: false,
        now,
      });
      gwPortId = port.id;
      gwNetworkId = network.id;
    }
  }
  const updated = await repos.routers.update(router.id, {
    gwNetworkId,
    gwPortId,
    enableSnat: request === null ? true : (request.enableSnat ?? (sameNetwork ? router.enableSnat : true)),
    ...bumpRevision(router, now),
  });
  return updated!;
}

export interface InterfaceInfo {
  id: string;
  tenant_id: string;
  project_id: string;
  port_id: string;
  network_id: string;
  subnet_id: string;
  subnet_ids: string[];
}

function interfaceInfo(router: Router, port: Port): InterfaceInfo {
  const subnetIds = port.fixedIps.map((ip) => ip.subnetId);
  return {
    id: router.id,
    tenant_id: router.projectId,
    project_id: router.projectId,
    port_id: port.id,
    network_id: port.networkId,
    subnet_id: subnetIds[0] ?? '',
    subnet_ids: subnetIds,
  };
}

async function checkNoOverlap(repos: Repositories, router: Router, subnets: Subnet[]): Promise<void> {
  const existing = (await interfacePorts(repos, router.id)).flatMap((p) => p.fixedIps.map((ip) => ip.subnetId));
  for (const subnet of subnets) {
    if (existing.includes(subnet.id)) throw badRouter(`Router already has a port on subnet ${subnet.id}`);
  }
  const connected = await repos.subnets.list({ ids: existing });
  for (const subnet of subnets) {
    const cidr = parseCidr(subnet.cidr)!;
    const clash = connected.find((other) => cidrsOverlap(cidr, parseCidr(other.cidr)!));
    if (clash) throw badRouter(`Cidr ${subnet.cidr} of subnet ${subnet.id} overlaps with cidr ${clash.cidr} of subnet ${clash.id}`);
  }
}

export async function addInterface(
  repos: Repositories,
  router: Router,
  target: { subnet: Subnet } | { port: Port },
  now: string,
): Promise<InterfaceInfo> {
  if ('subnet' in target) {
    const { subnet } = target;
    if (subnet.gatewayIp === null) throw badRouter('Subnet for router interface must have a gateway IP');
    await checkNoOverlap(repos, router, [subnet]);
    const network = (await repos.networks.get(subnet.networkId))!;
    const port = await createPort(repos, network, {
      projectId: subnet.projectId,
      deviceOwner: INTERFACE_OWNER,
      deviceId: router.id,
      fixedIps: [{ subnetId: subnet.id, ipAddress: subnet.gatewayIp }],
      now,
    });
    await repos.routers.update(router.id, bumpRevision(router, now));
    return interfaceInfo(router, port);
  }
  const { port } = target;
  if (port.deviceId !== '' || port.deviceOwner !== '') {
    throw conflict(
      `Unable to complete operation on port ${port.id} for network ${port.networkId}. Port already has an attached device ${port.deviceId}.`,
      'PortInUse',
    );
  }
  if (port.fixedIps.length === 0) throw badRouter('Router port must have at least one fixed IP');
  await checkNoOverlap(repos, router, await repos.subnets.list({ ids: port.fixedIps.map((ip) => ip.subnetId) }));
  const updated = await repos.ports.update(port.id, {
    deviceOwner: INTERFACE_OWNER,
    deviceId: router.id,
    status: 'ACTIVE',
    ...bumpRevision(port, now),
  });
  await repos.securityGroups.bindPort(port.id, []);
  await repos.routers.update(router.id, bumpRevision(router, now));
  return interfaceInfo(router, updated!);
}

export async function removeInterface(
  repos: Repositories,
  router: Router,
  target: { subnetId?: string; portId?: string },
  now: string,
): Promise<InterfaceInfo> {
  const ports = await interfacePorts(repos, router.id);
  let port: Port | undefined;
  if (target.portId !== undefined) {
    port = ports.find((p) => p.id === target.portId);
    if (!port) throw new ApiError(404, `Router ${router.id} does not have an interface with id ${target.portId}`, 'RouterInterfaceNotFound');
    if (target.subnetId !== undefined && !port.fixedIps.some((ip) => ip.subnetId === target.subnetId)) {
      throw conflict(`Subnet ${target.subnetId} is not part of port ${port.id}`, 'SubnetMismatchForPort');
    }
  } else {
    port = ports.find((p) => p.fixedIps.some((ip) => ip.subnetId === target.subnetId));
    if (!port) {
      throw new ApiError(404, `Router ${router.id} has no interface on subnet ${target.subnetId}`, 'RouterInterfaceNotFoundForSubnet');
    }
  }
  for (const ip of port.fixedIps) {
    const subnet = await repos.subnets.get(ip.subnetId);
    if (!subnet) continue;
    if (router.routes.some((route) => inSubnet(subnet.cidr, route.nexthop))) {
      throw conflict(
        `Router interface for subnet ${subnet.id} on router ${router.id} cannot be deleted, as it is required by one or more routes.`,
        'RouterInterfaceInUseByRoute',
      );
    }
    const behind = await repos.floatingIps.list({ routerId: router.id });
    const portsBehind = behind.length === 0 ? [] : await repos.ports.list({ ids: behind.map((f) => f.portId ?? '') });
    if (portsBehind.some((p) => p.fixedIps.some((f) => f.subnetId === subnet.id))) {
      throw conflict(
        `Router interface for subnet ${subnet.id} on router ${router.id} cannot be deleted, as it is required by one or more floating IPs.`,
        'RouterInterfaceInUseByFloatingIP',
      );
    }
  }
  const info = interfaceInfo(router, port);
  await repos.ports.delete(port.id);
  await repos.routers.update(router.id, bumpRevision(router, now));
  return info;
}

/** Checks static routes: valid CIDRs and next hops on a subnet the router is connected to. */
export async function checkRoutes(repos: Repositories, router: Router, routes: HostRoute[]): Promise<HostRoute[]> {
  const ports = await interfacePorts(repos, router.id);
  if (router.gwPortId !== null) {
    const gateway = await repos.ports.get(router.gwPortId);
    if (gateway) ports.push(gateway);
  }
  const subnets = await repos.subnets.list({ ids: ports.flatMap((p) => p.fixedIps.map((ip) => ip.subnetId)) });
  const ownIps = new Set(ports.flatMap((p) => p.fixedIps.map((ip) => ip.ipAddress)));
  const invalid = (reason: string) =>
    badRequest(`Invalid format for routes: ${JSON.stringify(routes)}, ${reason}`, 'InvalidRoutes');
  return routes.map((route) => {
    const destination = parseCidr(route.destination);
    if (!destination) throw invalid(`the destination ${route.destination} is not a valid CIDR`);
    if (ownIps.has(route.nexthop)) throw invalid('the nexthop is used by router');
    if (!subnets.some((s) => inSubnet(s.cidr, route.nexthop))) throw invalid('the nexthop is not connected with router');
    return route;
  });
}

export async function deleteRouter(repos: Repositories, router: Router): Promise<void> {
  if ((await interfacePorts(repos, router.id)).length > 0) throw inUse.router(router.id);
  if ((await repos.floatingIps.list({ routerId: router.id })).length > 0) throw inUse.router(router.id);
  if (router.gwPortId !== null) await repos.ports.delete(router.gwPortId);
  await repos.routers.delete(router.id);
}
