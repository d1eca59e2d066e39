import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { type FakeService, startFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import { addSnapshot, addVolume, growVolume, loadVolumes, minimumSizeGb } from './volumes';

const VOLUME = { id: 'v1', name: 'data', size: 10, status: 'in-use', bootable: 'false', volume_type: 'lvmdriver-1', attachments: [{ server_id: 's1', device: '/dev/vdb', attachment_id: 'a1' }], created_at: '2024-01-01T00:00:00.000000' };

let fake: FakeService;
beforeAll(async () => {
  fake = await startFakeService();
  // An old cloud: Cinder offers 3.27 at most, so Zenith speaks 3.27 and cannot grow attached volumes.
  fake.on('GET /volume/', { status: 300, body: { versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.27', min_version: '3.0', links: [] }] } });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.on('GET /volume/v3/volumes/v1', { status: 200, body: { volume: VOLUME } });
  fake.on('POST /volume/v3/volumes', { status: 202, body: { volume: { ...VOLUME, status: 'creating', attachments: [] } } });
});

const writes = () => fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);

describe('volumes', () => {
  it('need at least the image’s min_disk and its size in whole GiB', () => {
    expect(minimumSizeGb(20, 1024 ** 3)).toBe(20);
    expect(minimumSizeGb(0, 2.5 * 1024 ** 3)).toBe(3);
    expect(minimumSizeGb(0, null)).toBe(1);
  });

  it('from an image are refused below the minimum, with nothing created', async () => {
    fake.on('GET /image/v2/images/img-1', { status: 200, body: { id: 'img-1', name: 'ubuntu', status: 'active', visibility: 'public', min_disk: 20, size: 600 * 1024 ** 2 } });
    await expect(addVolume(fakeScope(fake.url), { name: 'boot', sizeGb: 5, source: 'image', imageId: 'img-1' })).rejects.toMatchObject({
      payload: { status: 400, fields: { sizeGb: 'below_image_min' } },
    });
    expect(writes()).toEqual([]);
    await addVolume(fakeScope(fake.url), { name: 'boot', sizeGb: 20, source: 'image', imageId: 'img-1' });
    expect(writes()).toEqual(['POST /volume/v3/volumes']);
    expect(fake.requests.at(-1)?.headers['openstack-api-version']).toBe('volume 3.27');
  });

  it('attached cannot be grown on a cloud below 3.42, and must grow', async () => {
    await expect(growVolume(fakeScope(fake.url), 'v1', 10)).rejects.toMatchObject({ payload: { fields: { newSizeGb: 'not_larger' } } });
    await expect(growVolume(fakeScope(fake.url), 'v1', 20)).rejects.toMatchObject({ payload: { status: 409, fields: { newSizeGb: 'extend_attached' } } });
    expect(writes()).toEqual([]);
  });

  it('attached are snapshotted only with force', async () => {
    await expect(addSnapshot(fakeScope(fake.url), { volumeId: 'v1', name: 's', description: '', force: false })).rejects.toMatchObject({ payload: { fields: { force: 'force_required' } } });
    fake.on('POST /volume/v3/snapshots', { status: 202, body: { snapshot: { id: 'snap', volume_id: 'v1', name: 's', size: 10, status: 'creating' } } });
    await addSnapshot(fakeScope(fake.url), { volumeId: 'v1', name: 's', description: '', force: true });
    expect(JSON.parse(fake.requests.at(-1)!.body).snapshot.force).toBe(true);
  });

  it('list with their servers’ names from one Nova call, and survive Nova failing', async () => {
    fake.on('GET /volume/v3/volumes/detail', { status: 200, body: { volumes: [VOLUME] } });
    fake.on('GET /volume/v3/snapshots/detail', { status: 200, body: { snapshots: [] } });
    fake.on('GET /volume/v3/types', { status: 200, body: { volume_types: [] } });
    fake.on('GET /compute/v2.1/servers/detail', { status: 200, body: { servers: [{ id: 's1', name: 'web-1', status: 'ACTIVE' }] } });
    const view = await loadVolumes(fakeScope(fake.url));
    expect(view.volumes[0]?.attachedTo).toEqual([{ serverId: 's1', serverName: 'web-1', device: '/dev/vdb' }]);
    expect(fake.requests.filter((r) => r.url.startsWith('/compute'))).toHaveLength(1);
    fake.on('GET /compute/v2.1/servers/detail', { status: 503, body: { computeFault: { code: 503, message: 'down' } } });
    const degraded = await loadVolumes(fakeScope(fake.url));
    expect(degraded.volumes[0]?.attachedTo[0]?.serverName).toBeNull();
    expect(degraded.serversError).toMatchObject({ status: 503, service: 'compute' });
  });
});
