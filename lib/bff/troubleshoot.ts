import 'server-only';

import { describeTrace } from '../network/troubleshoot/cli';
import { evaluateTrace } from '../network/troubleshoot/evaluate';
import type { RouterInterface, TraceInputs, TraceQuery, TraceResult, TraceRouter, TraceServer } from '../network/troubleshoot/types';
import { type NeutronFilters, listAll, neutronClient } from '../openstack/neutron/client';
import {
  type Port,
  type Router,
  type SecurityGroup,
  floatingIpFromWire,
  networkFromWire,
  portFromWire,
  routerFromWire,
  securityGroupFromWire,
  subnetFromWire,
} from '../openstack/neutron/types';
import { OpenStackError } from '../openstack/errors';
import { novaClient } from '../openstack/nova/client';
import { getServer } from '../openstack/nova/servers';
import { type ServerName, listServerNames } from '../openstack/nova/volume-attachments';
import type { ServiceClient } from '../openstack/service-client';
import { ApiError } from './api-error';
import type { ScopedContext } from './guard';

/**
 * The troubleshooter's data in a few rounds of Neutron calls, each round in parallel and every list
 * filtered to what the path can touch: the instances' ports; their floating IPs, groups, subnets and the
 * router interfaces on their networks; those routers with all their interfaces, and the networks; then,
 * only when a router reaches further, the subnets and networks beyond it.
 */
export interface TroubleshootView {
  query: TraceQuery;
  result: TraceResult;
  destination: TraceServer;
  source: TraceServer | null;
  /** Names for every group the page may mention (remote groups included). */
  groupNames: Record<string, string>;
  /** The commands an operator would run to check the same by hand. */
  commands: string[];
}

const ROUTER_INTERFACE_OWNERS = ['network:router_interface', 'network:router_interface_distributed', 'network:ha_router_replicated_interface'];

/** A filtered list, or nothing at all when the filter is empty (an empty filter would list everything). */
function listWhere<T>(neutron: ServiceClient, collection: string, convert: (wire: Record<string, unknown>) => T, key: string, values: Iterable<string>, extra: NeutronFilters = {}): Promise<T[]> {
  const list = [...new Set(values)].filter(Boolean);
  if (list.length === 0) return Promise.resolve([]);
  return listAll(neutron, collection, convert, { ...extra, [key]: list });
}

async function serverOf(nova: ServiceClient, id: string, field: 'destination' | 'sourceServer'): Promise<TraceServer> {
  try {
    const server = await getServer(nova, id);
    return { id: server.id, name: server.name, status: server.status };
  } catch (error) {
    if (error instanceof OpenStackError && error.status === 404) {
      throw new ApiError({ code: 'troubleshoot.instance_not_found', status: 400, message: 'No instance has that ID in this project', fields: { [field]: 'instance_not_found' } });
    }
    throw error;
  }
}

export async function gatherTraceInputs(ctx: ScopedContext, query: TraceQuery): Promise<TraceInputs> {
  const neutron = neutronClient(ctx.endpoint('network'), ctx.token);
  const nova = novaClient(ctx.endpoint('compute'), ctx.token);
  const sourceId = query.source.kind === 'instance' ? query.source.serverId : null;
  const serverIds = sourceId ? [query.destinationServerId, sourceId] : [query.destinationServerId];

  const [destination, sourceServer, ports] = await Promise.all([
    serverOf(nova, query.destinationServerId, 'destination'),
    sourceId ? serverOf(nova, sourceId, 'sourceServer') : Promise.resolve(null),
    listWhere(neutron, 'ports', portFromWire, 'device_id', serverIds),
  ]);
  const destinationPorts = ports.filter((p) => p.deviceId === query.destinationServerId);
  const sourcePorts = sourceId ? ports.filter((p) => p.deviceId === sourceId) : [];
  const networkIds = ports.map((p) => p.networkId);

  const [floatingIps, groups, nearInterfaces, subnetsOnNetworks] = await Promise.all([
    listWhere(neutron, 'floatingips', floatingIpFromWire, 'port_id', ports.map((p) => p.id)),
    listWhere(neutron, 'security_groups', securityGroupFromWire, 'id', ports.flatMap((p) => p.securityGroupIds)),
    listWhere(neutron, 'ports', portFromWire, 'network_id', networkIds, { device_owner: ROUTER_INTERFACE_OWNERS }),
    listWhere(neutron, 'subnets', subnetFromWire, 'network_id', networkIds),
  ]);
  const routerIds = [...nearInterfaces.map((p) => p.deviceId), ...floatingIps.map((f) => f.routerId ?? '')];
  const known = new Set(groups.map((g) => g.id));
  const remoteIds = groups.flatMap((g) => g.rules.map((r) => r.remoteGroupId ?? '')).filter((id) => id && !known.has(id));

  const [routers, interfaces, remoteGroups, nearNetworks] = await Promise.all([
    listWhere(neutron, 'routers', routerFromWire, 'id', routerIds),
    listWhere(neutron, 'ports', portFromWire, 'device_id', routerIds, { device_owner: ROUTER_INTERFACE_OWNERS }),
    listWhere(neutron, 'security_groups', securityGroupFromWire, 'id', remoteIds),
    listWhere(neutron, 'networks', networkFromWire, 'id', [...networkIds, ...floatingIps.map((f) => f.floatingNetworkId)]),
  ]);
  // A last round only for what lies beyond the routers (their other subnets, gateway networks not seen yet).
  const seenSubnets = new Set(subnetsOnNetworks.map((s) => s.id));
  const seenNetworks = new Set(nearNetworks.map((n) => n.id));
  const [farSubnets, farNetworks] = await Promise.all([
    listWhere(neutron, 'subnets', subnetFromWire, 'id', [...ports, ...interfaces].flatMap((p) => p.fixedIps.map((ip) => ip.subnetId)).filter((id) => !seenSubnets.has(id))),
    listWhere(neutron, 'networks', networkFromWire, 'id', [...interfaces.map((p) => p.networkId), ...routers.map((r) => r.externalGateway?.networkId ?? '')].filter((id) => !seenNetworks.has(id))),
  ]);
  const subnets = uniqueById([...subnetsOnNetworks, ...farSubnets]);
  const networks = [...nearNetworks, ...farNetworks];
  return {
    destination,
    destinationPorts,
    sourceServer,
    sourcePorts,
    subnets,
    networks,
    routers: withInterfaces(routers, interfaces),
    floatingIps,
    securityGroups: [...groups, ...remoteGroups],
  };
}

function uniqueById<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}

function withInterfaces(routers: Router[], ports: Port[]): TraceRouter[] {
  return routers.map((router) => ({
    ...router,
    interfaces: ports
      .filter((p) => p.deviceId === router.id)
      .flatMap((p) => p.fixedIps.map((ip): RouterInterface => ({ portId: p.id, networkId: p.networkId, subnetId: ip.subnetId, ipAddress: ip.ipAddress }))),
  }));
}

export async function runTroubleshoot(ctx: ScopedContext, query: TraceQuery): Promise<TroubleshootView> {
  const inputs = await gatherTraceInputs(ctx, query);
  const result = evaluateTrace(query, inputs);
  return {
    query,
    result,
    destination: inputs.destination,
    source: inputs.sourceServer,
    groupNames: Object.fromEntries(inputs.securityGroups.map((g: SecurityGroup) => [g.id, g.name || g.id])),
    commands: describeTrace(query, inputs, result),
  };
}

export interface TroubleshootOptions {
  servers: ServerName[];
}

/** What the form's pickers offer: the project's instances. */
export async function loadTroubleshootOptions(ctx: ScopedContext): Promise<TroubleshootOptions> {
  const servers = await listServerNames(novaClient(ctx.endpoint('compute'), ctx.token));
  return { servers: servers.filter((s) => s.status !== 'DELETED').sort((a, b) => a.name.localeCompare(b.name)) };
}

