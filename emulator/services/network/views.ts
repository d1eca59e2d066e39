// Neutron's wire form of networks, subnets, ports, routers and floating IPs. Every resource
// carries tenant_id and project_id (equal), the standard attributes and only the extension
// attributes the emulator serves; provider:* and binding:* are for admins only.

import type { FloatingIp } from '../../store/floating-ips';
import type { StandardAttributes } from '../../store/network-rows';
import type { Network } from '../../store/networks';
import type { Port } from '../../store/ports';
import type { Router } from '../../store/routers';
import type { Subnet } from '../../store/subnets';
import type { WireObject } from './list-query';

/** The availability zone every network and router reports. */
export const NETWORK_ZONE = 'nova';

function standard(resource: StandardAttributes & { projectId: string }) {
  return {
    tenant_id: resource.projectId,
    project_id: resource.projectId,
    description: resource.description,
    tags: resource.tags,
    created_at: resource.createdAt,
    updated_at: resource.updatedAt,
    revision_number: resource.revisionNumber,
  };
}

export const NETWORK_ATTRIBUTES = [
  'id', 'name', 'tenant_id', 'project_id', 'description', 'tags', 'created_at', 'updated_at', 'revision_number',
  'admin_state_up', 'status', 'shared', 'router:external', 'is_default', 'mtu', 'port_security_enabled', 'subnets',
  'availability_zone_hints', 'availability_zones', 'provider:network_type', 'provider:physical_network',
  'provider:segmentation_id',
] as const;

export function networkView(network: Network, subnetIds: string[], admin: boolean): WireObject {
  return {
    id: network.id,
    name: network.name,
    ...standard(network),
    admin_state_up: network.adminStateUp,
    status: network.status,
    shared: network.shared,
    'router:external': network.external,
    is_default: network.isDefault,
    mtu: network.mtu,
    port_security_enabled: network.portSecurityEnabled,
    subnets: subnetIds,
    availability_zone_hints: network.availabilityZoneHints,
    availability_zones: [NETWORK_ZONE],
    ...(admin
      ? {
          'provider:network_type': network.providerNetworkType,
          'provider:physical_network': network.providerPhysicalNetwork,
          'provider:segmentation_id': network.providerSegmentationId,
        }
      : {}),
  };
}

export const SUBNET_ATTRIBUTES = [
  'id', 'name', 'tenant_id', 'project_id', 'description', 'tags', 'created_at', 'updated_at', 'revision_number',
  'network_id', 'ip_version', 'cidr', 'gateway_ip', 'enable_dhcp', 'allocation_pools', 'dns_nameservers',
  'host_routes', 'ipv6_address_mode', 'ipv6_ra_mode', 'subnetpool_id', 'service_types',
] as const;

export function subnetView(subnet: Subnet): WireObject {
  return {
    id: subnet.id,
    name: subnet.name,
    ...standard(subnet),
    network_id: subnet.networkId,
    ip_version: subnet.ipVersion,
    cidr: subnet.cidr,
    gateway_ip: subnet.gatewayIp,
    enable_dhcp: subnet.enableDhcp,
    allocation_pools: subnet.allocationPools,
    dns_nameservers: subnet.dnsNameservers,
    host_routes: subnet.hostRoutes,
    ipv6_address_mode: subnet.ipv6AddressMode,
    ipv6_ra_mode: subnet.ipv6RaMode,
    subnetpool_id: subnet.subnetpoolId,
    service_types: [],
  };
}

export const PORT_ATTRIBUTES = [
  'id', 'name', 'tenant_id', 'project_id', 'description', 'tags', 'created_at', 'updated_at', 'revision_number',
  'network_id', 'mac_address', 'fixed_ips', 'device_owner', 'device_id', 'status', 'admin_state_up',
  'security_groups', 'port_security_enabled', 'allowed_address_pairs', 'binding:host_id', 'binding:vnic_type',
  'binding:profile', 'binding:vif_type', 'binding:vif_details',
] as const;

/** What the port is bound as: OVS through OVN once a host is set. */
function vifType(port: Port): string {
  return port.bindingHostId === '' ? 'unbound' : 'ovs';
}

export function portView(port: Port, securityGroupIds: string[], admin: boolean): WireObject {
  return {
    id: port.id,
    name: port.name,
    ...standard(port),
    network_id: port.networkId,
    mac_address: port.macAddress,
    fixed_ips: port.fixedIps.map((ip) => ({ subnet_id: ip.subnetId, ip_address: ip.ipAddress })),
    device_owner: port.deviceOwner,
    device_id: port.deviceId,
    status: port.status,
    admin_state_up: port.adminStateUp,
    security_groups: securityGroupIds,
    port_security_enabled: port.portSecurityEnabled,
    allowed_address_pairs: port.allowedAddressPairs,
    'binding:vnic_type': port.bindingVnicType,
    ...(admin
      ? {
          'binding:host_id': port.bindingHostId,
          'binding:profile': port.bindingProfile,
          'binding:vif_type': vifType(port),
          'binding:vif_details': vifType(port) === 'ovs' ? { port_filter: true, connectivity: 'l2', bridge_name: 'br-int' } : {},
        }
      : {}),
  };
}

export const ROUTER_ATTRIBUTES = [
  'id', 'name', 'tenant_id', 'project_id', 'description', 'tags', 'created_at', 'updated_at', 'revision_number',
  'status', 'admin_state_up', 'external_gateway_info', 'routes', 'distributed', 'ha', 'availability_zone_hints',
  'availability_zones', 'flavor_id',
] as const;

export function routerView(router: Router, gatewayPort: Port | undefined, admin: boolean): WireObject {
  return {
    id: router.id,
    name: router.name,
    ...standard(router),
    status: router.status,
    admin_state_up: router.adminStateUp,
    external_gateway_info:
      router.gwNetworkId === null
        ? null
        : {
            network_id: router.gwNetworkId,
            enable_snat: router.enableSnat,
            external_fixed_ips: (gatewayPort?.fixedIps ?? []).map((ip) => ({ subnet_id: ip.subnetId, ip_address: ip.ipAddress })),
          },
    routes: router.routes,
    availability_zone_hints: router.availabilityZoneHints,
    availability_zones: [NETWORK_ZONE],
    flavor_id: null,
    ...(admin ? { distributed: router.distributed, ha: router.ha } : {}),
  };
}

export const FLOATING_IP_ATTRIBUTES = [
  'id', 'tenant_id', 'project_id', 'description', 'tags', 'created_at', 'updated_at', 'revision_number',
  'floating_ip_address', 'floating_network_id', 'router_id', 'port_id', 'fixed_ip_address', 'status',
  'port_details', 'port_forwardings',
] as const;

export function floatingIpView(floatingIp: FloatingIp, port: Port | undefined): WireObject {
  return {
    id: floatingIp.id,
    ...standard(floatingIp),
    floating_ip_address: floatingIp.floatingIpAddress,
    floating_network_id: floatingIp.floatingNetworkId,
    router_id: floatingIp.routerId,
    port_id: floatingIp.portId,
    fixed_ip_address: floatingIp.fixedIpAddress,
    status: floatingIp.status,
    port_details: port
      ? {
          name: port.name,
          network_id: port.networkId,
          mac_address: port.macAddress,
          admin_state_up: port.adminStateUp,
          status: port.status,
          device_id: port.deviceId,
          device_owner: port.deviceOwner,
        }
      : null,
    port_forwardings: [],
  };
}
