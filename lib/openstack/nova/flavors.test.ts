import { describe, expect, it } from 'vitest';

import { useFakeService } from '../fake-service';
import { novaClient } from './client';
import { createFlavor, flavorBody, listFlavors, parseFlavor } from './flavors';

// GET /flavors/detail at 2.61+ (api-ref sample shape).
const SMALL = {
  id: '2',
  name: 'm1.small',
  vcpus: 1,
  ram: 2048,
  disk: 20,
  'OS-FLV-EXT-DATA:ephemeral': 0,
  'OS-FLV-DISABLED:disabled': false,
  swap: 0,
  rxtx_factor: 1.0,
  'os-flavor-access:is_public': true,
  description: null,
  extra_specs: { 'hw:cpu_policy': 'shared', 'hw:numa_nodes': '1' },
  links: [],
};

const fake = useFakeService();

const client = () => novaClient(`${fake.url}/compute/v2.1`, 'tok');

describe('parseFlavor', () => {
  it('gives clean names, extra specs as text, and treats an old "" swap as none', () => {
    expect(parseFlavor(SMALL)).toEqual({
      id: '2', name: 'm1.small', vcpus: 1, ramMb: 2048, diskGb: 20, ephemeralGb: 0, swapMb: 0, rxtxFactor: 1,
      isPublic: true, disabled: false, description: '', extraSpecs: { 'hw:cpu_policy': 'shared', 'hw:numa_nodes': '1' },
    });
    expect(parseFlavor({ ...SMALL, swap: '' }).swapMb).toBe(0);
  });
});

describe('flavors', () => {
  it('asks for private flavors only when told to, sorted by size', async () => {
    fake.on('GET /compute/v2.1/flavors/detail', { status: 200, body: { flavors: [{ ...SMALL, id: '3', name: 'm1.medium', vcpus: 2 }, SMALL] } });
    const flavors = await listFlavors(client(), { includePrivate: true });
    expect(flavors.map((f) => f.name)).toEqual(['m1.small', 'm1.medium']);
    expect(fake.requests[0]?.url).toBe('/compute/v2.1/flavors/detail?is_public=None');
    expect(fake.requests[0]?.headers['openstack-api-version']).toBe('compute 2.79');
  });

  it('writes the wire names, leaving the id to Nova when not given', () => {
    const body = flavorBody({ name: 'x', vcpus: 2, ramMb: 512, diskGb: 1, ephemeralGb: 0, swapMb: 0, isPublic: false, extraSpecs: {} });
    expect(body.flavor).toEqual({ name: 'x', vcpus: 2, ram: 512, disk: 1, 'OS-FLV-EXT-DATA:ephemeral': 0, swap: 0, 'os-flavor-access:is_public': false });
  });

  it('sets extra specs after creating, and deletes the flavor again when Nova refuses them', async () => {
    fake.on('POST /compute/v2.1/flavors', { status: 200, body: { flavor: { ...SMALL, id: 'new', extra_specs: {} } } });
    fake.on('POST /compute/v2.1/flavors/new/os-extra_specs', { status: 400, body: { badRequest: { code: 400, message: 'Validation failed for hw:cpu_policy' } } });
    fake.on('DELETE /compute/v2.1/flavors/new', { status: 202 });
    const input = { name: 'x', vcpus: 1, ramMb: 512, diskGb: 1, ephemeralGb: 0, swapMb: 0, isPublic: true, extraSpecs: { 'hw:cpu_policy': 'bogus' } };
    await expect(createFlavor(client(), input)).rejects.toMatchObject({ status: 400, message: 'Validation failed for hw:cpu_policy' });
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /compute/v2.1/flavors',
      'POST /compute/v2.1/flavors/new/os-extra_specs',
      'DELETE /compute/v2.1/flavors/new',
    ]);
  });
});
