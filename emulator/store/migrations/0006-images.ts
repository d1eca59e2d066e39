// Glance's images and image members. Uploaded bytes are never kept: only what the upload
// told us (size and hashes).

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('protected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('os_hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('owner', 'text')
    .addColumn('disk_format', 'text')
    .addColumn('container_format', 'text')
    .addColumn('size', 'integer')
    .addColumn('virtual_size', 'integer')
    .addColumn('checksum', 'text')
    .addColumn('os_hash_algo', 'text')
    .addColumn('os_hash_value', 'text')
    .addColumn('min_disk', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('min_ram', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON array of strings.
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    // JSON object of string values: the properties beyond Glance's schema.
    .addColumn('properties', 'text', (c) => c.notNull().defaultTo('{}'))
    // A web-download import in flight finishes (status active) at this simulated time.
    .addColumn('import_done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('images_owner').on('images').column('owner').execute();

  await db.schema
    .createTable('image_members')
    .addColumn('image_id', 'text', (c) => c.notNull().references('images.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('image_members_pk', ['image_id', 'member_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('image_members').execute();
  await db.schema.dropTable('images').execute();
}
