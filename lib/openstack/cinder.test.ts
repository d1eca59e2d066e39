import { describe, expect, it } from 'vitest';

import {
  cinderClient,
  createSnapshot,
  createVolume,
  extendVolume,
  listVolumeTypes,
  listVolumes,
  negotiateMicroversion,
  parseVolume,
} from './cinder';
import { useFakeService } from './fake-service';

// GET /v3/volumes/detail, the v3.13 sample's shape: bootable as a string, naive timestamps.
const VOLUME = {
  id: '6edbc2f4-1507-44f8-ac0d-eed1d2608d38',
  name: 'data',
  description: null,
  size: 10,
  status: 'in-use',
  volume_type: '__DEFAULT__',
  bootable: 'true',
  multiattach: false,
  encrypted: false,
  availability_zone: 'nova',
  attachments: [
    {
      server_id: 'f4fda93b-06e0-4743-8117-bc8bcecd651b',
      attachment_id: '3b8b6631-1cf7-4fd7-9afb-c01e541a073c',
      attached_at: '2018-11-28T06:30:00.000000',
      host_name: null,
      volume_id: '6edbc2f4-1507-44f8-ac0d-eed1d2608d38',
      device: '/dev/vdb',
      id: '6edbc2f4-1507-44f8-ac0d-eed1d2608d38',
    },
  ],
  snapshot_id: null,
  source_volid: null,
  volume_image_metadata: { image_id: 'img-1', image_name: 'cirros' },
  'os-vol-tenant-attr:tenant_id': 'p1',
  created_at: '2018-11-28T06:25:15.288987',
  links: [],
};

const fake = useFakeService();

const client = () => cinderClient(`${fake.url}/volume/v3`, 'tok', '3.60');

describe('parseVolume', () => {
  it('reads bootable from its string, the attachments and the source image', () => {
    const volume = parseVolume(VOLUME);
    expect(volume).toMatchObject({ name: 'data', description: '', sizeGb: 10, bootable: true, volumeType: '__DEFAULT__', imageName: 'cirros' });
    expect(volume.attachments).toEqual([{ serverId: 'f4fda93b-06e0-4743-8117-bc8bcecd651b', device: '/dev/vdb', attachmentId: '3b8b6631-1cf7-4fd7-9afb-c01e541a073c', hostName: null }]);
    expect(parseVolume({ ...VOLUME, bootable: 'false' }).bootable).toBe(false);
  });
});

describe('negotiateMicroversion', () => {
  it('uses ours, the cloud’s maximum when lower, none when the cloud has none', () => {
    expect(negotiateMicroversion('3.60', '3.71')).toBe('3.60');
    expect(negotiateMicroversion('3.60', '3.27')).toBe('3.27');
    expect(negotiateMicroversion('3.60', '3.0')).toBe('3.0');
    expect(negotiateMicroversion('3.60', null)).toBeNull();
  });
});

describe('cinder client', () => {
  it('lists volumes with the microversion header', async () => {
    fake.on('GET /volume/v3/volumes/detail', { status: 200, body: { volumes: [VOLUME] } });
    const volumes = await listVolumes(client());
    expect(volumes).toHaveLength(1);
    expect(fake.requests[0]?.headers['openstack-api-version']).toBe('volume 3.60');
    expect(fake.requests[0]?.url).toContain('limit=1000');
  });

  it('sends no microversion header when none was negotiated', async () => {
    fake.on('GET /volume/v3/types', { status: 200, body: { volume_types: [{ id: 't1', name: 'lvmdriver-1', description: null, is_public: true, extra_specs: {} }] } });
    const types = await listVolumeTypes(cinderClient(`${fake.url}/volume/v3`, 'tok', null));
    expect(types).toEqual([{ id: 't1', name: 'lvmdriver-1', description: '', isPublic: true }]);
    expect(fake.requests[0]?.headers['openstack-api-version']).toBeUndefined();
  });

  it('creates from an image with imageRef and leaves out what was not given', async () => {
    fake.on('POST /volume/v3/volumes', { status: 202, body: { volume: { ...VOLUME, status: 'creating', attachments: [] } } });
    await createVolume(client(), { name: 'boot', sizeGb: 5, imageId: 'img-1' });
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({ volume: { name: 'boot', size: 5, imageRef: 'img-1' } });
  });

  it('extends with os-extend and snapshots with force', async () => {
    fake.on('POST /volume/v3/volumes/v1/action', { status: 202 });
    await extendVolume(client(), 'v1', 20);
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({ 'os-extend': { new_size: 20 } });
    fake.on('POST /volume/v3/snapshots', { status: 202, body: { snapshot: { id: 's1', name: 'snap', volume_id: 'v1', size: 10, status: 'creating', created_at: '2018-11-28T06:25:15.288987' } } });
    const snapshot = await createSnapshot(client(), { volumeId: 'v1', name: 'snap', force: true });
    expect(snapshot).toMatchObject({ id: 's1', volumeId: 'v1', status: 'creating' });
    expect(JSON.parse(fake.requests[1]!.body)).toEqual({ snapshot: { volume_id: 'v1', name: 'snap', force: true } });
  });
});
