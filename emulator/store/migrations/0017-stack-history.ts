// Heat's stack actions after the row was written (update, suspend, resume, check, and the create's
// own steps): a JSON list of phases, each a start time and its resource steps (decision 014).

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('stacks')
    .addColumn('history', 'text', (c) => c.notNull().defaultTo(sql`'[]'`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stacks').dropColumn('history').execute();
}
