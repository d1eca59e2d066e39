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
