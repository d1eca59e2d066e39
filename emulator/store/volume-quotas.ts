// Cinder quota limits per project: stored overrides over the defaults of cinder/quota.py.

import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Cinder's default limits; -1 is unlimited. Per-type keys (volumes_<type>…) default to -1. */
export const VOLUME_QUOTA_DEFAULTS = {
  volumes: 10,
  snapshots: 10,
  gigabytes: 1000,
  backups: 10,
  backup_gigabytes: 1000,
  groups: 10,
  per_volume_gigabytes: -1,
} as const;

export type VolumeQuotaResource = keyof typeof VOLUME_QUOTA_DEFAULTS;

export interface VolumeQuotaStore {
  /** The project's overrides, keyed by resource name (including per-type keys). */
  overrides(projectId: string): Promise<Map<string, number>>;
  set(projectId: string, resource: string, limit: number): Promise<void>;
  /** Back to the defaults (Cinder's DELETE /os-quota-sets/{project_id}). */
  clear(projectId: string): Promise<void>;
}

export function createVolumeQuotaStore(db: Kysely<Database>): VolumeQuotaStore {
  return {
    async overrides(projectId) {
      const rows = await db.selectFrom('volume_quotas').selectAll().where('project_id', '=', projectId).execute();
      return new Map(rows.map((row) => [row.resource, row.hard_limit]));
    },
    async set(projectId, resource, limit) {
      await db
        .insertInto('volume_quotas')
        .values({ project_id: projectId, resource, hard_limit: limit })
        .onConflict((oc) => oc.columns(['project_id', 'resource']).doUpdateSet({ hard_limit: limit }))
        .execute();
    },
    async clear(projectId) {
      await db.deleteFrom('volume_quotas').where('project_id', '=', projectId).execute();
    },
  };
}
