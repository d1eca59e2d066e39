// Nova's servers and what hangs off them (migrations 0007 and 0008): server groups, instance
// actions and per-project compute quotas.

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

/** Nova's record of a server's ports (migration 0013). */
export interface ServerPortTable {
  port_id: string;
  server_id: string;
  /** 1 for a port the client made and passed in: Nova unbinds it instead of deleting it. */
  preserve_on_delete: number;
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
