// Row types of the embedded cloud's SQLite store, one interface per table. Migrations create
// the tables; these types must follow them. Booleans are stored as 0/1 and JSON as text,
// converted by the data access modules, so rows here are exactly what SQLite returns.

import type { Generated, Selectable } from 'kysely';

export interface DomainTable {
  id: string;
  name: string;
  description: string;
  enabled: number;
}

export interface ProjectTable {
  id: string;
  name: string;
  domain_id: string;
  description: string;
  enabled: number;
  /** null for a top-level project; Keystone reports the domain id as its parent. */
  parent_id: string | null;
  /** JSON array of strings. */
  tags: string;
}

export interface UserTable {
  id: string;
  name: string;
  domain_id: string;
  /** scrypt$N$r$p$salt$hash, or null for a user who cannot log in with a password. */
  password_hash: string | null;
  enabled: number;
  default_project_id: string | null;
  description: string | null;
  email: string | null;
}

export interface RoleTable {
  id: string;
  name: string;
  description: string | null;
}

export interface ProjectRoleAssignmentTable {
  user_id: string;
  project_id: string;
  role_id: string;
}

export interface DomainRoleAssignmentTable {
  user_id: string;
  domain_id: string;
  role_id: string;
}

export interface TokenTable {
  /** SHA-256 (hex) of the token id: the id itself is never stored. */
  id_hash: string;
  user_id: string;
  project_id: string | null;
  domain_id: string | null;
  /** JSON array of auth method names. */
  methods: string;
  audit_id: string;
  /** Audit id of the token this one was rescoped from, if any. */
  parent_audit_id: string | null;
  issued_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface RegionTable {
  id: string;
  description: string;
  parent_region_id: string | null;
  position: number;
}

export interface ServiceTable {
  id: string;
  type: string;
  name: string;
  description: string;
  enabled: number;
  position: number;
}

export interface EndpointTable {
  id: string;
  service_id: string;
  region_id: string;
  interface: string;
  /** Path relative to the public URL, may contain Keystone's `$(project_id)s`. */
  path: string;
  enabled: number;
}

/** Facts about the store itself, e.g. which seed it was created with. */
export interface MetaTable {
  key: string;
  value: string;
}

export interface ServerTable {
  id: string;
  project_id: string;
  user_id: string;
  name: string;
  description: string | null;
  flavor_id: string;
  /** JSON FlavorSnapshot. */
  flavor: string;
  old_flavor: string | null;
  vcpus: number;
  memory_mb: number;
  disk_gb: number;
  image_id: string;
  key_name: string | null;
  availability_zone: string | null;
  host: string | null;
  vm_state: string;
  task_state: string | null;
  power_state: number;
  /** When the pending transition completes; null when the server is settled. */
  settle_at: string | null;
  next_vm_state: string | null;
  next_power_state: number | null;
  locked: number;
  locked_reason: string | null;
  /** JSON object of strings. */
  metadata: string;
  /** JSON array of strings. */
  tags: string;
  /** JSON array of security group names. */
  security_groups: string;
  /** JSON {network: [{addr, version, mac}]}. */
  addresses: string;
  fixed_ip: string | null;
  user_data: string | null;
  config_drive: string;
  disk_config: string;
  /** JSON {code, message, created}. */
  fault: string | null;
  reservation_id: string;
  launch_index: number;
  server_group_id: string | null;
  boot_volume_id: string | null;
  created_at: string;
  updated_at: string;
  launched_at: string | null;
}

export interface ServerGroupTable {
  id: string;
  project_id: string;
  user_id: string;
  name: string;
  policy: string;
  /** JSON object. */
  rules: string;
  created_at: string;
}

export interface InstanceActionTable {
  request_id: string;
  server_id: string;
  project_id: string;
  user_id: string;
  action: string;
  start_time: string;
  finish_time: string;
  event: string;
  result: string;
  host: string | null;
}

export interface ComputeQuotaTable {
  project_id: string;
  resource: string;
  hard_limit: number;
}

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
  server_groups: ServerGroupTable;
  instance_actions: InstanceActionTable;
  compute_quotas: ComputeQuotaTable;
  volume_types: VolumeTypeTable;
  volumes: VolumeTable;
  volume_snapshots: VolumeSnapshotTable;
  volume_attachments: VolumeAttachmentTable;
  volume_quotas: VolumeQuotaTable;
}

export type DomainRow = Selectable<DomainTable>;
export type ProjectRow = Selectable<ProjectTable>;
export type UserRow = Selectable<UserTable>;
export type RoleRow = Selectable<RoleTable>;
export type TokenRow = Selectable<TokenTable>;
export type ServiceRow = Selectable<ServiceTable>;
export type EndpointRow = Selectable<EndpointTable>;

// Models: what the data access modules hand to the services, with clean names and types.

export interface Domain {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
}

export interface Project {
  id: string;
  name: string;
  domainId: string;
  description: string;
  enabled: boolean;
  parentId: string | null;
  tags: string[];
}

export interface User {
  id: string;
  name: string;
  domainId: string;
  passwordHash: string | null;
  enabled: boolean;
  defaultProjectId: string | null;
  description: string | null;
  email: string | null;
}

export interface Role {
  id: string;
  name: string;
  description: string | null;
}

export type AssignmentScope = { kind: 'project'; id: string } | { kind: 'domain'; id: string };

export interface RoleAssignment {
  userId: string;
  roleId: string;
  scope: AssignmentScope;
}

export interface Token {
  idHash: string;
  userId: string;
  projectId: string | null;
  domainId: string | null;
  methods: string[];
  auditId: string;
  parentAuditId: string | null;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface Region {
  id: string;
  description: string;
  parentRegionId: string | null;
}

export interface Service {
  id: string;
  type: string;
  name: string;
  description: string;
  enabled: boolean;
}

export type EndpointInterface = 'public' | 'internal' | 'admin';

export interface Endpoint {
  id: string;
  serviceId: string;
  regionId: string;
  interface: EndpointInterface;
  path: string;
  enabled: boolean;
}

// Filters and partial updates the data access modules accept.

export interface ProjectFilter {
  name?: string;
  domainId?: string;
  enabled?: boolean;
  parentId?: string;
}

export interface UserFilter {
  name?: string;
  domainId?: string;
  enabled?: boolean;
}

export type DomainChanges = Partial<Omit<Domain, 'id'>>;
export type ProjectChanges = Partial<Pick<Project, 'name' | 'description' | 'enabled' | 'tags'>>;
export type UserChanges = Partial<Omit<User, 'id' | 'domainId'>>;

export interface AssignmentFilter {
  userId?: string;
  roleId?: string;
  projectId?: string;
  domainId?: string;
}

export interface EndpointFilter {
  serviceId?: string;
  regionId?: string;
  interface?: EndpointInterface;
}

// Nova's resources other than servers, and Glance's images (migrations 0005 and 0006).

export interface FlavorTable {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  ephemeral: number;
  swap: number;
  rxtx_factor: number;
  is_public: number;
  disabled: number;
  description: string | null;
  created_at: string;
}

export interface FlavorExtraSpecTable {
  flavor_id: string;
  key: string;
  value: string;
}

export interface FlavorAccessTable {
  flavor_id: string;
  project_id: string;
}

export interface KeypairTable {
  id: Generated<number>;
  user_id: string;
  name: string;
  type: string;
  public_key: string;
  fingerprint: string;
  created_at: string;
}

export interface ComputeServiceTable {
  id: string;
  seq: number;
  binary: string;
  host: string;
  zone: string;
  disabled: number;
  disabled_reason: string | null;
  forced_down: number;
  stopped_reporting_at: string | null;
  created_at: string;
}

export interface HypervisorTable {
  id: string;
  seq: number;
  hostname: string;
  service_id: string;
  host_ip: string;
  hypervisor_type: string;
  hypervisor_version: number;
  vcpus: number;
  memory_mb: number;
  local_gb: number;
}

export interface ImageTable {
  id: string;
  name: string | null;
  status: string;
  visibility: string;
  protected: number;
  os_hidden: number;
  owner: string | null;
  disk_format: string | null;
  container_format: string | null;
  size: number | null;
  virtual_size: number | null;
  checksum: string | null;
  os_hash_algo: string | null;
  os_hash_value: string | null;
  min_disk: number;
  min_ram: number;
  /** JSON array of strings. */
  tags: string;
  /** JSON object of strings. */
  properties: string;
  import_done_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImageMemberTable {
  image_id: string;
  member_id: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface Flavor {
  id: string;
  name: string;
  vcpus: number;
  /** MiB. */
  ram: number;
  /** GiB. */
  disk: number;
  ephemeral: number;
  /** MiB; 0 means none. */
  swap: number;
  rxtxFactor: number;
  isPublic: boolean;
  disabled: boolean;
  description: string | null;
  extraSpecs: Record<string, string>;
  createdAt: string;
}

export interface FlavorFilter {
  /** undefined: public flavors plus the private ones `accessProjectId` may use; 'all': every flavor. */
  isPublic?: boolean | 'all';
  accessProjectId?: string;
  minDisk?: number;
  minRam?: number;
}

export interface Keypair {
  id: number;
  userId: string;
  name: string;
  type: 'ssh' | 'x509';
  publicKey: string;
  fingerprint: string;
  createdAt: string;
}

export interface ComputeService {
  id: string;
  seq: number;
  binary: string;
  host: string;
  zone: string;
  disabled: boolean;
  disabledReason: string | null;
  forcedDown: boolean;
  stoppedReportingAt: string | null;
  createdAt: string;
}

export interface Hypervisor {
  id: string;
  seq: number;
  hostname: string;
  serviceId: string;
  hostIp: string;
  hypervisorType: string;
  hypervisorVersion: number;
  vcpus: number;
  memoryMb: number;
  localGb: number;
}

export type ImageStatus =
  | 'queued'
  | 'saving'
  | 'uploading'
  | 'importing'
  | 'active'
  | 'deactivated'
  | 'killed'
  | 'deleted'
  | 'pending_delete';
export type ImageVisibility = 'public' | 'private' | 'shared' | 'community';

export interface Image {
  id: string;
  name: string | null;
  status: ImageStatus;
  visibility: ImageVisibility;
  protected: boolean;
  osHidden: boolean;
  owner: string | null;
  diskFormat: string | null;
  containerFormat: string | null;
  size: number | null;
  virtualSize: number | null;
  checksum: string | null;
  osHashAlgo: string | null;
  osHashValue: string | null;
  minDisk: number;
  minRam: number;
  tags: string[];
  properties: Record<string, string>;
  importDoneAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ImageMemberStatus = 'pending' | 'accepted' | 'rejected';

export interface ImageMember {
  imageId: string;
  memberId: string;
  status: ImageMemberStatus;
  createdAt: string;
  updatedAt: string;
}

// Cinder's volumes, snapshots, types, attachments and quotas (migrations 0009 and 0010).

export interface VolumeTypeTable {
  id: string;
  name: string;
  description: string | null;
  is_public: number;
  /** JSON object of strings. */
  extra_specs: string;
  created_at: string;
}

export interface VolumeTable {
  id: string;
  project_id: string;
  user_id: string;
  name: string | null;
  description: string | null;
  size: number;
  status: string;
  /** Status the volume settles in at settle_at; null when settled. */
  next_status: string | null;
  settle_at: string | null;
  volume_type_id: string;
  availability_zone: string;
  bootable: number;
  multiattach: number;
  source_volid: string | null;
  snapshot_id: string | null;
  /** JSON object of strings: the image a bootable volume was made from. */
  image_metadata: string | null;
  /** JSON object of strings. */
  metadata: string;
  created_at: string;
  updated_at: string | null;
  /** Creation order, for stable listing and markers. */
  seq: number;
}

export interface VolumeSnapshotTable {
  id: string;
  project_id: string;
  user_id: string;
  volume_id: string;
  name: string | null;
  description: string | null;
  size: number;
  status: string;
  next_status: string | null;
  settle_at: string | null;
  /** JSON object of strings. */
  metadata: string;
  created_at: string;
  updated_at: string | null;
  seq: number;
}

export interface VolumeAttachmentTable {
  id: string;
  volume_id: string;
  server_id: string;
  project_id: string;
  device: string;
  host_name: string | null;
  status: VolumeAttachmentStatus;
  settle_at: string | null;
  attach_mode: string;
  delete_on_termination: number;
  tag: string | null;
  attached_at: string;
  seq: number;
}

export interface VolumeQuotaTable {
  project_id: string;
  resource: string;
  hard_limit: number;
}

export type VolumeAttachmentStatus = 'attaching' | 'attached' | 'detaching';

export interface VolumeType {
  id: string;
  name: string;
  description: string | null;
  isPublic: boolean;
  extraSpecs: Record<string, string>;
  createdAt: string;
}

export interface Volume {
  id: string;
  projectId: string;
  userId: string;
  name: string | null;
  description: string | null;
  size: number;
  status: string;
  nextStatus: string | null;
  settleAt: string | null;
  volumeTypeId: string;
  availabilityZone: string;
  bootable: boolean;
  multiattach: boolean;
  sourceVolid: string | null;
  snapshotId: string | null;
  imageMetadata: Record<string, string> | null;
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string | null;
}

export interface VolumeSnapshot {
  id: string;
  projectId: string;
  userId: string;
  volumeId: string;
  name: string | null;
  description: string | null;
  size: number;
  status: string;
  nextStatus: string | null;
  settleAt: string | null;
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string | null;
}

export interface VolumeAttachment {
  id: string;
  volumeId: string;
  serverId: string;
  projectId: string;
  device: string;
  hostName: string | null;
  status: VolumeAttachmentStatus;
  settleAt: string | null;
  attachMode: string;
  deleteOnTermination: boolean;
  tag: string | null;
  attachedAt: string;
}
