// Glance's images and image members (migration 0006).

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
