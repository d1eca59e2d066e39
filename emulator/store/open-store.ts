// Opens the embedded cloud's SQLite file and brings its schema up to date.
// libsql is used through its better-sqlite3-compatible sync API; Kysely builds the queries.

import Libsql from 'libsql';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider } from './migrations/index';
import type { Database } from './schema';
import { createIdentityStore, type IdentityStore } from './identity';
import { createAssignmentStore, type AssignmentStore } from './assignments';
import { createTokenStore, type TokenStore } from './tokens';
import { createCatalogStore, type CatalogStore } from './catalog';
import { createMetaStore, type MetaStore } from './meta';
import { createFlavorStore, type FlavorStore } from './flavors';
import { createKeypairStore, type KeypairStore } from './keypairs';
import { createHostStore, type HostStore } from './hosts';
import { createImageStore, type ImageStore } from './images';
import { createServerStore, type ServerStore } from './servers';
import { createServerGroupStore, type ServerGroupStore } from './server-groups';
import { createInstanceActionStore, type InstanceActionStore } from './instance-actions';
import { createComputeQuotaStore, type ComputeQuotaStore } from './compute-quotas';
import { createVolumeTypeStore, type VolumeTypeStore } from './volume-types';
import { createVolumeStore, type VolumeStore } from './volumes';
import { createSnapshotStore, type SnapshotStore } from './snapshots';
import { createAttachmentStore, type AttachmentStore } from './attachments';
import { createVolumeQuotaStore, type VolumeQuotaStore } from './volume-quotas';
import { createSecurityGroupStore, type SecurityGroupStore } from './security-groups';
import { createNetworkQuotaStore, type NetworkQuotaStore } from './network-quotas';
import { createAgentStore, type AgentStore } from './agents';
import { createNetworkStore, type NetworkStore } from './networks';
import { createSubnetStore, type SubnetStore } from './subnets';
import { createPortStore, type PortStore } from './ports';
import { createRouterStore, type RouterStore } from './routers';
import { createFloatingIpStore, type FloatingIpStore } from './floating-ips';
import { createAlarmStore, type AlarmStore } from './alarms';
import { createMetricStore, type MetricStore } from './metrics';
import { createStackStore, type StackStore } from './stacks';

/** The data access modules, bound either to the database or to one transaction. */
export interface Repositories {
  identity: IdentityStore;
  assignments: AssignmentStore;
  tokens: TokenStore;
  catalog: CatalogStore;
  meta: MetaStore;
  flavors: FlavorStore;
  keypairs: KeypairStore;
  hosts: HostStore;
  images: ImageStore;
  servers: ServerStore;
  serverGroups: ServerGroupStore;
  instanceActions: InstanceActionStore;
  computeQuotas: ComputeQuotaStore;
  volumeTypes: VolumeTypeStore;
  volumes: VolumeStore;
  snapshots: SnapshotStore;
  volumeAttachments: AttachmentStore;
  volumeQuotas: VolumeQuotaStore;
  securityGroups: SecurityGroupStore;
  networkQuotas: NetworkQuotaStore;
  agents: AgentStore;
  networks: NetworkStore;
  subnets: SubnetStore;
  ports: PortStore;
  routers: RouterStore;
  floatingIps: FloatingIpStore;
  alarms: AlarmStore;
  metrics: MetricStore;
  stacks: StackStore;
  /** Deletes every row of every table, keeping the schema. */
  wipe(): Promise<void>;
}

export interface Store extends Repositories {
  db: Kysely<Database>;
  /**
   * Runs fn atomically. Use only the repositories passed to fn inside it: SQLite has one
   * connection here, and the transaction holds it until fn settles.
   */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Children before parents, so the wipe does not depend on cascades. A service that adds
// tables in a later migration adds them here too.
const TABLES_IN_WIPE_ORDER = [
  'stacks',
  'metric_loads',
  'metric_measures',
  'metrics',
  'metric_resources',
  'alarm_history',
  'alarms',
  'server_ports',
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
  'volume_attachments',
  'volume_snapshots',
  'volumes',
  'volume_types',
  'volume_quotas',
  'instance_actions',
  'servers',
  'server_groups',
  'compute_quotas',
  'flavor_extra_specs',
  'flavor_access',
  'flavors',
  'keypairs',
  'hypervisors',
  'compute_services',
  'image_members',
  'images',
  'tokens',
  'project_role_assignments',
  'domain_role_assignments',
  'endpoints',
  'services',
  'regions',
  'users',
  'projects',
  'roles',
  'domains',
  'meta',
] as const satisfies readonly (keyof Database)[];

export async function openStore(path: string): Promise<Store> {
  const raw = new Libsql(path);
  // WAL lets a reader (e.g. a second process inspecting the file) work beside the server;
  // the busy timeout makes a locked write wait instead of failing at once.
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  await migrateToLatest(db);

  return {
    ...createRepositories(db),
    db,
    transaction: (fn) => db.transaction().execute((tx) => fn(createRepositories(tx))),
    async close() {
      // Folds the WAL back into the main file so a closed store is one self-contained file.
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
      await db.destroy();
    },
  };
}

function createRepositories(db: Kysely<Database>): Repositories {
  return {
    identity: createIdentityStore(db),
    assignments: createAssignmentStore(db),
    tokens: createTokenStore(db),
    catalog: createCatalogStore(db),
    meta: createMetaStore(db),
    flavors: createFlavorStore(db),
    keypairs: createKeypairStore(db),
    hosts: createHostStore(db),
    images: createImageStore(db),
    servers: createServerStore(db),
    serverGroups: createServerGroupStore(db),
    instanceActions: createInstanceActionStore(db),
    computeQuotas: createComputeQuotaStore(db),
    volumeTypes: createVolumeTypeStore(db),
    volumes: createVolumeStore(db),
    snapshots: createSnapshotStore(db),
    volumeAttachments: createAttachmentStore(db),
    volumeQuotas: createVolumeQuotaStore(db),
    securityGroups: createSecurityGroupStore(db),
    networkQuotas: createNetworkQuotaStore(db),
    agents: createAgentStore(db),
    networks: createNetworkStore(db),
    subnets: createSubnetStore(db),
    ports: createPortStore(db),
    routers: createRouterStore(db),
    floatingIps: createFloatingIpStore(db),
    alarms: createAlarmStore(db),
    metrics: createMetricStore(db),
    stacks: createStackStore(db),
    async wipe() {
      for (const table of TABLES_IN_WIPE_ORDER) await db.deleteFrom(table).execute();
    },
  };
}

async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error } = await new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
