// Nova's resources other than servers (migration 0005): flavors, keypairs, compute services and
// hypervisors.

import type { Generated } from 'kysely';

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
