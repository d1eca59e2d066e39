// Neutron's tables (migration 0011): rows exactly as SQLite returns them, and the models the
// network stores hand to the service. Timestamps are Neutron's `YYYY-MM-DDTHH:MM:SSZ`.

/** Standard attributes every Neutron resource row carries. */
interface StandardColumns {
  description: string;
  /** JSON array of strings. */
  tags: string;
  created_at: string;
  updated_at: string;
  revision_number: number;
  /** Creation order, for stable listing. */
  seq: number;
}

export interface NetworkTable extends StandardColumns {
  id: string;
  project_id: string;
  name: string;
  status: string;
  admin_state_up: number;
  shared: number;
  external: number;
  is_default: number;
  mtu: number;
  port_security_enabled: number;
  provider_network_type: string | null;
  provider_physical_network: string | null;
  provider_segmentation_id: number | null;
  /** JSON array of strings. */
  availability_zone_hints: string;
  dns_domain: string;
}

export interface SubnetTable extends StandardColumns {
  id: string;
  project_id: string;
  network_id: string;
  name: string;
  ip_version: number;
  cidr: string;
  gateway_ip: string | null;
  enable_dhcp: number;
  /** JSON array of {start, end}. */
  allocation_pools: string;
  /** JSON array of strings. */
  dns_nameservers: string;
  /** JSON array of {destination, nexthop}. */
  host_routes: string;
  ipv6_address_mode: string | null;
  ipv6_ra_mode: string | null;
  subnetpool_id: string | null;
}

export interface PortTable extends StandardColumns {
  id: string;
  project_id: string;
  network_id: string;
  name: string;
  mac_address: string;
  device_owner: string;
  device_id: string;
  status: string;
  admin_state_up: number;
  port_security_enabled: number;
  binding_host_id: string;
  binding_vnic_type: string;
  /** JSON object. */
  binding_profile: string;
  /** JSON array of {ip_address, mac_address}. */
  allowed_address_pairs: string;
  dns_name: string;
}

export interface PortFixedIpTable {
  subnet_id: string;
  ip_address: string;
  port_id: string;
  network_id: string;
  position: number;
}

export interface RouterTable extends StandardColumns {
  id: string;
  project_id: string;
  name: string;
  status: string;
  admin_state_up: number;
  gw_network_id: string | null;
  gw_port_id: string | null;
  enable_snat: number;
  /** JSON array of {destination, nexthop}. */
  routes: string;
  distributed: number;
  ha: number;
  /** JSON array of strings. */
  availability_zone_hints: string;
}

export interface FloatingIpTable extends StandardColumns {
  id: string;
  project_id: string;
  floating_network_id: string;
  floating_ip_address: string;
  floating_port_id: string;
  port_id: string | null;
  fixed_ip_address: string | null;
  router_id: string | null;
  status: string;
  dns_name: string;
  dns_domain: string;
}

export interface SecurityGroupTable extends StandardColumns {
  id: string;
  project_id: string;
  name: string;
  stateful: number;
  is_default: number;
}

export interface SecurityGroupRuleTable extends StandardColumns {
  id: string;
  project_id: string;
  security_group_id: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  remote_ip_prefix: string | null;
  remote_group_id: string | null;
  remote_address_group_id: string | null;
}

export interface PortSecurityGroupTable {
  port_id: string;
  security_group_id: string;
}

export interface NetworkQuotaTable {
  project_id: string;
  resource: string;
  hard_limit: number;
}

export interface AgentTable {
  id: string;
  agent_type: string;
  binary: string;
  topic: string;
  host: string;
  availability_zone: string | null;
  admin_state_up: number;
  description: string;
  /** JSON object. */
  configurations: string;
  heartbeat_timestamp: string;
  started_at: string;
  created_at: string;
  seq: number;
  /** Migration 0012: when the agent stopped reporting; null while it reports. */
  stopped_reporting_at: string | null;
}
