// Row types of the embedded cloud's SQLite store, one interface per table, split by service under
// ./schema/. Migrations create the tables; these types must follow them. Booleans are stored as
// 0/1 and JSON as text, converted by the data access modules, so rows here are exactly what
// SQLite returns. This module composes the `Database` interface Kysely is typed with.

import type { AlarmHistoryTable, AlarmTable } from './schema/alarm';
import type { EndpointTable, RegionTable, ServiceTable } from './schema/catalog';
import type {
  FlavorAccessTable,
  FlavorExtraSpecTable,
  FlavorTable,
  ComputeServiceTable,
  HypervisorTable,
  KeypairTable,
} from './schema/compute';
import type {
  DomainRoleAssignmentTable,
  DomainTable,
  ProjectRoleAssignmentTable,
  ProjectTable,
  RoleTable,
  TokenTable,
  UserTable,
} from './schema/identity';
import type { ImageMemberTable, ImageTable } from './schema/image';
import type { MetaTable } from './schema/meta';
import type { StackTable } from './schema/orchestration';
import type { MetricLoadTable, MetricMeasureTable, MetricResourceTable, MetricTable } from './schema/metric';
import type {
  AgentTable,
  FloatingIpTable,
  NetworkQuotaTable,
  NetworkTable,
  PortFixedIpTable,
  PortSecurityGroupTable,
  PortTable,
  RouterTable,
  SecurityGroupRuleTable,
  SecurityGroupTable,
  SubnetTable,
} from './schema/network';
import type { ComputeQuotaTable, InstanceActionTable, ServerGroupTable, ServerPortTable, ServerTable } from './schema/servers';
import type {
  VolumeAttachmentTable,
  VolumeQuotaTable,
  VolumeSnapshotTable,
  VolumeTable,
  VolumeTypeTable,
} from './schema/volume';

export type * from './schema/alarm';
export type * from './schema/catalog';
export type * from './schema/compute';
export type * from './schema/identity';
export type * from './schema/image';
export type * from './schema/meta';
export type * from './schema/metric';
export type * from './schema/network';
export type * from './schema/orchestration';
export type * from './schema/servers';
export type * from './schema/volume';

export interface Database {
  domains: DomainTable;
  projects: ProjectTable;
  users: UserTable;
  roles: RoleTable;
  project_role_assignments: ProjectRoleAssignmentTable;
  domain_role_assignments: DomainRoleAssignmentTable;
  tokens: TokenTable;
  regions: RegionTable;
  services: ServiceTable;
  endpoints: EndpointTable;
  meta: MetaTable;
  flavors: FlavorTable;
  flavor_extra_specs: FlavorExtraSpecTable;
  flavor_access: FlavorAccessTable;
  keypairs: KeypairTable;
  compute_services: ComputeServiceTable;
  hypervisors: HypervisorTable;
  images: ImageTable;
  image_members: ImageMemberTable;
  servers: ServerTable;
  server_ports: ServerPortTable;
  server_groups: ServerGroupTable;
  instance_actions: InstanceActionTable;
  compute_quotas: ComputeQuotaTable;
  volume_types: VolumeTypeTable;
  volumes: VolumeTable;
  volume_snapshots: VolumeSnapshotTable;
  volume_attachments: VolumeAttachmentTable;
  volume_quotas: VolumeQuotaTable;
  networks: NetworkTable;
  subnets: SubnetTable;
  ports: PortTable;
  port_fixed_ips: PortFixedIpTable;
  routers: RouterTable;
  floating_ips: FloatingIpTable;
  security_groups: SecurityGroupTable;
  security_group_rules: SecurityGroupRuleTable;
  port_security_groups: PortSecurityGroupTable;
  network_quotas: NetworkQuotaTable;
  agents: AgentTable;
  alarms: AlarmTable;
  alarm_history: AlarmHistoryTable;
  metric_resources: MetricResourceTable;
  metrics: MetricTable;
  metric_measures: MetricMeasureTable;
  metric_loads: MetricLoadTable;
  stacks: StackTable;
}
