// Neutron quota limits per project and what each project uses. Only overrides are stored;
// anything else is the default from neutron/conf/quota.py. -1 means unlimited.

import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

export const NETWORK_QUOTA_DEFAULTS = {
  network: 100,
  subnet: 100,
  subnetpool: -1,
  port: 500,
  router: 10,
  floatingip: 50,
  security_group: 10,
  security_group_rule: 100,
  rbac_policy: 10,
  router_route: 30,
} as const;

export type NetworkQuotaResource = keyof typeof NETWORK_QUOTA_DEFAULTS;
export type NetworkQuotaLimits = Record<NetworkQuotaResource, number>;

export const NETWORK_QUOTA_RESOURCES = Object.keys(NETWORK_QUOTA_DEFAULTS) as NetworkQuotaResource[];

export const isNetworkQuotaResource = (name: string): name is NetworkQuotaResource => name in NETWORK_QUOTA_DEFAULTS;

/** Tables whose rows a project owns one-for-one with a quota resource. */
const COUNTED_TABLES = {
  network: 'networks',
  subnet: 'subnets',
  port: 'ports',
  router: 'routers',
  floatingip: 'floating_ips',
  security_group: 'security_groups',
  security_group_rule: 'security_group_rules',
} as const satisfies Partial<Record<NetworkQuotaResource, keyof Database>>;

export interface NetworkQuotaStore {
  limitsOf(projectId: string): Promise<NetworkQuotaLimits>;
  set(projectId: string, limits: Partial<NetworkQuotaLimits>): Promise<void>;
  /** Back to the defaults (DELETE /v2.0/quotas/{project_id}). */
  reset(projectId: string): Promise<void>;
  /** Every project with at least one override, with its whole set of limits. */
  overridden(): Promise<{ projectId: string; limits: NetworkQuotaLimits }[]>;
  /** How many of `resource` the project holds now. */
  used(projectId: string, resource: NetworkQuotaResource): Promise<number>;
  usedAll(projectId: string): Promise<NetworkQuotaLimits>;
}

export function createNetworkQuotaStore(db: Kysely<Database>): NetworkQuotaStore {
  const withDefaults = (rows: { resource: string; hard_limit: number }[]): NetworkQuotaLimits => {
    const limits: NetworkQuotaLimits = { ...NETWORK_QUOTA_DEFAULTS };
    for (const row of rows) if (isNetworkQuotaResource(row.resource)) limits[row.resource] = row.hard_limit;
    return limits;
  };

  const store: NetworkQuotaStore = {
    async limitsOf(projectId) {
      return withDefaults(await db.selectFrom('network_quotas').selectAll().where('project_id', '=', projectId).execute());
    },
    async set(projectId, limits) {
      for (const [resource, value] of Object.entries(limits)) {
        if (value === undefined) continue;
        await db
          .insertInto('network_quotas')
          .values({ project_id: projectId, resource, hard_limit: value })
          .onConflict((oc) => oc.columns(['project_id', 'resource']).doUpdateSet({ hard_limit: value }))
          .execute();
      }
    },
    async reset(projectId) {
      await db.deleteFrom('network_quotas').where('project_id', '=', projectId).execute();
    },
    async overridden() {
      const rows = await db.selectFrom('network_quotas').selectAll().orderBy('project_id').execute();
      const byProject = new Map<string, typeof rows>();
      for (const row of rows) byProject.set(row.project_id, [...(byProject.get(row.project_id) ?? []), row]);
      return [...byProject].map(([projectId, own]) => ({ projectId, limits: withDefaults(own) }));
    },
    async used(projectId, resource) {
      if (resource === 'router_route') {
        // A router's static routes count one each (extraroute's router_route quota).
        const row = await db
          .selectFrom('routers')
          .select(sql<number>`coalesce(sum(json_array_length(routes)), 0)`.as('count'))
          .where('project_id', '=', projectId)
          .executeTakeFirst();
        return Number(row?.count ?? 0);
      }
      if (!(resource in COUNTED_TABLES)) return 0;
      const table = COUNTED_TABLES[resource as keyof typeof COUNTED_TABLES];
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('project_id', '=', projectId)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },
    async usedAll(projectId) {
      const used = { ...NETWORK_QUOTA_DEFAULTS } as NetworkQuotaLimits;
      for (const resource of NETWORK_QUOTA_RESOURCES) used[resource] = await store.used(projectId, resource);
      return used;
    },
  };
  return store;
}
