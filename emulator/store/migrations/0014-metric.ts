// Gnocchi (issue 5): resources (instances follow Nova's servers), metrics, posted measures and
// the CPU loads the simulation turns into samples (decision 012).

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('metric_resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('original_resource_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('revision_start', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.notNull())
    .addColumn('created_by_project_id', 'text', (c) => c.notNull())
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('vcpus', 'integer')
    .addColumn('memory_mb', 'integer')
    .execute();
  await db.schema.createIndex('metric_resources_type').on('metric_resources').columns(['type', 'ended_at']).execute();
  await db.schema
    .createTable('metrics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resource_id', 'text', (c) => c.references('metric_resources.id').onDelete('cascade'))
    .addColumn('name', 'text')
    .addColumn('archive_policy_name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('created_by_user_id', 'text', (c) => c.notNull())
    .addColumn('created_by_project_id', 'text', (c) => c.notNull())
    .addColumn('simulated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('metrics_resource_name').on('metrics').columns(['resource_id', 'name']).unique().execute();
  await db.schema
    .createTable('metric_measures')
    .addColumn('metric_id', 'text', (c) => c.notNull().references('metrics.id').onDelete('cascade'))
    .addColumn('timestamp_ms', 'real', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_measures_pk', ['metric_id', 'timestamp_ms'])
    .execute();
  await db.schema
    .createTable('metric_loads')
    .addColumn('server_id', 'text', (c) => c.notNull())
    .addColumn('since_ms', 'real', (c) => c.notNull())
    .addColumn('cpu_percent', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_loads_pk', ['server_id', 'since_ms'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('metric_loads').execute();
  await db.schema.dropTable('metric_measures').execute();
  await db.schema.dropTable('metrics').execute();
  await db.schema.dropTable('metric_resources').execute();
}
