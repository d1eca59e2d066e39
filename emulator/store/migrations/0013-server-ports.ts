// Nova's record of a server's ports (its virtual interfaces): which ports Nova made itself and
// deletes with the server, and which a client made and passed in, which Nova only unbinds.

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('server_ports')
    .addColumn('port_id', 'text', (c) => c.primaryKey().references('ports.id').onDelete('cascade'))
    .addColumn('server_id', 'text', (c) => c.notNull())
    .addColumn('preserve_on_delete', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('server_ports_server').on('server_ports').column('server_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('server_ports').execute();
}
