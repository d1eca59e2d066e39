// Nova quota limits per project. Only overrides are stored; anything else is the default
// from nova/conf/quota.py. -1 means unlimited.

import type { Kysely } from 'kysely';
import type { Database } from './schema';

export const COMPUTE_QUOTA_DEFAULTS = {
  instances: 10,
  cores: 20,
  ram: 51200,
  metadata_items: 128,
  key_pairs: 100,
  server_groups: 10,
  server_group_members: 10,
  injected_files: 5,
  injected_file_content_bytes: 10240,
  injected_file_path_bytes: 255,
} as const;

export type ComputeQuotaResource = keyof typeof COMPUTE_QUOTA_DEFAULTS;
export type ComputeQuotaLimits = Record<ComputeQuotaResource, number>;

export const COMPUTE_QUOTA_RESOURCES = Object.keys(COMPUTE_QUOTA_DEFAULTS) as ComputeQuotaResource[];

export interface ComputeQuotaStore {
  limitsOf(projectId: string): Promise<ComputeQuotaLimits>;
  set(projectId: string, limits: Partial<ComputeQuotaLimits>): Promise<void>;
  /** Back to the defaults (Nova's DELETE /os-quota-sets/{id}). */
  reset(projectId: string): Promise<void>;
}

export function createComputeQuotaStore(db: Kysely<Database>): ComputeQuotaStore {
  return {
    async limitsOf(projectId) {
      const rows = await db.selectFrom('compute_quotas').selectAll().where('project_id', '=', projectId).execute();
      const limits: ComputeQuotaLimits = { ...COMPUTE_QUOTA_DEFAULTS };
      for (const row of rows) {
        if (row.resource in limits) limits[row.resource as ComputeQuotaResource] = row.hard_limit;
      }
      return limits;
    },
    async set(projectId, limits) {
      for (const [resource, value] of Object.entries(limits)) {
        if (value === undefined) continue;
        await db
          .insertInto('compute_quotas')
          .values({ project_id: projectId, resource, hard_limit: value })
          .onConflict((oc) => oc.columns(['project_id', 'resource']).doUpdateSet({ hard_limit: value }))
          .execute();
      }
    },
    async reset(projectId) {
      await db.deleteFrom('compute_quotas').where('project_id', '=', projectId).execute();
    },
  };
}
