// Store metadata: which seed created the database, so a restart does not reseed it.

import type { Kysely } from 'kysely';

// Migrations take Kysely<any> on purpose: they describe the schema as it was when they were
// written, not as schema.ts describes it today.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('meta').execute();
}
