// Nova's resources other than servers: flavors (with extra specs and the access list of
// private flavors), key pairs, and the hosts the cloud runs on (compute services, the
// hypervisors behind them, and the controller services).

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('flavors')
    // Nova's public flavor id (`flavorid`): any string, "1" or a uuid.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('vcpus', 'integer', (c) => c.notNull())
    .addColumn('ram', 'integer', (c) => c.notNull())
    .addColumn('disk', 'integer', (c) => c.notNull())
    .addColumn('ephemeral', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('swap', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rxtx_factor', 'real', (c) => c.notNull().defaultTo(1))
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('flavor_extra_specs')
    .addColumn('flavor_id', 'text', (c) => c.notNull().references('flavors.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('flavor_extra_specs_pk', ['flavor_id', 'key'])
    .execute();

  // Nova does not check that the project exists, so there is no foreign key to projects.
  await db.schema
    .createTable('flavor_access')
    .addColumn('flavor_id', 'text', (c) => c.notNull().references('flavors.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('flavor_access_pk', ['flavor_id', 'project_id'])
    .execute();

  await db.schema
    .createTable('keypairs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('keypairs_user_name', ['user_id', 'name'])
    .execute();

  await db.schema
    .createTable('compute_services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Nova's integer id, shown before microversion 2.53; also the stable listing order.
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('binary', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('zone', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled_reason', 'text')
    .addColumn('forced_down', 'integer', (c) => c.notNull().defaultTo(0))
    // null: the service reports in on time, so its last report is "just now" by the clock.
    .addColumn('stopped_reporting_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('compute_services_host_binary', ['host', 'binary'])
    .execute();

  await db.schema
    .createTable('hypervisors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('hostname', 'text', (c) => c.notNull().unique())
    .addColumn('service_id', 'text', (c) =>
      c.notNull().references('compute_services.id').onDelete('cascade'),
    )
    .addColumn('host_ip', 'text', (c) => c.notNull())
    .addColumn('hypervisor_type', 'text', (c) => c.notNull())
    .addColumn('hypervisor_version', 'integer', (c) => c.notNull())
    .addColumn('vcpus', 'integer', (c) => c.notNull())
    .addColumn('memory_mb', 'integer', (c) => c.notNull())
    .addColumn('local_gb', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['hypervisors', 'compute_services', 'keypairs', 'flavor_access', 'flavor_extra_specs', 'flavors']) {
    await db.schema.dropTable(table).execute();
  }
}
