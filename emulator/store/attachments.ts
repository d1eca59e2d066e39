// Data access for volume attachments: one row per volume attached (or being attached or
// detached) to a server. Cinder's attachments API and Nova's os-volume_attachments both
// read these rows, so the two views always agree.

import type { Kysely } from 'kysely';
import type { Database, VolumeAttachment, VolumeAttachmentStatus } from './schema';

export interface AttachmentFilter {
  projectId?: string;
  serverId?: string;
  volumeId?: string;
}

export interface AttachmentStore {
  list(filter?: AttachmentFilter): Promise<VolumeAttachment[]>;
  get(id: string): Promise<VolumeAttachment | undefined>;
  create(attachment: VolumeAttachment): Promise<VolumeAttachment>;
  setStatus(id: string, status: VolumeAttachmentStatus, settleAt: string | null): Promise<void>;
  delete(id: string): Promise<boolean>;
  /** Attaching rows that are due become attached; detaching rows that are due disappear. */
  settle(now: string): Promise<void>;
  /** Servers that still hold attachments but no longer exist (Nova deleted them). */
  orphanedServerIds(): Promise<string[]>;
}

type Row = Database['volume_attachments'];

function toAttachment(row: Row): VolumeAttachment {
  return {
    id: row.id,
    volumeId: row.volume_id,
    serverId: row.server_id,
    projectId: row.project_id,
    device: row.device,
    hostName: row.host_name,
    status: row.status,
    settleAt: row.settle_at,
    attachMode: row.attach_mode,
    deleteOnTermination: row.delete_on_termination === 1,
    tag: row.tag,
    attachedAt: row.attached_at,
  };
}

export function createAttachmentStore(db: Kysely<Database>): AttachmentStore {
  return {
    async list(filter = {}) {
      let query = db.selectFrom('volume_attachments').selectAll();
      if (filter.projectId !== undefined) query = query.where('project_id', '=', filter.projectId);
      if (filter.serverId !== undefined) query = query.where('server_id', '=', filter.serverId);
      if (filter.volumeId !== undefined) query = query.where('volume_id', '=', filter.volumeId);
      return (await query.orderBy('seq').execute()).map(toAttachment);
    },
    async get(id) {
      const row = await db.selectFrom('volume_attachments').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toAttachment(row);
    },
    async create(attachment) {
      const last = await db
        .selectFrom('volume_attachments')
        .select((eb) => eb.fn.max('seq').as('max'))
        .executeTakeFirst();
      await db
        .insertInto('volume_attachments')
        .values({
          id: attachment.id,
          volume_id: attachment.volumeId,
          server_id: attachment.serverId,
          project_id: attachment.projectId,
          device: attachment.device,
          host_name: attachment.hostName,
          status: attachment.status,
          settle_at: attachment.settleAt,
          attach_mode: attachment.attachMode,
          delete_on_termination: attachment.deleteOnTermination ? 1 : 0,
          tag: attachment.tag,
          attached_at: attachment.attachedAt,
          seq: (last?.max ?? 0) + 1,
        })
        .execute();
      return attachment;
    },
    async setStatus(id, status, settleAt) {
      await db.updateTable('volume_attachments').set({ status, settle_at: settleAt }).where('id', '=', id).execute();
    },
    async delete(id) {
      const result = await db.deleteFrom('volume_attachments').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async settle(now) {
      await db
        .updateTable('volume_attachments')
        .set({ status: 'attached', settle_at: null })
        .where('status', '=', 'attaching')
        .where('settle_at', '<=', now)
        .execute();
      await db
        .deleteFrom('volume_attachments')
        .where('status', '=', 'detaching')
        .where('settle_at', '<=', now)
        .execute();
    },
    async orphanedServerIds() {
      const rows = await db
        .selectFrom('volume_attachments')
        .select('server_id')
        .distinct()
        .where('server_id', 'not in', db.selectFrom('servers').select('id'))
        .execute();
      return rows.map((row) => row.server_id);
    },
  };
}
