import { beforeEach, describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { launchSchema } from '../validation/servers';
import { fakeScope } from './fake-scope';
import { launchServers } from './launch';

const TINY = { id: 'f1', name: 'm1.tiny', vcpus: 1, ram: 512, disk: 1, 'OS-FLV-EXT-DATA:ephemeral': 0, swap: 0, 'os-flavor-access:is_public': true, extra_specs: {} };
const LARGE = { ...TINY, id: 'f4', name: 'm1.large', vcpus: 4, ram: 8192, disk: 80 };
const CIRROS = { id: 'i1', name: 'cirros', status: 'active', visibility: 'public', min_disk: 1, min_ram: 0 };
const RHEL = { id: 'i2', name: 'RHEL 7', status: 'active', visibility: 'public', min_disk: 10, min_ram: 1024 };
const LIMITS = { limits: { absolute: { maxTotalInstances: 10, totalInstancesUsed: 0, maxTotalCores: 20, totalCoresUsed: 17, maxTotalRAMSize: 51200, totalRAMUsed: 0, maxTotalKeypairs: 100 } } };

const fake = useFakeService();
beforeEach(() => {
  fake.on('GET /compute/v2.1/flavors/f1', { status: 200, body: { flavor: TINY } });
  fake.on('GET /compute/v2.1/flavors/f4', { status: 200, body: { flavor: LARGE } });
  fake.on('GET /image/v2/images/i1', { status: 200, body: CIRROS });
  fake.on('GET /image/v2/images/i2', { status: 200, body: RHEL });
  fake.on('GET /image/v2/images/queued', { status: 200, body: { ...CIRROS, id: 'queued', status: 'queued' } });
  fake.on('GET /compute/v2.1/os-keypairs', { status: 200, body: { keypairs: [{ keypair: { name: 'mine', fingerprint: 'aa', type: 'ssh' } }] } });
  fake.on('GET /compute/v2.1/limits', { status: 200, body: LIMITS });
  fake.on('POST /compute/v2.1/servers', { status: 202, body: { server: { id: 's-new' } } });
});

const launch = (overrides: Record<string, unknown>) =>
  launchServers(fakeScope(fake.url), launchSchema.parse({ name: 'web', count: 1, flavorId: 'f1', source: 'image', imageId: 'i1', ...overrides }));
const posted = () => fake.requests.filter((r) => r.method === 'POST');

describe('launch pre-checks', () => {
  it('sends a good request to Nova, reading only the chosen flavor, image and the limits', async () => {
    await expect(launch({})).resolves.toEqual({ id: 's-new', reservationId: null });
    expect(fake.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`).sort()).toEqual([
      'GET /compute/v2.1/flavors/f1',
      'GET /compute/v2.1/limits',
      'GET /image/v2/images/i1',
      'POST /compute/v2.1/servers',
    ]);
  });

  it.each([
    [{ flavorId: 'gone' }, 'flavorId', 'flavor_unknown'],
    [{ imageId: 'gone' }, 'imageId', 'image_unknown'],
    [{ imageId: 'queued' }, 'imageId', 'image_unknown'],
    [{ keyName: 'theirs' }, 'keyName', 'keypair_unknown'],
    [{ imageId: 'i2' }, 'flavorId', 'flavor_disk_too_small'],
    [{ source: 'image-to-volume', imageId: 'i2', volumeSizeGb: 5 }, 'volumeSizeGb', 'volume_smaller_than_image'],
    [{ flavorId: 'f4' }, 'flavorId', 'flavor_over_cores'],
    [{ count: 5 }, 'count', 'flavor_over_cores'],
  ])('%j is refused at the field %s (%s) and nothing is created', async (overrides, field, code) => {
    await expect(launch(overrides)).rejects.toMatchObject({ payload: { status: 400, fields: { [field]: code } } });
    expect(posted()).toHaveLength(0);
  });

  it('leaves the decision to Nova when a lookup fails for another reason than 404', async () => {
    fake.on('GET /compute/v2.1/flavors/f1', { status: 503, body: { computeFault: { code: 503, message: 'busy' } } });
    await expect(launch({})).resolves.toMatchObject({ id: 's-new' });
  });
});
