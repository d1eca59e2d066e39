// What Cinder's volume and snapshot tables share: a creation sequence for stable ordering,
// pending status transitions that settle at a given time, and the same editable fields.

import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/** Tables whose rows carry `seq`, `status`/`next_status`/`settle_at` and `updated_at`. */
export type SettlingTable = 'volumes' | 'volume_snapshots';

/** The fields volumes and snapshots both let callers change, in model form. */
export interface SettlingChanges {
  name?: string | null;
  description?: string | null;
  status?: string;
  nextStatus?: string | null;
  settleAt?: string | null;
  metadata?: Record<string, string>;
  updatedAt?: string | null;
}

/** The next creation sequence number of `table`. */
export async function nextSeq(db: Kysely<Database>, table: SettlingTable): Promise<number> {
  const last = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('seq').as('max'))
    .executeTakeFirst();
  return (last?.max ?? 0) + 1;
}

/** Column values for the shared fields that `changes` sets; fields left undefined are left out. */
export function settlingColumns(changes: SettlingChanges) {
  const values: {
    name?: string | null;
    description?: string | null;
    status?: string;
    next_status?: string | null;
    settle_at?: string | null;
    metadata?: string;
    updated_at?: string | null;
  } = {};
  if (changes.name !== undefined) values.name = changes.name;
  if (changes.description !== undefined) values.description = changes.description;
  if (changes.status !== undefined) values.status = changes.status;
  if (changes.nextStatus !== undefined) values.next_status = changes.nextStatus;
  if (changes.settleAt !== undefined) values.settle_at = changes.settleAt;
  if (changes.metadata !== undefined) values.metadata = JSON.stringify(changes.metadata);
  if (changes.updatedAt !== undefined) values.updated_at = changes.updatedAt;
  return values;
}

/** Deletes the row with `id`; true when there was one. */
export async function deleteRow(db: Kysely<Database>, table: SettlingTable, id: string): Promise<boolean> {
  const result = await db.deleteFrom(table).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Applies every transition of `table` due at `now` (an ISO timestamp). */
export async function settleDue(db: Kysely<Database>, table: SettlingTable, now: string): Promise<void> {
  await db
    .updateTable(table)
    // where() guarantees next_status is set on every row this touches.
    .set({ status: sql<string>`next_status`, next_status: null, settle_at: null, updated_at: sql<string>`settle_at` })
    .where('settle_at', '<=', now)
    .where('next_status', 'is not', null)
    .execute();
}
