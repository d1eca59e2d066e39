// Cinder's demo data: the `__DEFAULT__` type Cinder always has, and an `ssd` type with the
// extra spec a backend would match on. No volumes: the guides create their own.

import type { Repositories } from '../store/open-store';
import { DEFAULT_VOLUME_TYPE } from '../store/volume-types';

export const VOLUME_TYPE_IDS = {
  default: '6f3a1c52-0d0e-4c38-9a51-1f0c3e7b2a01',
  ssd: '6f3a1c52-0d0e-4c38-9a51-1f0c3e7b2a02',
} as const;

const SEEDED_AT = '2026-01-01T00:00:00.000000Z';

export async function seedVolumeTypes(repos: Repositories): Promise<void> {
  await repos.volumeTypes.create({
    id: VOLUME_TYPE_IDS.default,
    name: DEFAULT_VOLUME_TYPE,
    description: 'Default Volume Type',
    isPublic: true,
    extraSpecs: {},
    createdAt: SEEDED_AT,
  });
  await repos.volumeTypes.create({
    id: VOLUME_TYPE_IDS.ssd,
    name: 'ssd',
    description: 'Solid-state storage',
    isPublic: true,
    extraSpecs: { volume_backend_name: 'ssd' },
    createdAt: SEEDED_AT,
  });
}
