// What every Neutron store shares: Neutron's timestamp format, the creation sequence, JSON
// columns and the standard attributes (revision, timestamps, tags) in model form.

import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Neutron tables whose rows carry `seq`. */
export type SequencedTable =
  | 'networks'
  | 'subnets'
  | 'ports'
  | 'routers'
  | 'floating_ips'
  | 'security_groups'
  | 'security_group_rules'
  | 'agents';

/** Neutron's timestamp format, whole seconds: 2026-11-21T20:58:43Z. */
export function neutronTimestamp(epochMs: number): string {
  return `${new Date(Math.floor(epochMs / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** The next creation sequence number of `table`. */
export async function nextSeq(db: Kysely<Database>, table: SequencedTable): Promise<number> {
  const last = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('seq').as('max'))
    .executeTakeFirst();
  return (Number(last?.max ?? 0) || 0) + 1;
}

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** The standard attributes of a Neutron resource, in model form. */
export interface StandardAttributes {
  description: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  revisionNumber: number;
}

export function standardFromRow(row: {
  description: string;
  tags: string;
  created_at: string;
  updated_at: string;
  revision_number: number;
}): StandardAttributes {
  return {
    description: row.description,
    tags: parseJson<string[]>(row.tags),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revisionNumber: row.revision_number,
  };
}

export function standardToRow(model: StandardAttributes, seq: number) {
  return {
    description: model.description,
    tags: JSON.stringify(model.tags),
    created_at: model.createdAt,
    updated_at: model.updatedAt,
    revision_number: model.revisionNumber,
    seq,
  };
}

/** Fresh standard attributes for a resource created at `now`. */
export function freshStandard(now: string, description = ''): StandardAttributes {
  return { description, tags: [], createdAt: now, updatedAt: now, revisionNumber: 0 };
}

export const bool = (value: number): boolean => value === 1;
export const flag = (value: boolean): number => (value ? 1 : 0);

/** Reading and writing one Neutron table's rows as models: what every network store shares. */
export interface RowAccess<M> {
  get(id: string): Promise<M | undefined>;
  insert(model: M): Promise<void>;
  /** For seeds: many rows in few statements. */
  insertMany(models: readonly M[]): Promise<void>;
  /** Merges `changes` into the stored model; the columns in `fixed` never change. */
  update(id: string, changes: Partial<M>): Promise<M | undefined>;
  delete(id: string): Promise<void>;
}

export function rowAccess<M, R extends { id: string; seq: number }>(
  database: Kysely<Database>,
  table: SequencedTable,
  toModel: (row: R) => M,
  toRow: (model: M, seq: number) => R,
  fixed: readonly (keyof R)[],
): RowAccess<M> {
  // The table is only known at run time here; each store types its own rows.
  const db = database as unknown as Kysely<Record<string, R>>;
  const access: RowAccess<M> = {
    async get(id) {
      const row = (await db.selectFrom(table).selectAll().where('id', '=', id as never).executeTakeFirst()) as R | undefined;
      return row && toModel(row);
    },
    async insert(model) {
      await db.insertInto(table).values(toRow(model, await nextSeq(database, table)) as never).execute();
    },
    async insertMany(models) {
      const first = await nextSeq(database, table);
      const rows = models.map((model, i) => toRow(model, first + i));
      for (let i = 0; i < rows.length; i += 100) await db.insertInto(table).values(rows.slice(i, i + 100) as never).execute();
    },
    async update(id, changes) {
      const current = await access.get(id);
      if (!current) return undefined;
      const values: Partial<R> = { ...toRow({ ...current, ...changes }, 0) };
      for (const key of ['id', 'seq', ...fixed] as (keyof R)[]) delete values[key];
      await db.updateTable(table).set(values as never).where('id', '=', id as never).execute();
      return access.get(id);
    },
    async delete(id) {
      await db.deleteFrom(table).where('id', '=', id as never).execute();
    },
  };
  return access;
}
