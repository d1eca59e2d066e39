// Data access for Cinder's volume types and their extra specs. `__DEFAULT__` is the type
// Cinder itself creates in its schema migration; ensureDefault() puts it back after a wipe.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, VolumeType } from './schema';

export const DEFAULT_VOLUME_TYPE = '__DEFAULT__';

export interface VolumeTypeStore {
  list(filter?: { isPublic?: boolean }): Promise<VolumeType[]>;
  get(id: string): Promise<VolumeType | undefined>;
  /** Cinder accepts a type's name or its id wherever a type is named. */
  findByNameOrId(nameOrId: string): Promise<VolumeType | undefined>;
  create(type: VolumeType): Promise<VolumeType>;
  update(id: string, changes: Partial<Pick<VolumeType, 'name' | 'description' | 'isPublic' | 'extraSpecs'>>): Promise<VolumeType | undefined>;
  delete(id: string): Promise<boolean>;
  /** The default type, created on first use if a wipe removed it. */
  ensureDefault(createdAt: string): Promise<VolumeType>;
}

type Row = Database['volume_types'];

function toType(row: Row): VolumeType {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    isPublic: row.is_public === 1,
    extraSpecs: JSON.parse(row.extra_specs) as Record<string, string>,
    createdAt: row.created_at,
  };
}

export function createVolumeTypeStore(db: Kysely<Database>): VolumeTypeStore {
  const store: VolumeTypeStore = {
    async list(filter = {}) {
      let query = db.selectFrom('volume_types').selectAll().orderBy('name');
      if (filter.isPublic !== undefined) query = query.where('is_public', '=', filter.isPublic ? 1 : 0);
      return (await query.execute()).map(toType);
    },
    async get(id) {
      const row = await db.selectFrom('volume_types').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toType(row);
    },
    async findByNameOrId(nameOrId) {
      const row = await db
        .selectFrom('volume_types')
        .selectAll()
        .where((eb) => eb.or([eb('id', '=', nameOrId), eb('name', '=', nameOrId)]))
        .executeTakeFirst();
      return row && toType(row);
    },
    async create(type) {
      await db
        .insertInto('volume_types')
        .values({
          id: type.id,
          name: type.name,
          description: type.description,
          is_public: type.isPublic ? 1 : 0,
          extra_specs: JSON.stringify(type.extraSpecs),
          created_at: type.createdAt,
        })
        .execute();
      return type;
    },
    async update(id, changes) {
      const values: Partial<Row> = {};
      if (changes.name !== undefined) values.name = changes.name;
      if (changes.description !== undefined) values.description = changes.description;
      if (changes.isPublic !== undefined) values.is_public = changes.isPublic ? 1 : 0;
      if (changes.extraSpecs !== undefined) values.extra_specs = JSON.stringify(changes.extraSpecs);
      if (Object.keys(values).length > 0) {
        await db.updateTable('volume_types').set(values).where('id', '=', id).execute();
      }
      return store.get(id);
    },
    async delete(id) {
      const result = await db.deleteFrom('volume_types').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async ensureDefault(createdAt) {
      const existing = await store.findByNameOrId(DEFAULT_VOLUME_TYPE);
      if (existing) return existing;
      return store.create({
        id: randomUUID(),
        name: DEFAULT_VOLUME_TYPE,
        description: 'Default Volume Type',
        isPublic: true,
        extraSpecs: {},
        createdAt,
      });
    },
  };
  return store;
}
