// Data access for Cinder volume snapshots.

import type { Kysely } from 'kysely';
import { deleteRow, nextSeq, settleDue, settlingColumns } from './cinder-rows';
import type { Database, VolumeSnapshot } from './schema';

export interface SnapshotFilter {
  projectId?: string;
  volumeId?: string;
  name?: string;
  status?: string;
}

export type SnapshotChanges = Partial<
  Pick<VolumeSnapshot, 'name' | 'description' | 'status' | 'nextStatus' | 'settleAt' | 'metadata' | 'updatedAt'>
>;

export interface SnapshotStore {
  list(filter?: SnapshotFilter): Promise<VolumeSnapshot[]>;
  get(id: string): Promise<VolumeSnapshot | undefined>;
  create(snapshot: VolumeSnapshot): Promise<VolumeSnapshot>;
  update(id: string, changes: SnapshotChanges): Promise<VolumeSnapshot | undefined>;
  delete(id: string): Promise<boolean>;
  countForVolume(volumeId: string): Promise<number>;
  settle(now: string): Promise<void>;
  /** Count and size of a project's snapshots, in total and per volume type id. */
  usage(projectId: string): Promise<{ total: { snapshots: number; gigabytes: number }; byType: Map<string, { snapshots: number; gigabytes: number }> }>;
}

type Row = Database['volume_snapshots'];

function toSnapshot(row: Row): VolumeSnapshot {
  return {
    id: row.id,
    projectId: row.project_id,
    userId: row.user_id,
    volumeId: row.volume_id,
    name: row.name,
    description: row.description,
    size: row.size,
    status: row.status,
    nextStatus: row.next_status,
    settleAt: row.settle_at,
    metadata: JSON.parse(row.metadata) as Record<string, string>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createSnapshotStore(db: Kysely<Database>): SnapshotStore {
  const store: SnapshotStore = {
    async list(filter = {}) {
      let query = db.selectFrom('volume_snapshots').selectAll();
      if (filter.projectId !== undefined) query = query.where('project_id', '=', filter.projectId);
      if (filter.volumeId !== undefined) query = query.where('volume_id', '=', filter.volumeId);
      if (filter.name !== undefined) query = query.where('name', '=', filter.name);
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      return (await query.orderBy('created_at', 'desc').orderBy('seq', 'desc').execute()).map(toSnapshot);
    },
    async get(id) {
      const row = await db.selectFrom('volume_snapshots').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSnapshot(row);
    },
    async create(snapshot) {
      const seq = await nextSeq(db, 'volume_snapshots');
      await db
        .insertInto('volume_snapshots')
        .values({
          id: snapshot.id,
          project_id: snapshot.projectId,
          user_id: snapshot.userId,
          volume_id: snapshot.volumeId,
          name: snapshot.name,
          description: snapshot.description,
          size: snapshot.size,
          status: snapshot.status,
          next_status: snapshot.nextStatus,
          settle_at: snapshot.settleAt,
          metadata: JSON.stringify(snapshot.metadata),
          created_at: snapshot.createdAt,
          updated_at: snapshot.updatedAt,
          seq,
        })
        .execute();
      return snapshot;
    },
    async update(id, changes) {
      const values: Partial<Row> = settlingColumns(changes);
      if (Object.keys(values).length > 0) {
        await db.updateTable('volume_snapshots').set(values).where('id', '=', id).execute();
      }
      return store.get(id);
    },
    delete: (id) => deleteRow(db, 'volume_snapshots', id),
    async countForVolume(volumeId) {
      const row = await db
        .selectFrom('volume_snapshots')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('volume_id', '=', volumeId)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },
    settle: (now) => settleDue(db, 'volume_snapshots', now),
    async usage(projectId) {
      const rows = await db
        .selectFrom('volume_snapshots')
        .innerJoin('volumes', 'volumes.id', 'volume_snapshots.volume_id')
        .select((eb) => [
          'volumes.volume_type_id as typeId',
          eb.fn.countAll<number>().as('count'),
          eb.fn.sum<number>('volume_snapshots.size').as('size'),
        ])
        .where('volume_snapshots.project_id', '=', projectId)
        .groupBy('volumes.volume_type_id')
        .execute();
      const byType = new Map<string, { snapshots: number; gigabytes: number }>();
      const total = { snapshots: 0, gigabytes: 0 };
      for (const row of rows) {
        const usage = { snapshots: Number(row.count), gigabytes: Number(row.size ?? 0) };
        byType.set(row.typeId, usage);
        total.snapshots += usage.snapshots;
        total.gigabytes += usage.gigabytes;
      }
      return { total, byType };
    },
  };
  return store;
}
