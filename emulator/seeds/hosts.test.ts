// What the demo and empty seeds put into Nova's and Glance's tables.

import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/open-store';
import { startTestCloud, type TestCloud } from '../testing/test-cloud';
import { computeHostSpecs } from './hosts';

let cloud: TestCloud | undefined;
afterEach(async () => cloud?.dispose());

// The store behind a test cloud, through a second handle on the same file (WAL allows it).
const storeOf = (test: TestCloud) => openStore(test.dbPath);

describe('compute and image seeds', () => {
  it('gives the demo cloud flavors, images, five hypervisors and the controller services', async () => {
    cloud = await startTestCloud({ seed: 'demo' });
    const store = await storeOf(cloud);
    try {
      const flavors = await store.flavors.list({ isPublic: 'all' });
      expect(flavors.map((f) => f.name).sort()).toEqual(
        ['m1.large', 'm1.medium', 'm1.nano', 'm1.small', 'm1.tiny', 'm1.xlarge', 'm2.tiny'].sort(),
      );
      expect(flavors.find((f) => f.name === 'm1.nano')).toMatchObject({ vcpus: 1, ram: 64, disk: 1 });
      expect(Object.keys(flavors.find((f) => f.name === 'm2.tiny')?.extraSpecs ?? {})).toHaveLength(1);

      const images = await store.images.list({ projectId: null, isAdmin: true });
      expect(images.map((i) => i.name).sort()).toEqual(['Cirros 0.3.4', 'RHEL 7', 'cirros', 'ubuntu-24.04']);
      expect(images.every((i) => i.status === 'active' && i.visibility === 'public')).toBe(true);
      expect(images.find((i) => i.name === 'RHEL 7')).toMatchObject({ minDisk: 10, minRam: 1024 });

      const hypervisors = await store.hosts.listHypervisors();
      expect(hypervisors.map((h) => h.hostname)).toEqual(computeHostSpecs(5).map((h) => h.hostname));
      expect(hypervisors[0]?.hostname).toBe('c01.example.com');
      const services = await store.hosts.listServices();
      expect(services.map((s) => s.binary).sort()).toEqual([
        ...Array(5).fill('nova-compute'),
        'nova-conductor',
        'nova-scheduler',
      ]);
      expect(services.filter((s) => s.binary === 'nova-compute').every((s) => s.zone === 'nova')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('gives the empty cloud its hosts but no flavors or images', async () => {
    cloud = await startTestCloud({ seed: 'empty' });
    const store = await storeOf(cloud);
    try {
      expect(await store.flavors.list({ isPublic: 'all' })).toEqual([]);
      expect(await store.images.list({ projectId: null, isAdmin: true })).toEqual([]);
      expect(await store.hosts.listHypervisors()).toHaveLength(5);
    } finally {
      await store.close();
    }
  });

  it('names many hosts with three digits', () => {
    const specs = computeHostSpecs(250);
    expect(specs[0]?.hostname).toBe('c001.example.com');
    expect(specs[249]?.hostname).toBe('c250.example.com');
  });
});
