// Data access for the service catalog: regions, services and their endpoints.

import { sql, type Kysely } from 'kysely';
import type {
  Database,
  Endpoint,
  EndpointFilter,
  EndpointInterface,
  EndpointRow,
  Region,
  Service,
  ServiceRow,
} from './schema';
import { flag } from './identity';

export interface CatalogStore {
  listRegions(): Promise<Region[]>;
  getRegion(id: string): Promise<Region | undefined>;
  createRegion(region: Region): Promise<void>;
  listServices(filter?: { type?: string; name?: string }): Promise<Service[]>;
  getService(id: string): Promise<Service | undefined>;
  createService(service: Service): Promise<void>;
  listEndpoints(filter?: EndpointFilter): Promise<Endpoint[]>;
  getEndpoint(id: string): Promise<Endpoint | undefined>;
  createEndpoint(endpoint: Endpoint): Promise<void>;
}

export function createCatalogStore(db: Kysely<Database>): CatalogStore {
  // Positions keep the catalog in the order it was seeded, which is the order people expect
  // (identity first), rather than the order of random ids.
  const nextPosition = async (table: 'regions' | 'services'): Promise<number> => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.max('position').as('max'))
      .executeTakeFirst();
    return (row?.max ?? -1) + 1;
  };

  return {
    async listRegions() {
      const rows = await db.selectFrom('regions').selectAll().orderBy('position').execute();
      return rows.map((row) => ({
        id: row.id,
        description: row.description,
        parentRegionId: row.parent_region_id,
      }));
    },
    async getRegion(id) {
      const row = await db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
      return (
        row && { id: row.id, description: row.description, parentRegionId: row.parent_region_id }
      );
    },
    async createRegion(region) {
      await db
        .insertInto('regions')
        .values({
          id: region.id,
          description: region.description,
          parent_region_id: region.parentRegionId,
          position: await nextPosition('regions'),
        })
        .execute();
    },
    async listServices(filter = {}) {
      let query = db.selectFrom('services').selectAll().orderBy('position');
      if (filter.type !== undefined) query = query.where('type', '=', filter.type);
      if (filter.name !== undefined) query = query.where('name', '=', filter.name);
      return (await query.execute()).map(toService);
    },
    async getService(id) {
      const row = await db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toService(row);
    },
    async createService(service) {
      await db
        .insertInto('services')
        .values({
          ...service,
          enabled: flag(service.enabled),
          position: await nextPosition('services'),
        })
        .execute();
    },
    async listEndpoints(filter = {}) {
      let query = db
        .selectFrom('endpoints as e')
        .innerJoin('services as s', 's.id', 'e.service_id')
        .innerJoin('regions as r', 'r.id', 'e.region_id')
        .selectAll('e')
        .orderBy('s.position')
        .orderBy('r.position')
        // public, internal, admin: the order clients and people read them in.
        .orderBy(sql`CASE e.interface WHEN 'public' THEN 0 WHEN 'internal' THEN 1 ELSE 2 END`);
      if (filter.serviceId !== undefined) query = query.where('e.service_id', '=', filter.serviceId);
      if (filter.regionId !== undefined) query = query.where('e.region_id', '=', filter.regionId);
      if (filter.interface !== undefined) query = query.where('e.interface', '=', filter.interface);
      return (await query.execute()).map(toEndpoint);
    },
    async getEndpoint(id) {
      const row = await db.selectFrom('endpoints').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toEndpoint(row);
    },
    async createEndpoint(endpoint) {
      await db
        .insertInto('endpoints')
        .values({
          id: endpoint.id,
          service_id: endpoint.serviceId,
          region_id: endpoint.regionId,
          interface: endpoint.interface,
          path: endpoint.path,
          enabled: flag(endpoint.enabled),
        })
        .execute();
    },
  };
}

function toService(row: ServiceRow): Service {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    description: row.description,
    enabled: row.enabled === 1,
  };
}

function toEndpoint(row: EndpointRow): Endpoint {
  return {
    id: row.id,
    serviceId: row.service_id,
    regionId: row.region_id,
    interface: row.interface as EndpointInterface,
    path: row.path,
    enabled: row.enabled === 1,
  };
}
