// Neutron's tables: networks, subnets, ports with their fixed IPs, routers, floating IPs,
// security groups with their rules and port bindings, quotas and agents. Timestamps are
// stored as Neutron emits them (YYYY-MM-DDTHH:MM:SSZ); lists, pools, routes and tags are JSON
// text. Router interfaces are not a table: they are ports with device_owner
// network:router_interface and device_id = the router, as in Neutron's API.

import { sql, type CreateTableBuilder, type Kysely } from 'kysely';

/** Columns every Neutron resource carries (standard attributes). */
function standard(table: CreateTableBuilder<string, never>): CreateTableBuilder<string, never> {
  return table
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision_number', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('seq', 'integer', (c) => c.notNull());
}

export async function up(db: Kysely<any>): Promise<void> {
  await standard(
    db.schema
      .createTable('networks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('ACTIVE'))
      .addColumn('admin_state_up', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('external', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('mtu', 'integer', (c) => c.notNull())
      .addColumn('port_security_enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('provider_network_type', 'text')
      .addColumn('provider_physical_network', 'text')
      .addColumn('provider_segmentation_id', 'integer')
      .addColumn('availability_zone_hints', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('dns_domain', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema.createIndex('networks_project').on('networks').columns(['project_id', 'seq']).execute();

  await standard(
    db.schema
      .createTable('subnets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id'))
      .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('ip_version', 'integer', (c) => c.notNull().check(sql`ip_version IN (4, 6)`))
      .addColumn('cidr', 'text', (c) => c.notNull())
      .addColumn('gateway_ip', 'text')
      .addColumn('enable_dhcp', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('allocation_pools', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('dns_nameservers', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('host_routes', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('ipv6_address_mode', 'text')
      .addColumn('ipv6_ra_mode', 'text')
      .addColumn('subnetpool_id', 'text'),
  ).execute();
  await db.schema.createIndex('subnets_network').on('subnets').columns(['network_id', 'seq']).execute();
  await db.schema.createIndex('subnets_project').on('subnets').column('project_id').execute();

  await standard(
    db.schema
      .createTable('ports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id'))
      .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('mac_address', 'text', (c) => c.notNull().unique())
      .addColumn('device_owner', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('device_id', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('DOWN'))
      .addColumn('admin_state_up', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('port_security_enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('binding_host_id', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('binding_vnic_type', 'text', (c) => c.notNull().defaultTo('normal'))
      .addColumn('binding_profile', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('allowed_address_pairs', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('dns_name', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema.createIndex('ports_network').on('ports').columns(['network_id', 'seq']).execute();
  await db.schema.createIndex('ports_device').on('ports').column('device_id').execute();
  await db.schema.createIndex('ports_project').on('ports').columns(['project_id', 'seq']).execute();

  // One row per address; the primary key makes an address unique within its subnet.
  await db.schema
    .createTable('port_fixed_ips')
    .addColumn('subnet_id', 'text', (c) => c.notNull().references('subnets.id'))
    .addColumn('ip_address', 'text', (c) => c.notNull())
    .addColumn('port_id', 'text', (c) => c.notNull().references('ports.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull())
    /** Order of the address on its port, as the client gave or Neutron allocated it. */
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('port_fixed_ips_pk', ['subnet_id', 'ip_address'])
    .execute();
  await db.schema.createIndex('port_fixed_ips_port').on('port_fixed_ips').column('port_id').execute();

  await standard(
    db.schema
      .createTable('routers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('ACTIVE'))
      .addColumn('admin_state_up', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('gw_network_id', 'text', (c) => c.references('networks.id'))
      .addColumn('gw_port_id', 'text', (c) => c.references('ports.id').onDelete('set null'))
      .addColumn('enable_snat', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('routes', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('distributed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('ha', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('availability_zone_hints', 'text', (c) => c.notNull().defaultTo('[]')),
  ).execute();
  await db.schema.createIndex('routers_project').on('routers').columns(['project_id', 'seq']).execute();

  await standard(
    db.schema
      .createTable('floating_ips')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('floating_network_id', 'text', (c) => c.notNull().references('networks.id'))
      .addColumn('floating_ip_address', 'text', (c) => c.notNull())
      /** The network:floatingip port on the external network that holds the address. */
      .addColumn('floating_port_id', 'text', (c) => c.notNull().references('ports.id'))
      .addColumn('port_id', 'text', (c) => c.references('ports.id').onDelete('set null'))
      .addColumn('fixed_ip_address', 'text')
      .addColumn('router_id', 'text', (c) => c.references('routers.id'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('DOWN'))
      .addColumn('dns_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('dns_domain', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema
    .createIndex('floating_ips_address')
    .on('floating_ips')
    .columns(['floating_network_id', 'floating_ip_address'])
    .unique()
    .execute();
  await db.schema.createIndex('floating_ips_port').on('floating_ips').column('port_id').execute();
  await db.schema.createIndex('floating_ips_project').on('floating_ips').columns(['project_id', 'seq']).execute();

  await standard(
    db.schema
      .createTable('security_groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('stateful', 'integer', (c) => c.notNull().defaultTo(1))
      /** 1 for the project's "default" group, which Neutron creates on first use. */
      .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema.createIndex('security_groups_project').on('security_groups').columns(['project_id', 'seq']).execute();
  await sql`CREATE UNIQUE INDEX security_groups_default ON security_groups (project_id) WHERE is_default = 1`.execute(db);

  await standard(
    db.schema
      .createTable('security_group_rules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('security_group_id', 'text', (c) => c.notNull().references('security_groups.id').onDelete('cascade'))
      .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction IN ('ingress', 'egress')`))
      .addColumn('ethertype', 'text', (c) => c.notNull().check(sql`ethertype IN ('IPv4', 'IPv6')`))
      .addColumn('protocol', 'text')
      .addColumn('port_range_min', 'integer')
      .addColumn('port_range_max', 'integer')
      .addColumn('remote_ip_prefix', 'text')
      .addColumn('remote_group_id', 'text', (c) => c.references('security_groups.id').onDelete('cascade'))
      .addColumn('remote_address_group_id', 'text'),
  ).execute();
  await db.schema
    .createIndex('security_group_rules_group')
    .on('security_group_rules')
    .columns(['security_group_id', 'seq'])
    .execute();

  await db.schema
    .createTable('port_security_groups')
    .addColumn('port_id', 'text', (c) => c.notNull().references('ports.id').onDelete('cascade'))
    .addColumn('security_group_id', 'text', (c) => c.notNull().references('security_groups.id'))
    .addPrimaryKeyConstraint('port_security_groups_pk', ['port_id', 'security_group_id'])
    .execute();
  await db.schema
    .createIndex('port_security_groups_group')
    .on('port_security_groups')
    .column('security_group_id')
    .execute();

  await db.schema
    .createTable('network_quotas')
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('hard_limit', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_quotas_pk', ['project_id', 'resource'])
    .execute();

  await db.schema
    .createTable('agents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agent_type', 'text', (c) => c.notNull())
    .addColumn('binary', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('availability_zone', 'text')
    .addColumn('admin_state_up', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    /** JSON object, as the agent reports it. */
    .addColumn('configurations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('heartbeat_timestamp', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addUniqueConstraint('agents_type_host', ['agent_type', 'host'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'agents',
    'network_quotas',
    'port_security_groups',
    'security_group_rules',
    'security_groups',
    'floating_ips',
    'routers',
    'port_fixed_ips',
    'ports',
    'subnets',
    'networks',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
