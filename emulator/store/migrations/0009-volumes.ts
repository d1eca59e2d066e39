// Cinder's block storage: volume types, volumes, snapshots and attachments. Transitional
// states (creating, attaching, detaching…) carry the status they settle in and when, so the
// store applies them lazily against the simulation clock, as servers do.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('volume_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('extra_specs', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('volumes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('description', 'text')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('next_status', 'text')
    .addColumn('settle_at', 'text')
    .addColumn('volume_type_id', 'text', (c) => c.notNull().references('volume_types.id'))
    .addColumn('availability_zone', 'text', (c) => c.notNull())
    .addColumn('bootable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('multiattach', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source_volid', 'text')
    .addColumn('snapshot_id', 'text')
    .addColumn('image_metadata', 'text')
    .addColumn('metadata', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('volumes_project').on('volumes').columns(['project_id', 'seq']).execute();
  await db.schema.createIndex('volumes_settle_at').on('volumes').column('settle_at').execute();

  await db.schema
    .createTable('volume_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('volume_id', 'text', (c) => c.notNull().references('volumes.id'))
    .addColumn('name', 'text')
    .addColumn('description', 'text')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('next_status', 'text')
    .addColumn('settle_at', 'text')
    .addColumn('metadata', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('volume_snapshots_volume').on('volume_snapshots').column('volume_id').execute();

  await db.schema
    .createTable('volume_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volume_id', 'text', (c) => c.notNull().references('volumes.id').onDelete('cascade'))
    .addColumn('server_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('host_name', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('attaching', 'attached', 'detaching')`),
    )
    .addColumn('settle_at', 'text')
    .addColumn('attach_mode', 'text', (c) => c.notNull().defaultTo('rw'))
    .addColumn('delete_on_termination', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tag', 'text')
    .addColumn('attached_at', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('volume_attachments_server').on('volume_attachments').column('server_id').execute();
  await db.schema.createIndex('volume_attachments_volume').on('volume_attachments').column('volume_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['volume_attachments', 'volume_snapshots', 'volumes', 'volume_types']) {
    await db.schema.dropTable(table).execute();
  }
}
