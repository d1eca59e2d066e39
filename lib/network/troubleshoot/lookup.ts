import type { FixedIp, FloatingIp, Network, Port, SecurityGroup, Subnet } from '../../openstack/neutron/types';
import { parseIp } from '../cidr';
import type { TraceInputs, TraceRouter } from './types';

/** An address on an instance port: the pair the path is traced to or from. */
export interface Endpoint {
  port: Port;
  fixedIp: FixedIp;
  version: 4 | 6;
}

/** Indexes over the gathered data, so that the walk reads as lookups. */
export interface Lookup {
  subnet(id: string): Subnet | undefined;
  network(id: string): Network | undefined;
  group(id: string): SecurityGroup | undefined;
  groupsOf(port: Port): SecurityGroup[];
  /** Routers with an interface on the subnet. */
  routersOnSubnet(subnetId: string): TraceRouter[];
  /** The floating IP mapped to this port and address, if any. */
  floatingIpOf(endpoint: Endpoint): FloatingIp | undefined;
  subnetName(id: string): string;
  networkName(id: string): string;
}

export function endpointsOf(ports: Port[]): Endpoint[] {
  return ports.flatMap((port) =>
    port.fixedIps.flatMap((fixedIp) => {
      const version = parseIp(fixedIp.ipAddress)?.version;
      return version ? [{ port, fixedIp, version }] : [];
    }),
  );
}

export function buildLookup(inputs: TraceInputs): Lookup {
  const subnets = new Map(inputs.subnets.map((s) => [s.id, s]));
  const networks = new Map(inputs.networks.map((n) => [n.id, n]));
  const groups = new Map(inputs.securityGroups.map((g) => [g.id, g]));
  const routersBySubnet = new Map<string, TraceRouter[]>();
  for (const router of inputs.routers) {
    for (const iface of router.interfaces) {
      const list = routersBySubnet.get(iface.subnetId) ?? [];
      if (!list.includes(router)) list.push(router);
      routersBySubnet.set(iface.subnetId, list);
    }
  }
  return {
    subnet: (id) => subnets.get(id),
    network: (id) => networks.get(id),
    group: (id) => groups.get(id),
    // A group the user cannot read still filters the port; it is shown by id with no rules known.
    groupsOf: (port) => port.securityGroupIds.map((id) => groups.get(id) ?? { id, name: id, description: '', projectId: '', stateful: true, rules: [], createdAt: null }),
    routersOnSubnet: (subnetId) => routersBySubnet.get(subnetId) ?? [],
    floatingIpOf: (endpoint) =>
      inputs.floatingIps.find(
        (f) => f.portId === endpoint.port.id && (f.fixedIpAddress === null || f.fixedIpAddress === endpoint.fixedIp.ipAddress),
      ),
    subnetName: (id) => {
      const subnet = subnets.get(id);
      return subnet ? `${subnet.name || subnet.id} (${subnet.cidr})` : id;
    },
    networkName: (id) => networks.get(id)?.name || id,
  };
}

export const routerName = (router: TraceRouter): string => router.name || router.id;
export const portName = (port: Port): string => port.name || port.id;
