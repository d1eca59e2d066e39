// Nova's servers, their instance actions with events, and server groups. A server's pending
// transition is stored as (settle_at, next_*), applied lazily when it is due (decision 007).

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('server_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('policy', 'text', (c) => c.notNull())
    /** JSON object, e.g. {"max_server_per_host":2}. */
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('server_groups_project').on('server_groups').column('project_id').execute();

  await db.schema
    .createTable('servers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('flavor_id', 'text', (c) => c.notNull())
    /** JSON snapshot of the flavor at boot/resize (Nova embeds it from 2.47). */
    .addColumn('flavor', 'text', (c) => c.notNull())
    .addColumn('old_flavor', 'text')
    // Resource columns copied from the flavor so host usage and quotas are one SUM.
    .addColumn('vcpus', 'integer', (c) => c.notNull())
    .addColumn('memory_mb', 'integer', (c) => c.notNull())
    .addColumn('disk_gb', 'integer', (c) => c.notNull())
    /** '' for a server booted from a volume, as Nova shows it. */
    .addColumn('image_id', 'text', (c) => c.notNull())
    .addColumn('key_name', 'text')
    .addColumn('availability_zone', 'text')
    .addColumn('host', 'text')
    .addColumn('vm_state', 'text', (c) => c.notNull())
    .addColumn('task_state', 'text')
    .addColumn('power_state', 'integer', (c) => c.notNull())
    .addColumn('settle_at', 'text')
    .addColumn('next_vm_state', 'text')
    .addColumn('next_power_state', 'integer')
    .addColumn('locked', 'integer', (c) => c.notNull())
    .addColumn('locked_reason', 'text')
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('security_groups', 'text', (c) => c.notNull())
    /** JSON {network name: [{addr, version, mac}]}. */
    .addColumn('addresses', 'text', (c) => c.notNull())
    .addColumn('fixed_ip', 'text')
    .addColumn('user_data', 'text')
    .addColumn('config_drive', 'text', (c) => c.notNull())
    .addColumn('disk_config', 'text', (c) => c.notNull())
    .addColumn('fault', 'text')
    .addColumn('reservation_id', 'text', (c) => c.notNull())
    .addColumn('launch_index', 'integer', (c) => c.notNull())
    .addColumn('server_group_id', 'text')
    .addColumn('boot_volume_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('launched_at', 'text')
    .execute();
  await db.schema.createIndex('servers_project_created').on('servers').columns(['project_id', 'created_at']).execute();
  await db.schema.createIndex('servers_created').on('servers').column('created_at').execute();
  await db.schema.createIndex('servers_host').on('servers').column('host').execute();
  await db.schema.createIndex('servers_settle_at').on('servers').column('settle_at').execute();
  await db.schema.createIndex('servers_group').on('servers').column('server_group_id').execute();

  await db.schema
    .createTable('instance_actions')
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('server_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    /** The simulated moment the action's work finishes; shown as finished only from then. */
    .addColumn('finish_time', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('host', 'text')
    .addPrimaryKeyConstraint('instance_actions_pk', ['server_id', 'request_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('instance_actions').execute();
  await db.schema.dropTable('servers').execute();
  await db.schema.dropTable('server_groups').execute();
}
