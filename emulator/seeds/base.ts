// What every seed starts from: the Default domain, the three standard roles, an admin
// project and user, and the catalog. This is the `empty` seed on its own.

import type { Repositories } from '../store/open-store';
import { seedCatalog } from './catalog';
import { seedHosts, type ComputeHostSpec } from './hosts';
import { seedAgents } from './agents';
import { DEFAULT_DOMAIN_ID, PROJECT_IDS, ROLE_IDS, USER_IDS } from './ids';

export interface SeedContext {
  /** Pre-hashed, so the seed transaction does no slow crypto work. */
  adminPasswordHash: string;
  demoPasswordHash: string;
  regions: readonly string[];
  /** Compute hosts to create; five (c01…c05.example.com) when not given. */
  computeHosts?: readonly ComputeHostSpec[];
}

export async function seedBase(repos: Repositories, context: SeedContext): Promise<void> {
  const { identity, assignments } = repos;
  await identity.createDomain({
    id: DEFAULT_DOMAIN_ID,
    name: 'Default',
    description: 'The default domain',
    enabled: true,
  });
  for (const name of ['admin', 'member', 'reader'] as const) {
    await identity.createRole({ id: ROLE_IDS[name], name, description: null });
  }
  await identity.createProject({
    id: PROJECT_IDS.admin,
    name: 'admin',
    domainId: DEFAULT_DOMAIN_ID,
    description: 'Bootstrap project for initializing the cloud.',
    enabled: true,
    parentId: null,
    tags: [],
  });
  await identity.createUser({
    id: USER_IDS.admin,
    name: 'admin',
    domainId: DEFAULT_DOMAIN_ID,
    passwordHash: context.adminPasswordHash,
    enabled: true,
    defaultProjectId: null,
    description: null,
    email: null,
  });
  await assignments.grant(USER_IDS.admin, { kind: 'project', id: PROJECT_IDS.admin }, ROLE_IDS.admin);
  await seedCatalog(repos, context.regions);
  // The hosts are the cloud itself, not user data: an empty cloud still has compute nodes.
  await seedHosts(repos, context.computeHosts);
  await seedAgents(repos, context.computeHosts);
}
