// The demo seed: the base plus the `demo` and `service` projects and the `demo` user, as the
// Operations Guide and the autoscaling guides assume. Later services add their demo data
// (flavors, images, networks, security groups, hosts) as further steps at the end here.

import type { Repositories } from '../store/open-store';
import { seedBase, type SeedContext } from './base';
import { DEFAULT_DOMAIN_ID, PROJECT_IDS, ROLE_IDS, USER_IDS } from './ids';
import { seedFlavors } from './flavors';
import { seedImages } from './images';
import { seedVolumeTypes } from './volumes';
import { stopDemoAgent } from './agents';
import { seedNetworks } from './networks';
import { seedHeatFixtureNames } from './heat-fixtures';

export async function seedDemo(repos: Repositories, context: SeedContext): Promise<void> {
  await seedBase(repos, context);
  const { identity, assignments } = repos;
  await identity.createProject({
    id: PROJECT_IDS.demo,
    name: 'demo',
    domainId: DEFAULT_DOMAIN_ID,
    description: 'The demo project of the operations guides.',
    enabled: true,
    parentId: null,
    tags: [],
  });
  await identity.createProject({
    id: PROJECT_IDS.service,
    name: 'service',
    domainId: DEFAULT_DOMAIN_ID,
    description: 'Project for the cloud services.',
    enabled: true,
    parentId: null,
    tags: [],
  });
  await identity.createUser({
    id: USER_IDS.demo,
    name: 'demo',
    domainId: DEFAULT_DOMAIN_ID,
    passwordHash: context.demoPasswordHash,
    enabled: true,
    // No default project: Keystone would scope a login without scope to it, and the
    // dashboard's login expects an unscoped token it then rescopes.
    defaultProjectId: null,
    description: null,
    email: null,
  });
  await assignments.grant(USER_IDS.admin, { kind: 'project', id: PROJECT_IDS.demo }, ROLE_IDS.member);
  await assignments.grant(USER_IDS.demo, { kind: 'project', id: PROJECT_IDS.demo }, ROLE_IDS.member);
  await seedFlavors(repos);
  await seedImages(repos);
  await seedVolumeTypes(repos);
  await stopDemoAgent(repos);
  await seedNetworks(repos);
  await seedHeatFixtureNames(repos);
}
