// The ordered list of schema migrations. Imported statically (not read from the folder at
// run time) so the list is checked by the compiler and works the same under tsx and vitest.

import type { Migration, MigrationProvider } from 'kysely/migration';
import * as meta from './0001-meta';
import * as identity from './0002-identity';
import * as tokens from './0003-tokens';
import * as catalog from './0004-catalog';
import * as computeResources from './0005-compute-resources';
import * as images from './0006-images';
import * as servers from './0007-servers';
import * as computeQuotas from './0008-compute-quotas';
import * as volumes from './0009-volumes';
import * as volumeQuotas from './0010-volume-quotas';
import * as network from './0011-network';
import * as agentReporting from './0012-agent-reporting';
import * as serverPorts from './0013-server-ports';
import * as metric from './0014-metric';
import * as alarms from './0015-alarms';
import * as stacks from './0016-stacks';
import * as nestedStacks from './0017-nested-stacks';
import * as stackHistory from './0017-stack-history';

const migrations: Record<string, Migration> = {
  '0001-meta': meta,
  '0002-identity': identity,
  '0003-tokens': tokens,
  '0004-catalog': catalog,
  '0005-compute-resources': computeResources,
  '0006-images': images,
  '0007-servers': servers,
  '0008-compute-quotas': computeQuotas,
  '0009-volumes': volumes,
  '0010-volume-quotas': volumeQuotas,
  '0011-network': network,
  '0012-agent-reporting': agentReporting,
  '0013-server-ports': serverPorts,
  '0014-metric': metric,
  '0015-alarms': alarms,
  '0016-stacks': stacks,
  '0017-nested-stacks': nestedStacks,
  '0017-stack-history': stackHistory,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
