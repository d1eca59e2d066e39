// The demo flavors, with DevStack's ids (m1.tiny is "1", m1.nano "42"), so documents and
// the Heat templates of the guides can name them.

import type { Repositories } from '../store/open-store';
import type { Flavor } from '../store/schema';

/** When seeded entities were created: a fixed time, so seeds are reproducible. */
export const SEEDED_AT = '2026-11-01T09:00:00.000000Z';

export interface FlavorSpec {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  extraSpecs?: Record<string, string>;
}

export const DEMO_FLAVORS: readonly FlavorSpec[] = [
  { id: '1', name: 'm1.tiny', vcpus: 1, ram: 512, disk: 1 },
  { id: '2', name: 'm1.small', vcpus: 1, ram: 2048, disk: 20 },
  { id: '3', name: 'm1.medium', vcpus: 2, ram: 4096, disk: 40 },
  { id: '4', name: 'm1.large', vcpus: 4, ram: 8192, disk: 80 },
  { id: '5', name: 'm1.xlarge', vcpus: 8, ram: 16384, disk: 160 },
  { id: '42', name: 'm1.nano', vcpus: 1, ram: 64, disk: 1 },
  // The guide's example of a flavor with extra specs (a disk I/O limit for libvirt). The web farm guide
  // boots its RHEL 7 image on it, so it is big enough for that image (1 GB of RAM, a 10 GB disk).
  { id: '6', name: 'm2.tiny', vcpus: 1, ram: 1024, disk: 10, extraSpecs: { 'quota:disk_read_iops_sec': '1000' } },
];

export async function seedFlavors(
  repos: Repositories,
  flavors: readonly FlavorSpec[] = DEMO_FLAVORS,
  createdAt: string = SEEDED_AT,
): Promise<void> {
  for (const spec of flavors) {
    const flavor: Flavor = {
      id: spec.id,
      name: spec.name,
      vcpus: spec.vcpus,
      ram: spec.ram,
      disk: spec.disk,
      ephemeral: 0,
      swap: 0,
      rxtxFactor: 1,
      isPublic: true,
      disabled: false,
      description: null,
      extraSpecs: spec.extraSpecs ?? {},
      createdAt,
    };
    await repos.flavors.create(flavor);
  }
}
