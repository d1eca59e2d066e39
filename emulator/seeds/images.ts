// The demo images: public, active, owned by the admin project, as an operator uploads them.
// Sizes and hashes are those of the real files' metadata shape; no bytes exist.

import { createHash } from 'node:crypto';
import type { Repositories } from '../store/open-store';
import type { Image } from '../store/schema';
import { SEEDED_AT } from './flavors';
import { PROJECT_IDS, seedId } from './ids';

interface ImageSpec {
  name: string;
  size: number;
  minDisk: number;
  minRam: number;
  properties?: Record<string, string>;
}

const MIB = 1024 * 1024;

const DEMO_IMAGES: readonly ImageSpec[] = [
  { name: 'cirros', size: 13_267_968, minDisk: 1, minRam: 0 },
  { name: 'Cirros 0.3.4', size: 13_287_936, minDisk: 1, minRam: 0 },
  { name: 'RHEL 7', size: 538 * MIB, minDisk: 10, minRam: 1024, properties: { os_distro: 'rhel', os_version: '7' } },
  { name: 'ubuntu-24.04', size: 586 * MIB, minDisk: 5, minRam: 0, properties: { os_distro: 'ubuntu', os_version: '24.04' } },
];

/** Image ids are uuids (Glance's form); the seed's start with 1 (f... is taken by nothing else). */
export function imageSeedId(n: number): string {
  const hex = seedId('1', n);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const IMAGE_IDS = {
  cirros: imageSeedId(1),
  cirros034: imageSeedId(2),
  rhel7: imageSeedId(3),
  ubuntu2404: imageSeedId(4),
} as const;

export async function seedImages(repos: Repositories, createdAt: string = SEEDED_AT): Promise<void> {
  for (const [index, spec] of DEMO_IMAGES.entries()) {
    // Stand-in hashes, stable per image, in the lengths Glance reports.
    const checksum = createHash('md5').update(spec.name).digest('hex');
    const osHashValue = createHash('sha512').update(spec.name).digest('hex');
    const image: Image = {
      id: imageSeedId(index + 1),
      name: spec.name,
      status: 'active',
      visibility: 'public',
      protected: false,
      osHidden: false,
      owner: PROJECT_IDS.admin,
      diskFormat: 'qcow2',
      containerFormat: 'bare',
      size: spec.size,
      virtualSize: null,
      checksum,
      osHashAlgo: 'sha512',
      osHashValue,
      minDisk: spec.minDisk,
      minRam: spec.minRam,
      tags: [],
      properties: spec.properties ?? {},
      importDoneAt: null,
      createdAt,
      updatedAt: createdAt,
    };
    await repos.images.create(image);
  }
}
