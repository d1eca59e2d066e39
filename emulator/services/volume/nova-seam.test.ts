// The functions Nova's code calls inside its own transactions: boot from volume and the
// release of a deleted server's volumes.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySeed } from '../../seeds/apply-seed';
import { PROJECT_IDS, USER_IDS } from '../../seeds/ids';
import { IMAGE_IDS } from '../../seeds/images';
import { openStore, type Store } from '../../store/open-store';
import { attachRootVolume, detachServerVolumes } from '../../store/volumes';
import { createVolumeFromRequest } from './volume-create';

const NOW = '2026-11-21T12:00:00.000000Z';
const SERVER = '11111111-2222-3333-4444-555555555555';
let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zenith-seam-'));
  store = await openStore(join(dir, 'cloud.db'));
  await applySeed(store, 'demo', { adminPassword: 'secret', demoPassword: 'secret' });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const base = { projectId: PROJECT_IDS.demo, userId: USER_IDS.demo, serverId: SERVER, hostName: 'c01.example.com', now: NOW };

describe('attachRootVolume', () => {
  it('creates a bootable volume from the image and attaches it as /dev/vda at once', async () => {
    const root = await store.transaction((repos) =>
      attachRootVolume(repos, { ...base, source: { kind: 'image', imageId: IMAGE_IDS.cirros, size: 1 }, deleteOnTermination: true }),
    );
    expect(root.device).toBe('/dev/vda');
    const volume = await store.volumes.get(root.volumeId);
    expect(volume).toMatchObject({ status: 'in-use', bootable: true, size: 1 });
    const [attachment] = await store.volumeAttachments.list({ serverId: SERVER });
    expect(attachment).toMatchObject({ id: root.attachmentId, status: 'attached', deleteOnTermination: true, hostName: 'c01.example.com' });
  });

  it('takes an existing available volume, and refuses one that is not', async () => {
    const volume = await store.transaction((repos) =>
      createVolumeFromRequest(repos, { ...base, size: 2, name: 'boot', description: null, metadata: {}, settleSeconds: 0 }),
    );
    await store.transaction((repos) =>
      attachRootVolume(repos, { ...base, source: { kind: 'volume', volumeId: volume.id }, deleteOnTermination: false }),
    );
    expect((await store.volumes.get(volume.id))?.status).toBe('in-use');
    await expect(
      store.transaction((repos) =>
        attachRootVolume(repos, { ...base, serverId: 'other', source: { kind: 'volume', volumeId: volume.id }, deleteOnTermination: false }),
      ),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('writes nothing when the image is too big for the size asked (the caller’s transaction rolls back)', async () => {
    await expect(
      store.transaction((repos) =>
        attachRootVolume(repos, { ...base, source: { kind: 'image', imageId: IMAGE_IDS.rhel7, size: 5 }, deleteOnTermination: true }),
      ),
    ).rejects.toMatchObject({ status: 400, message: 'Invalid input received: Volume size 5GB cannot be smaller than the image minDisk size 10GB.' });
    expect(await store.volumes.list({})).toEqual([]);
    expect(await store.volumeAttachments.list({})).toEqual([]);
  });

  it('refuses an image larger than the volume', async () => {
    const image = await store.images.get(IMAGE_IDS.cirros);
    if (!image) throw new Error('seed image missing');
    await store.images.create({ ...image, id: '99999999-0000-0000-0000-000000000001', size: 3 * 1024 ** 3, minDisk: 0 });
    await expect(
      store.transaction((repos) =>
        createVolumeFromRequest(repos, { ...base, size: 2, imageRef: '99999999-0000-0000-0000-000000000001', name: null, description: null, metadata: {} }),
      ),
    ).rejects.toMatchObject({ message: 'Invalid input received: Size of specified image 3GB is larger than volume size 2GB.' });
  });
});

describe('detachServerVolumes', () => {
  it('frees kept volumes and deletes those marked delete_on_termination', async () => {
    const kept = await store.transaction((repos) =>
      createVolumeFromRequest(repos, { ...base, size: 1, name: 'kept', description: null, metadata: {}, settleSeconds: 0 }),
    );
    const root = await store.transaction(async (repos) => {
      await attachRootVolume(repos, { ...base, source: { kind: 'volume', volumeId: kept.id }, deleteOnTermination: false });
      return attachRootVolume(repos, { ...base, source: { kind: 'image', imageId: IMAGE_IDS.cirros, size: 1 }, deleteOnTermination: true });
    });
    await store.transaction((repos) => detachServerVolumes(repos, SERVER, NOW));
    expect((await store.volumes.get(kept.id))?.status).toBe('available');
    expect(await store.volumes.get(root.volumeId)).toBeUndefined();
    expect(await store.volumeAttachments.list({ serverId: SERVER })).toEqual([]);
  });
});

describe('the default volume type', () => {
  it('exists after a seed without volume types, as Cinder creates it in its own schema', async () => {
    await applySeed(store, 'empty', { adminPassword: 'secret', demoPassword: 'secret' });
    const volume = await store.transaction((repos) =>
      createVolumeFromRequest(repos, { ...base, projectId: PROJECT_IDS.admin, size: 1, name: null, description: null, metadata: {} }),
    );
    const type = await store.volumeTypes.get(volume.volumeTypeId);
    expect(type?.name).toBe('__DEFAULT__');
  });
});
