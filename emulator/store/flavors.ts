// Data access for Nova's flavors, their extra specs and the access list of private flavors.

import type { Kysely } from 'kysely';
import type { Database, Flavor, FlavorFilter } from './schema';

type FlavorRow = Database['flavors'];

export interface FlavorStore {
  /** Ordered by flavor id, as Nova sorts by default (flavorid ascending). */
  list(filter?: FlavorFilter): Promise<Flavor[]>;
  get(id: string): Promise<Flavor | undefined>;
  findByName(name: string): Promise<Flavor | undefined>;
  create(flavor: Flavor): Promise<Flavor>;
  delete(id: string): Promise<boolean>;
  setDescription(id: string, description: string | null): Promise<void>;
  setExtraSpecs(id: string, specs: Record<string, string>): Promise<void>;
  deleteExtraSpec(id: string, key: string): Promise<boolean>;
  listAccess(id: string): Promise<string[]>;
  addAccess(id: string, projectId: string): Promise<boolean>;
  removeAccess(id: string, projectId: string): Promise<boolean>;
}

export function createFlavorStore(db: Kysely<Database>): FlavorStore {
  const withSpecs = async (rows: FlavorRow[]): Promise<Flavor[]> => {
    if (rows.length === 0) return [];
    const specs = await db
      .selectFrom('flavor_extra_specs')
      .selectAll()
      .where('flavor_id', 'in', rows.map((r) => r.id))
      .orderBy('key')
      .execute();
    const byFlavor = new Map<string, Record<string, string>>();
    for (const spec of specs) {
      const entry = byFlavor.get(spec.flavor_id) ?? {};
      entry[spec.key] = spec.value;
      byFlavor.set(spec.flavor_id, entry);
    }
    return rows.map((row) => toFlavor(row, byFlavor.get(row.id) ?? {}));
  };

  const get = async (id: string): Promise<Flavor | undefined> => {
    const row = await db.selectFrom('flavors').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? (await withSpecs([row]))[0] : undefined;
  };

  return {
    async list(filter = {}) {
      let query = db.selectFrom('flavors').selectAll().orderBy('id');
      if (filter.isPublic === true) query = query.where('is_public', '=', 1);
      if (filter.isPublic === false) query = query.where('is_public', '=', 0);
      if (filter.isPublic === undefined) {
        const projectId = filter.accessProjectId ?? '';
        query = query.where((eb) =>
          eb.or([
            eb('is_public', '=', 1),
            eb(
              'id',
              'in',
              eb.selectFrom('flavor_access').select('flavor_id').where('project_id', '=', projectId),
            ),
          ]),
        );
      }
      if (filter.minDisk !== undefined) query = query.where('disk', '>=', filter.minDisk);
      if (filter.minRam !== undefined) query = query.where('ram', '>=', filter.minRam);
      const rows = await query.execute();
      // Ids are strings; Nova's database compares them as strings too, so "10" sorts before "2".
      return withSpecs(rows);
    },
    get,
    async findByName(name) {
      const row = await db.selectFrom('flavors').selectAll().where('name', '=', name).executeTakeFirst();
      return row ? (await withSpecs([row]))[0] : undefined;
    },
    async create(flavor) {
      await db
        .insertInto('flavors')
        .values({
          id: flavor.id,
          name: flavor.name,
          vcpus: flavor.vcpus,
          ram: flavor.ram,
          disk: flavor.disk,
          ephemeral: flavor.ephemeral,
          swap: flavor.swap,
          rxtx_factor: flavor.rxtxFactor,
          is_public: flavor.isPublic ? 1 : 0,
          disabled: flavor.disabled ? 1 : 0,
          description: flavor.description,
          created_at: flavor.createdAt,
        })
        .execute();
      const specs = Object.entries(flavor.extraSpecs);
      if (specs.length > 0) {
        await db
          .insertInto('flavor_extra_specs')
          .values(specs.map(([key, value]) => ({ flavor_id: flavor.id, key, value })))
          .execute();
      }
      return flavor;
    },
    async delete(id) {
      const result = await db.deleteFrom('flavors').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async setDescription(id, description) {
      await db.updateTable('flavors').set({ description }).where('id', '=', id).execute();
    },
    async setExtraSpecs(id, specs) {
      for (const [key, value] of Object.entries(specs)) {
        await db
          .insertInto('flavor_extra_specs')
          .values({ flavor_id: id, key, value })
          .onConflict((oc) => oc.columns(['flavor_id', 'key']).doUpdateSet({ value }))
          .execute();
      }
    },
    async deleteExtraSpec(id, key) {
      const result = await db
        .deleteFrom('flavor_extra_specs')
        .where('flavor_id', '=', id)
        .where('key', '=', key)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async listAccess(id) {
      const rows = await db
        .selectFrom('flavor_access')
        .select('project_id')
        .where('flavor_id', '=', id)
        .orderBy('project_id')
        .execute();
      return rows.map((r) => r.project_id);
    },
    async addAccess(id, projectId) {
      const result = await db
        .insertInto('flavor_access')
        .values({ flavor_id: id, project_id: projectId })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },
    async removeAccess(id, projectId) {
      const result = await db
        .deleteFrom('flavor_access')
        .where('flavor_id', '=', id)
        .where('project_id', '=', projectId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

function toFlavor(row: FlavorRow, extraSpecs: Record<string, string>): Flavor {
  return {
    id: row.id,
    name: row.name,
    vcpus: row.vcpus,
    ram: row.ram,
    disk: row.disk,
    ephemeral: row.ephemeral,
    swap: row.swap,
    rxtxFactor: row.rxtx_factor,
    isPublic: row.is_public === 1,
    disabled: row.disabled === 1,
    description: row.description,
    extraSpecs,
    createdAt: row.created_at,
  };
}
