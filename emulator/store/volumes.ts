// Data access for Cinder volumes, and the seam Nova uses for boot from volume.
//
// For Nova (servers with block_device_mapping_v2, destination_type "volume"), call inside
// the server-create transaction, with the repositories that transaction hands you:
//
//   const root = await attachRootVolume(repos, {
//     projectId, userId, serverId, hostName, now,   // now: formatIsoMicros(clock.now())
//     source: { kind: 'image', imageId, size }       // or { kind: 'volume', volumeId }
//     deleteOnTermination,
//   });
//   // root: { volumeId, attachmentId, device: '/dev/vda' }
//
// It creates the volume (checking the image and the project's Cinder quota) or takes an
// existing available volume of the project, and records it attached as the server's root
// disk. It throws ApiError (400/404/413 with Cinder's messages) and then writes nothing
// as long as the caller's transaction is rolled back. When a server is deleted, call
// detachServerVolumes(repos, serverId, now) (also exported here) in the same
// transaction: it detaches every volume and deletes those marked delete_on_termination.

import type { Kysely } from 'kysely';
import { deleteRow, nextSeq, settleDue, settlingColumns } from './cinder-rows';
import type { Database, Volume } from './schema';

// The logic lives with the volume service (it shares Cinder's checks and messages);
// exported here so that Nova's code finds it next to the volumes it writes.
export {
  attachRootVolume,
  detachServerVolumes,
  type RootVolume,
  type RootVolumeRequest,
  type RootVolumeSource,
} from '../services/volume/nova-seam';

export type VolumeSortKey = 'created_at' | 'name' | 'size' | 'status' | 'id' | 'updated_at';

export interface VolumeFilter {
  projectId?: string;
  name?: string;
  status?: string;
  bootable?: boolean;
  sort?: { key: VolumeSortKey; dir: 'asc' | 'desc' }[];
}

export type VolumeChanges = Partial<
  Pick<Volume, 'name' | 'description' | 'size' | 'status' | 'nextStatus' | 'settleAt' | 'bootable' | 'metadata' | 'updatedAt'>
>;

export interface VolumeUsage {
  volumes: number;
  gigabytes: number;
}

export interface VolumeStore {
  list(filter?: VolumeFilter): Promise<Volume[]>;
  get(id: string): Promise<Volume | undefined>;
  create(volume: Volume): Promise<Volume>;
  update(id: string, changes: VolumeChanges): Promise<Volume | undefined>;
  delete(id: string): Promise<boolean>;
  /** Applies every transition due at `now` (an ISO timestamp). */
  settle(now: string): Promise<void>;
  /** Count and size of a project's volumes, per volume type id too. */
  usage(projectId: string): Promise<{ total: VolumeUsage; byType: Map<string, VolumeUsage> }>;
}

type Row = Database['volumes'];

function toVolume(row: Row): Volume {
  return {
    id: row.id,
    projectId: row.project_id,
    userId: row.user_id,
    name: row.name,
    description: row.description,
    size: row.size,
    status: row.status,
    nextStatus: row.next_status,
    settleAt: row.settle_at,
    volumeTypeId: row.volume_type_id,
    availabilityZone: row.availability_zone,
    bootable: row.bootable === 1,
    multiattach: row.multiattach === 1,
    sourceVolid: row.source_volid,
    snapshotId: row.snapshot_id,
    imageMetadata: row.image_metadata === null ? null : (JSON.parse(row.image_metadata) as Record<string, string>),
    metadata: JSON.parse(row.metadata) as Record<string, string>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createVolumeStore(db: Kysely<Database>): VolumeStore {
  const store: VolumeStore = {
    async list(filter = {}) {
      let query = db.selectFrom('volumes').selectAll();
      if (filter.projectId !== undefined) query = query.where('project_id', '=', filter.projectId);
      if (filter.name !== undefined) query = query.where('name', '=', filter.name);
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      if (filter.bootable !== undefined) query = query.where('bootable', '=', filter.bootable ? 1 : 0);
      // Cinder's default order is newest first.
      for (const { key, dir } of filter.sort ?? [{ key: 'created_at', dir: 'desc' }]) {
        query = query.orderBy(key, dir);
      }
      query = query.orderBy('seq', 'desc');
      return (await query.execute()).map(toVolume);
    },
    async get(id) {
      const row = await db.selectFrom('volumes').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toVolume(row);
    },
    async create(volume) {
      const seq = await nextSeq(db, 'volumes');
      await db
        .insertInto('volumes')
        .values({
          id: volume.id,
          project_id: volume.projectId,
          user_id: volume.userId,
          name: volume.name,
          description: volume.description,
          size: volume.size,
          status: volume.status,
          next_status: volume.nextStatus,
          settle_at: volume.settleAt,
          volume_type_id: volume.volumeTypeId,
          availability_zone: volume.availabilityZone,
          bootable: volume.bootable ? 1 : 0,
          multiattach: volume.multiattach ? 1 : 0,
          source_volid: volume.sourceVolid,
          snapshot_id: volume.snapshotId,
          image_metadata: volume.imageMetadata === null ? null : JSON.stringify(volume.imageMetadata),
          metadata: JSON.stringify(volume.metadata),
          created_at: volume.createdAt,
          updated_at: volume.updatedAt,
          seq,
        })
        .execute();
      return volume;
    },
    async update(id, changes) {
      const values: Partial<Row> = settlingColumns(changes);
      if (changes.size !== undefined) values.size = changes.size;
      if (changes.bootable !== undefined) values.bootable = changes.bootable ? 1 : 0;
      if (Object.keys(values).length > 0) {
        await db.updateTable('volumes').set(values).where('id', '=', id).execute();
      }
      return store.get(id);
    },
    delete: (id) => deleteRow(db, 'volumes', id),
    settle: (now) => settleDue(db, 'volumes', now),
    async usage(projectId) {
      const rows = await db
        .selectFrom('volumes')
        .select((eb) => ['volume_type_id', eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('size').as('size')])
        .where('project_id', '=', projectId)
        .groupBy('volume_type_id')
        .execute();
      const byType = new Map<string, VolumeUsage>();
      const total: VolumeUsage = { volumes: 0, gigabytes: 0 };
      for (const row of rows) {
        const usage = { volumes: Number(row.count), gigabytes: Number(row.size ?? 0) };
        byType.set(row.volume_type_id, usage);
        total.volumes += usage.volumes;
        total.gigabytes += usage.gigabytes;
      }
      return { total, byType };
    },
  };
  return store;
}
