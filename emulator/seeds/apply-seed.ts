// Wipes the store and loads one seed, atomically, remembering which seed it was.

import type { Repositories, Store } from '../store/open-store';
import { hashPassword } from '../services/identity/passwords';
import { seedBase, type SeedContext } from './base';
import { seedDemo } from './demo';
import { seedScale } from './scale';
import { DEFAULT_REGIONS } from './catalog';

export const SEED_NAMES = ['demo', 'empty', 'scale'] as const;
export type SeedName = (typeof SEED_NAMES)[number];

export interface SeedOptions {
  adminPassword: string;
  demoPassword: string;
  regions?: readonly string[];
}

const SEEDS: Record<SeedName, (repos: Repositories, context: SeedContext) => Promise<void>> = {
  demo: seedDemo,
  scale: seedScale,
  empty: seedBase,
};

export async function applySeed(store: Store, name: SeedName, options: SeedOptions): Promise<void> {
  const context: SeedContext = {
    adminPasswordHash: await hashPassword(options.adminPassword),
    demoPasswordHash: await hashPassword(options.demoPassword),
    regions: options.regions ?? DEFAULT_REGIONS,
  };
  await store.transaction(async (repos) => {
    await repos.wipe();
    await SEEDS[name](repos, context);
    await repos.meta.set('seed', name);
  });
}
