/**
 * Neutron's resources with clean names, shared by the dashboard's network pages, the security-group
 * editor and the connectivity troubleshooter. Converters from the wire live next to each type.
 * No 'server-only' here: the browser renders these shapes as the BFF returns them.
 */

export interface Network {
  id: string;
  name: string;
  description: string;
  projectId: string;
  status: string;
  adminStateUp: boolean;
  shared: boolean;
  external: boolean;
  mtu: number | null;
  portSecurityEnabled: boolean;
  subnetIds: string[];
  availabilityZones: string[];
  providerNetworkType: string | null;
  providerPhysicalNetwork: string | null;
  providerSegmentationId: number | null;
  createdAt: string | null;
}

export interface AllocationPool {
  start: string;
  end: string;
}

export interface HostRoute {
  destination: string;
  nexthop: string;
}

export interface Subnet {
  id: string;
  name: string;
  description: string;
  projectId: string;
  networkId: string;
  ipVersion: 4 | 6;
  cidr: string;
  gatewayIp: string | null;
  enableDhcp: boolean;
  allocationPools: AllocationPool[];
  dnsNameservers: string[];
  hostRoutes: HostRoute[];
  ipv6AddressMode: string | null;
  ipv6RaMode: string | null;
  createdAt: string | null;
}

export interface FixedIp {
  subnetId: string;
  ipAddress: string;
}

export interface Port {
  id: string;
  name: string;
  description: string;
  projectId: string;
  networkId: string;
  macAddress: string;
  fixedIps: FixedIp[];
  /** e.g. "compute:nova", "network:router_interface", "network:router_gateway", "network:dhcp", "network:floatingip". */
  deviceOwner: string;
  deviceId: string;
  status: string;
  adminStateUp: boolean;
  securityGroupIds: string[];
  portSecurityEnabled: boolean;
  bindingHostId: string | null;
  createdAt: string | null;
}

export interface ExternalGateway {
  networkId: string;
  enableSnat: boolean;
  externalFixedIps: FixedIp[];
}

export interface Router {
  id: string;
  name: string;
  description: string;
  projectId: string;
  status: string;
  adminStateUp: boolean;
  externalGateway: ExternalGateway | null;
  routes: HostRoute[];
  distributed: boolean | null;
  ha: boolean | null;
  createdAt: string | null;
}

export type RuleDirection = 'ingress' | 'egress';
export type RuleEthertype = 'IPv4' | 'IPv6';

export interface SecurityGroupRule {
  id: string;
  securityGroupId: string;
  projectId: string;
  direction: RuleDirection;
  ethertype: RuleEthertype;
  /** null means any protocol; otherwise a name ("tcp", "udp", "icmp", "ipv6-icmp", …) or a number as text. */
  protocol: string | null;
  /** For tcp/udp the first destination port; for icmp the ICMP type. */
  portRangeMin: number | null;
  /** For tcp/udp the last destination port; for icmp the ICMP code. */
  portRangeMax: number | null;
  remoteIpPrefix: string | null;
  remoteGroupId: string | null;
  description: string;
  createdAt: string | null;
}

export interface SecurityGroup {
  id: string;
  name: string;
  description: string;
  projectId: string;
  stateful: boolean;
  rules: SecurityGroupRule[];
  createdAt: string | null;
}

export interface FloatingIp {
  id: string;
  projectId: string;
  floatingIpAddress: string;
  floatingNetworkId: string;
  fixedIpAddress: string | null;
  portId: string | null;
  routerId: string | null;
  status: string;
  description: string;
  /** Neutron's port_details (extension fip-port-details): the instance behind the port. */
  portDetails: { deviceId: string; deviceOwner: string; name: string } | null;
  createdAt: string | null;
}

export interface Agent {
  id: string;
  agentType: string;
  binary: string;
  host: string;
  availabilityZone: string | null;
  alive: boolean;
  adminStateUp: boolean;
  heartbeatTimestamp: string | null;
  startedAt: string | null;
  createdAt: string | null;
}

export interface SubnetIpAvailability {
  subnetId: string;
  subnetName: string;
  cidr: string;
  ipVersion: number;
  totalIps: number;
  usedIps: number;
}

export interface NetworkIpAvailability {
  networkId: string;
  networkName: string;
  projectId: string;
  totalIps: number;
  usedIps: number;
  subnets: SubnetIpAvailability[];
}

export interface QuotaDetail {
  limit: number;
  used: number;
  reserved: number;
}

/** GET /v2.0/quotas/{project}/details: resource name (network, port, security_group_rule, …) to usage. */
export type NetworkQuotaDetails = Record<string, QuotaDetail>;

type Wire = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : typeof value === 'string' && value !== '' && Number.isFinite(Number(value)) ? Number(value) : null);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const projectOf = (wire: Wire): string => text(wire.project_id) || text(wire.tenant_id);

function fixedIps(value: unknown): FixedIp[] {
  if (!Array.isArray(value)) return [];
  return value.map((ip: Wire) => ({ subnetId: text(ip.subnet_id), ipAddress: text(ip.ip_address) }));
}

function routes(value: unknown): HostRoute[] {
  if (!Array.isArray(value)) return [];
  return value.map((r: Wire) => ({ destination: text(r.destination), nexthop: text(r.nexthop) }));
}

export function networkFromWire(wire: Wire): Network {
  return {
    id: text(wire.id),
    name: text(wire.name),
    description: text(wire.description),
    projectId: projectOf(wire),
    status: text(wire.status),
    adminStateUp: wire.admin_state_up !== false,
    shared: wire.shared === true,
    external: wire['router:external'] === true,
    mtu: numberOrNull(wire.mtu),
    portSecurityEnabled: wire.port_security_enabled !== false,
    subnetIds: strings(wire.subnets),
    availabilityZones: strings(wire.availability_zones),
    providerNetworkType: textOrNull(wire['provider:network_type']),
    providerPhysicalNetwork: textOrNull(wire['provider:physical_network']),
    providerSegmentationId: numberOrNull(wire['provider:segmentation_id']),
    createdAt: textOrNull(wire.created_at),
  };
}

export function subnetFromWire(wire: Wire): Subnet {
  return {
    id: text(wire.id),
    name: text(wire.name),
    description: text(wire.description),
    projectId: projectOf(wire),
    networkId: text(wire.network_id),
    ipVersion: wire.ip_version === 6 ? 6 : 4,
    cidr: text(wire.cidr),
    gatewayIp: textOrNull(wire.gateway_ip),
    enableDhcp: wire.enable_dhcp !== false,
    allocationPools: Array.isArray(wire.allocation_pools)
      ? wire.allocation_pools.map((p: Wire) => ({ start: text(p.start), end: text(p.end) }))
      : [],
    dnsNameservers: strings(wire.dns_nameservers),
    hostRoutes: routes(wire.host_routes),
    ipv6AddressMode: textOrNull(wire.ipv6_address_mode),
    ipv6RaMode: textOrNull(wire.ipv6_ra_mode),
    createdAt: textOrNull(wire.created_at),
  };
}

export function portFromWire(wire: Wire): Port {
  return {
    id: text(wire.id),
    name: text(wire.name),
    description: text(wire.description),
    projectId: projectOf(wire),
    networkId: text(wire.network_id),
    macAddress: text(wire.mac_address),
    fixedIps: fixedIps(wire.fixed_ips),
    deviceOwner: text(wire.device_owner),
    deviceId: text(wire.device_id),
    status: text(wire.status),
    adminStateUp: wire.admin_state_up !== false,
    securityGroupIds: strings(wire.security_groups),
    portSecurityEnabled: wire.port_security_enabled !== false,
    bindingHostId: textOrNull(wire['binding:host_id']),
    createdAt: textOrNull(wire.created_at),
  };
}

export function routerFromWire(wire: Wire): Router {
  const gateway = wire.external_gateway_info as Wire | null | undefined;
  return {
    id: text(wire.id),
    name: text(wire.name),
    description: text(wire.description),
    projectId: projectOf(wire),
    status: text(wire.status),
    adminStateUp: wire.admin_state_up !== false,
    externalGateway: gateway && typeof gateway === 'object' && gateway.network_id
      ? { networkId: text(gateway.network_id), enableSnat: gateway.enable_snat !== false, externalFixedIps: fixedIps(gateway.external_fixed_ips) }
      : null,
    routes: routes(wire.routes),
    distributed: typeof wire.distributed === 'boolean' ? wire.distributed : null,
    ha: typeof wire.ha === 'boolean' ? wire.ha : null,
    createdAt: textOrNull(wire.created_at),
  };
}

export function securityGroupRuleFromWire(wire: Wire): SecurityGroupRule {
  const protocol = wire.protocol === null || wire.protocol === undefined || wire.protocol === '' ? null : String(wire.protocol);
  return {
    id: text(wire.id),
    securityGroupId: text(wire.security_group_id),
    projectId: projectOf(wire),
    direction: wire.direction === 'egress' ? 'egress' : 'ingress',
    ethertype: wire.ethertype === 'IPv6' ? 'IPv6' : 'IPv4',
    protocol,
    portRangeMin: numberOrNull(wire.port_range_min),
    portRangeMax: numberOrNull(wire.port_range_max),
    remoteIpPrefix: textOrNull(wire.remote_ip_prefix),
    remoteGroupId: textOrNull(wire.remote_group_id),
    description: text(wire.description),
    createdAt: textOrNull(wire.created_at),
  };
}

export function securityGroupFromWire(wire: Wire): SecurityGroup {
  return {
    id: text(wire.id),
    name: text(wire.name),
    description: text(wire.description),
    projectId: projectOf(wire),
    stateful: wire.stateful !== false,
    rules: Array.isArray(wire.security_group_rules) ? wire.security_group_rules.map(securityGroupRuleFromWire) : [],
    createdAt: textOrNull(wire.created_at),
  };
}

export function floatingIpFromWire(wire: Wire): FloatingIp {
  const details = wire.port_details as Wire | null | undefined;
  return {
    id: text(wire.id),
    projectId: projectOf(wire),
    floatingIpAddress: text(wire.floating_ip_address),
    floatingNetworkId: text(wire.floating_network_id),
    fixedIpAddress: textOrNull(wire.fixed_ip_address),
    portId: textOrNull(wire.port_id),
    routerId: textOrNull(wire.router_id),
    status: text(wire.status),
    description: text(wire.description),
    portDetails: details && typeof details === 'object'
      ? { deviceId: text(details.device_id), deviceOwner: text(details.device_owner), name: text(details.name) }
      : null,
    createdAt: textOrNull(wire.created_at),
  };
}

export function agentFromWire(wire: Wire): Agent {
  return {
    id: text(wire.id),
    agentType: text(wire.agent_type),
    binary: text(wire.binary),
    host: text(wire.host),
    availabilityZone: textOrNull(wire.availability_zone),
    alive: wire.alive === true,
    adminStateUp: wire.admin_state_up !== false,
    heartbeatTimestamp: textOrNull(wire.heartbeat_timestamp),
    startedAt: textOrNull(wire.started_at),
    createdAt: textOrNull(wire.created_at),
  };
}

export function networkIpAvailabilityFromWire(wire: Wire): NetworkIpAvailability {
  return {
    networkId: text(wire.network_id),
    networkName: text(wire.network_name),
    projectId: projectOf(wire),
    totalIps: numberOrNull(wire.total_ips) ?? 0,
    usedIps: numberOrNull(wire.used_ips) ?? 0,
    subnets: Array.isArray(wire.subnet_ip_availability)
      ? wire.subnet_ip_availability.map((s: Wire) => ({
          subnetId: text(s.subnet_id),
          subnetName: text(s.subnet_name),
          cidr: text(s.cidr),
          ipVersion: numberOrNull(s.ip_version) ?? 4,
          totalIps: numberOrNull(s.total_ips) ?? 0,
          usedIps: numberOrNull(s.used_ips) ?? 0,
        }))
      : [],
  };
}

export function quotaDetailsFromWire(wire: Wire): NetworkQuotaDetails {
  const details: NetworkQuotaDetails = {};
  for (const [resource, value] of Object.entries(wire)) {
    if (!value || typeof value !== 'object') continue;
    const detail = value as Wire;
    details[resource] = {
      limit: numberOrNull(detail.limit) ?? -1,
      used: numberOrNull(detail.used) ?? 0,
      reserved: numberOrNull(detail.reserved) ?? 0,
    };
  }
  return details;
}
