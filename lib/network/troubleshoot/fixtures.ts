import type { FloatingIp, Network, Port, SecurityGroup, SecurityGroupRule, Subnet } from '../../openstack/neutron/types';
import type { TraceInputs, TraceQuery, TraceRouter } from './types';

/**
 * A small cloud in plain data for the troubleshooter's tests and benchmark: the demo seed's shape
 * (private 10.0.0.0/24 with an IPv6 subnet, internal1, external public 172.24.4.0/24, router1 between
 * private and public) and two instances, "web" and "client", on private with the default group.
 */
let seq = 0;

export function rule(fields: Partial<SecurityGroupRule> & Pick<SecurityGroupRule, 'securityGroupId'>): SecurityGroupRule {
  seq += 1;
  return {
    id: `rule-${seq}`,
    projectId: 'p-demo',
    direction: 'ingress',
    ethertype: 'IPv4',
    protocol: null,
    portRangeMin: null,
    portRangeMax: null,
    remoteIpPrefix: null,
    remoteGroupId: null,
    description: '',
    createdAt: null,
    ...fields,
  };
}

export function group(id: string, rules: Omit<Partial<SecurityGroupRule>, 'securityGroupId'>[], options: { name?: string; stateful?: boolean } = {}): SecurityGroup {
  return {
    id,
    name: options.name ?? id,
    description: '',
    projectId: 'p-demo',
    stateful: options.stateful ?? true,
    rules: rules.map((r) => rule({ ...r, securityGroupId: id })),
    createdAt: null,
  };
}

/** Neutron's default group: all egress, ingress only from members of the group. */
export const defaultGroup = (): SecurityGroup =>
  group(
    'sg-default',
    [
      { direction: 'egress', ethertype: 'IPv4' },
      { direction: 'egress', ethertype: 'IPv6' },
      { direction: 'ingress', ethertype: 'IPv4', remoteGroupId: 'sg-default' },
      { direction: 'ingress', ethertype: 'IPv6', remoteGroupId: 'sg-default' },
    ],
    { name: 'default' },
  );

export function port(id: string, fields: Partial<Port> & Pick<Port, 'networkId' | 'fixedIps'>): Port {
  return {
    id,
    name: '',
    description: '',
    projectId: 'p-demo',
    macAddress: 'fa:16:3e:00:00:01',
    deviceOwner: 'compute:nova',
    deviceId: '',
    status: 'ACTIVE',
    adminStateUp: true,
    securityGroupIds: ['sg-default'],
    portSecurityEnabled: true,
    bindingHostId: null,
    createdAt: null,
    ...fields,
  };
}

function network(id: string, name: string, subnetIds: string[], external = false): Network {
  return {
    id, name, description: '', projectId: 'p-demo', status: 'ACTIVE', adminStateUp: true, shared: false, external, mtu: 1450,
    portSecurityEnabled: true, subnetIds, availabilityZones: [], providerNetworkType: null, providerPhysicalNetwork: null,
    providerSegmentationId: null, createdAt: null,
  };
}

function subnet(id: string, name: string, networkId: string, cidr: string): Subnet {
  return {
    id, name, description: '', projectId: 'p-demo', networkId, ipVersion: cidr.includes(':') ? 6 : 4, cidr, gatewayIp: null,
    enableDhcp: true, allocationPools: [], dnsNameservers: [], hostRoutes: [], ipv6AddressMode: null, ipv6RaMode: null, createdAt: null,
  };
}

export function router(id: string, interfaces: { subnetId: string; networkId: string; ipAddress: string }[], gatewayNetworkId: string | null, gatewayIp = '172.24.4.2'): TraceRouter {
  return {
    id, name: id, description: '', projectId: 'p-demo', status: 'ACTIVE', adminStateUp: true,
    externalGateway: gatewayNetworkId ? { networkId: gatewayNetworkId, enableSnat: true, externalFixedIps: [{ subnetId: 'sub-public', ipAddress: gatewayIp }] } : null,
    routes: [], distributed: null, ha: null, createdAt: null,
    interfaces: interfaces.map((i, n) => ({ portId: `${id}-if-${n}`, ...i })),
  };
}

export function floatingIp(address: string, portId: string, fixedIpAddress: string, routerId: string | null = 'router1'): FloatingIp {
  return {
    id: `fip-${address}`, projectId: 'p-demo', floatingIpAddress: address, floatingNetworkId: 'net-public', fixedIpAddress, portId, routerId,
    status: 'ACTIVE', description: '', portDetails: null, createdAt: null,
  };
}

export const PRIVATE = { networkId: 'net-private', subnetId: 'sub-private', v6SubnetId: 'sub-private-v6' };
export const INTERNAL = { networkId: 'net-internal1', subnetId: 'sub-internal1' };

export function demoWorld(): TraceInputs {
  return {
    destination: { id: 'web', name: 'web', status: 'ACTIVE' },
    destinationPorts: [port('port-web', { deviceId: 'web', networkId: PRIVATE.networkId, fixedIps: [{ subnetId: PRIVATE.subnetId, ipAddress: '10.0.0.5' }] })],
    sourceServer: null,
    sourcePorts: [],
    subnets: [
      subnet(PRIVATE.subnetId, 'private-subnet', PRIVATE.networkId, '10.0.0.0/24'),
      subnet(PRIVATE.v6SubnetId, 'ipv6-private-subnet', PRIVATE.networkId, 'fd00:10::/64'),
      subnet(INTERNAL.subnetId, 'internal1-subnet', INTERNAL.networkId, '192.168.10.0/24'),
      subnet('sub-public', 'public-subnet', 'net-public', '172.24.4.0/24'),
    ],
    networks: [
      network(PRIVATE.networkId, 'private', [PRIVATE.subnetId, PRIVATE.v6SubnetId]),
      network(INTERNAL.networkId, 'internal1', [INTERNAL.subnetId]),
      network('net-public', 'public', ['sub-public'], true),
    ],
    routers: [
      router('router1', [
        { subnetId: PRIVATE.subnetId, networkId: PRIVATE.networkId, ipAddress: '10.0.0.1' },
        { subnetId: PRIVATE.v6SubnetId, networkId: PRIVATE.networkId, ipAddress: 'fd00:10::1' },
      ], 'net-public'),
    ],
    floatingIps: [],
    securityGroups: [defaultGroup()],
  };
}

/** "client" on private, in the default group, as the source instance. */
export function withClient(world: TraceInputs, fields: Partial<Port> = {}): TraceInputs {
  return {
    ...world,
    sourceServer: { id: 'client', name: 'client', status: 'ACTIVE' },
    sourcePorts: [port('port-client', { deviceId: 'client', networkId: PRIVATE.networkId, fixedIps: [{ subnetId: PRIVATE.subnetId, ipAddress: '10.0.0.6' }], ...fields })],
  };
}

export const tcp = (port: number, source: TraceQuery['source'] = { kind: 'internet', address: '203.0.113.5' }): TraceQuery => ({
  source, destinationServerId: 'web', protocol: 'tcp', port, icmpType: null, icmpCode: null,
});

export const icmp = (type: number | null, code: number | null, source: TraceQuery['source'] = { kind: 'internet', address: '203.0.113.5' }): TraceQuery => ({
  source, destinationServerId: 'web', protocol: 'icmp', port: null, icmpType: type, icmpCode: code,
});
