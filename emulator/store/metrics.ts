// Data access for Gnocchi: resources (instances kept in step with Nova's servers), metrics,
// posted measures and the simulated CPU loads.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, MetricResourceTable, MetricTable } from './schema';

export type MetricResourceRow = MetricResourceTable;
export type MetricRow = MetricTable;

/** The archive policy Ceilometer gives each instance metric (its gnocchi_resources.yaml). */
export const INSTANCE_METRICS: readonly { name: string; unit: string; policy: string }[] = [
  { name: 'cpu', unit: 'ns', policy: 'ceilometer-low-rate' },
  { name: 'cpu_util', unit: '%', policy: 'ceilometer-low' },
  { name: 'vcpus', unit: 'vcpu', policy: 'ceilometer-low' },
  { name: 'memory.usage', unit: 'MB', policy: 'ceilometer-low' },
];

export interface NewMetric {
  resourceId: string | null;
  name: string | null;
  archivePolicyName: string;
  unit: string | null;
  userId: string;
  projectId: string;
}

export interface MetricStore {
  /**
   * Brings instance resources in step with Nova: one per launched server (started at its
   * launch), ended at `now` once the server is gone.
   */
  syncInstances(now: string): Promise<void>;
  listResources(type: string | undefined): Promise<MetricResourceRow[]>;
  getResource(id: string): Promise<MetricResourceRow | undefined>;
  insertResource(row: MetricResourceRow): Promise<void>;
  updateResource(id: string, changes: Partial<Omit<MetricResourceRow, 'id'>>): Promise<void>;
  deleteResource(id: string): Promise<void>;
  listMetrics(resourceIds?: readonly string[]): Promise<MetricRow[]>;
  getMetric(id: string): Promise<MetricRow | undefined>;
  findMetric(resourceId: string, name: string): Promise<MetricRow | undefined>;
  insertMetric(metric: NewMetric): Promise<MetricRow>;
  deleteMetric(id: string): Promise<void>;
  addMeasures(metricId: string, measures: readonly { timestampMs: number; value: number }[]): Promise<void>;
  measures(metricId: string, fromMs: number, toMs: number): Promise<{ t: number; v: number }[]>;
  loads(serverIds: readonly string[]): Promise<Map<string, { sinceMs: number; cpuPercent: number }[]>>;
  setLoad(serverId: string, sinceMs: number, cpuPercent: number): Promise<void>;
  allLoads(): Promise<{ serverId: string; sinceMs: number; cpuPercent: number }[]>;
  /** Nova's recorded actions of these names for the servers, oldest first, at their finish time. */
  actionsOf(serverIds: readonly string[], names: readonly string[]): Promise<Map<string, { action: string; finishTime: string }[]>>;
}

const CHUNK = 200;

export function createMetricStore(db: Kysely<Database>): MetricStore {
  const insertMetricRows = async (rows: MetricRow[]) => {
    for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('metrics').values(rows.slice(i, i + CHUNK)).execute();
  };

  return {
    async syncInstances(now) {
      const fresh = await db
        .selectFrom('servers')
        .leftJoin('metric_resources', 'metric_resources.id', 'servers.id')
        .where('metric_resources.id', 'is', null)
        .where('servers.launched_at', 'is not', null)
        .select([
          'servers.id',
          'servers.project_id',
          'servers.user_id',
          'servers.name',
          'servers.flavor_id',
          'servers.flavor',
          'servers.host',
          'servers.image_id',
          'servers.metadata',
          'servers.vcpus',
          'servers.memory_mb',
          'servers.launched_at',
        ])
        .execute();
      if (fresh.length > 0) {
        const resources: MetricResourceRow[] = fresh.map((s) => {
          const metadata = JSON.parse(s.metadata) as Record<string, string>;
          const flavor = JSON.parse(s.flavor) as { name?: string };
          return {
            id: s.id,
            type: 'instance',
            project_id: s.project_id,
            user_id: s.user_id,
            original_resource_id: s.id,
            started_at: s.launched_at as string,
            ended_at: null,
            revision_start: s.launched_at as string,
            created_by_user_id: s.user_id,
            created_by_project_id: s.project_id,
            attributes: JSON.stringify({
              display_name: s.name,
              flavor_id: s.flavor_id,
              flavor_name: flavor.name ?? null,
              host: s.host ?? '',
              image_ref: s.image_id || null,
              server_group: metadata['metering.server_group'] ?? metadata['metering.stack'] ?? null,
            }),
            vcpus: s.vcpus,
            memory_mb: s.memory_mb,
          };
        });
        for (let i = 0; i < resources.length; i += CHUNK) {
          await db.insertInto('metric_resources').values(resources.slice(i, i + CHUNK)).execute();
        }
        await insertMetricRows(
          resources.flatMap((r) =>
            INSTANCE_METRICS.map((m) => ({
              id: randomUUID(),
              resource_id: r.id,
              name: m.name,
              archive_policy_name: m.policy,
              unit: m.unit,
              created_by_user_id: r.created_by_user_id,
              created_by_project_id: r.created_by_project_id,
              simulated: 1,
            })),
          ),
        );
      }
      await db
        .updateTable('metric_resources')
        .set({ ended_at: now })
        .where('type', '=', 'instance')
        .where('ended_at', 'is', null)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('servers').select('servers.id').whereRef('servers.id', '=', 'metric_resources.id'))),
        )
        .execute();
    },
    async listResources(type) {
      let query = db.selectFrom('metric_resources').selectAll();
      if (type !== undefined && type !== 'generic') query = query.where('type', '=', type);
      return query.orderBy('started_at').orderBy('id').execute();
    },
    getResource: (id) => db.selectFrom('metric_resources').selectAll().where('id', '=', id).executeTakeFirst(),
    async insertResource(row) {
      await db.insertInto('metric_resources').values(row).execute();
    },
    async updateResource(id, changes) {
      await db.updateTable('metric_resources').set(changes).where('id', '=', id).execute();
    },
    async deleteResource(id) {
      await db.deleteFrom('metric_resources').where('id', '=', id).execute();
    },
    async listMetrics(resourceIds) {
      let query = db.selectFrom('metrics').selectAll();
      if (resourceIds !== undefined) {
        if (resourceIds.length === 0) return [];
        query = query.where('resource_id', 'in', resourceIds);
      }
      return query.orderBy('id').execute();
    },
    getMetric: (id) => db.selectFrom('metrics').selectAll().where('id', '=', id).executeTakeFirst(),
    findMetric: (resourceId, name) =>
      db.selectFrom('metrics').selectAll().where('resource_id', '=', resourceId).where('name', '=', name).executeTakeFirst(),
    async insertMetric(metric) {
      const row: MetricRow = {
        id: randomUUID(),
        resource_id: metric.resourceId,
        name: metric.name,
        archive_policy_name: metric.archivePolicyName,
        unit: metric.unit,
        created_by_user_id: metric.userId,
        created_by_project_id: metric.projectId,
        simulated: 0,
      };
      await db.insertInto('metrics').values(row).execute();
      return row;
    },
    async deleteMetric(id) {
      await db.deleteFrom('metrics').where('id', '=', id).execute();
    },
    async addMeasures(metricId, measures) {
      const rows = measures.map((m) => ({ metric_id: metricId, timestamp_ms: m.timestampMs, value: m.value }));
      for (let i = 0; i < rows.length; i += CHUNK) {
        await db
          .insertInto('metric_measures')
          .values(rows.slice(i, i + CHUNK))
          .onConflict((oc) => oc.columns(['metric_id', 'timestamp_ms']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
          .execute();
      }
    },
    async measures(metricId, fromMs, toMs) {
      const rows = await db
        .selectFrom('metric_measures')
        .select(['timestamp_ms', 'value'])
        .where('metric_id', '=', metricId)
        .where('timestamp_ms', '>=', Number.isFinite(fromMs) ? fromMs : -1e15)
        .where('timestamp_ms', '<=', Number.isFinite(toMs) ? toMs : 1e15)
        .orderBy('timestamp_ms')
        .execute();
      return rows.map((r) => ({ t: r.timestamp_ms, v: r.value }));
    },
    async loads(serverIds) {
      const out = new Map<string, { sinceMs: number; cpuPercent: number }[]>();
      if (serverIds.length === 0) return out;
      const rows = [];
      for (let i = 0; i < serverIds.length; i += 500) {
        rows.push(
          ...(await db
            .selectFrom('metric_loads')
            .selectAll()
            .where('server_id', 'in', serverIds.slice(i, i + 500))
            .orderBy('since_ms')
            .execute()),
        );
      }
      for (const row of rows.sort((a, b) => a.since_ms - b.since_ms)) {
        const list = out.get(row.server_id) ?? [];
        list.push({ sinceMs: row.since_ms, cpuPercent: row.cpu_percent });
        out.set(row.server_id, list);
      }
      return out;
    },
    async setLoad(serverId, sinceMs, cpuPercent) {
      await db
        .insertInto('metric_loads')
        .values({ server_id: serverId, since_ms: sinceMs, cpu_percent: cpuPercent })
        .onConflict((oc) => oc.columns(['server_id', 'since_ms']).doUpdateSet({ cpu_percent: cpuPercent }))
        .execute();
    },
    async actionsOf(serverIds, names) {
      const out = new Map<string, { action: string; finishTime: string }[]>();
      for (let i = 0; i < serverIds.length; i += 500) {
        const rows = await db
          .selectFrom('instance_actions')
          .select(['server_id', 'action', 'finish_time'])
          .where('server_id', 'in', serverIds.slice(i, i + 500))
          .where('action', 'in', names)
          .orderBy('finish_time')
          .execute();
        for (const row of rows) {
          const list = out.get(row.server_id) ?? [];
          list.push({ action: row.action, finishTime: row.finish_time });
          out.set(row.server_id, list);
        }
      }
      return out;
    },
    async allLoads() {
      const rows = await db.selectFrom('metric_loads').selectAll().orderBy('server_id').orderBy('since_ms').execute();
      return rows.map((r) => ({ serverId: r.server_id, sinceMs: r.since_ms, cpuPercent: r.cpu_percent }));
    },
  };
}
