import { describe, expect, it } from 'vitest';

import { launchSchema } from '../validation/servers';
import { flavorProblem } from '../compute/launch-rules';
import { serverBody } from './launch';

const limits = {
  instances: { used: 8, max: 10 },
  cores: { used: 16, max: 20 },
  ram: { used: 40_960, max: 51_200 },
  keyPairs: { max: 100 },
  serverGroups: { used: 0, max: 10 },
};
const tiny = { vcpus: 1, ramMb: 512, diskGb: 1 };
const large = { vcpus: 4, ramMb: 8192, diskGb: 80 };

describe('flavorProblem', () => {
  it('marks flavors too small for the image', () => {
    expect(flavorProblem(tiny, 1, { minDiskGb: 10, minRamMb: 0 }, null, false)).toBe('disk_too_small');
    expect(flavorProblem(tiny, 1, { minDiskGb: 10, minRamMb: 0 }, null, true)).toBeNull();
    expect(flavorProblem(tiny, 1, { minDiskGb: 0, minRamMb: 1024 }, null, false)).toBe('ram_too_small');
  });

  it('marks flavors the quota cannot hold for this count', () => {
    expect(flavorProblem(tiny, 1, null, limits, false)).toBeNull();
    expect(flavorProblem(large, 1, null, limits, false)).toBe(null);
    expect(flavorProblem(large, 2, null, limits, false)).toBe('over_cores');
    expect(flavorProblem(tiny, 3, null, limits, false)).toBe('over_instances');
    expect(flavorProblem({ vcpus: 1, ramMb: 16_384, diskGb: 1 }, 1, null, limits, false)).toBe('over_ram');
    expect(flavorProblem(large, 5, null, { ...limits, cores: { used: 0, max: -1 }, instances: { used: 0, max: -1 }, ram: { used: 0, max: -1 } }, false)).toBeNull();
  });
});

describe('serverBody', () => {
  const base = { name: 'web', count: 1, flavorId: 'f1', source: 'image', imageId: 'i1' };

  it('boots from an image with user data base64-encoded and metadata as an object', () => {
    const input = launchSchema.parse({ ...base, keyName: 'k', userData: '#cloud-config\n', metadata: [{ key: 'role', value: 'web' }] });
    expect(serverBody(input)).toEqual({
      name: 'web',
      flavorRef: 'f1',
      imageRef: 'i1',
      networks: 'auto',
      min_count: 1,
      max_count: 1,
      security_groups: [{ name: 'default' }],
      key_name: 'k',
      user_data: Buffer.from('#cloud-config\n').toString('base64'),
      metadata: { role: 'web' },
    });
  });

  it('plugs one NIC per chosen network, in the order chosen', () => {
    const body = serverBody(launchSchema.parse({ ...base, networks: ['net-b', 'net-a'], securityGroups: ['default', 'web'] }));
    expect(body.networks).toEqual([{ uuid: 'net-b' }, { uuid: 'net-a' }]);
    expect(body.security_groups).toEqual([{ name: 'default' }, { name: 'web' }]);
    expect(serverBody(launchSchema.parse({ ...base, networks: 'none' })).networks).toBe('none');
  });

  it('boots from a volume without an image, and from an image onto a new volume', () => {
    const fromVolume = serverBody(launchSchema.parse({ ...base, source: 'volume', imageId: undefined, volumeId: 'v1' }));
    expect(fromVolume.imageRef).toBeUndefined();
    expect(fromVolume.block_device_mapping_v2).toEqual([
      { boot_index: 0, uuid: 'v1', source_type: 'volume', destination_type: 'volume', delete_on_termination: false },
    ]);
    const toVolume = serverBody(launchSchema.parse({ ...base, source: 'image-to-volume', volumeSizeGb: 20, deleteVolumeOnTermination: true, count: 3 }));
    expect(toVolume.imageRef).toBeUndefined();
    expect(toVolume).toMatchObject({ min_count: 3, max_count: 3, return_reservation_id: true });
    expect(toVolume.block_device_mapping_v2).toEqual([
      { boot_index: 0, uuid: 'i1', source_type: 'image', destination_type: 'volume', volume_size: 20, delete_on_termination: true },
    ]);
  });
});

describe('launchSchema', () => {
  const base = { name: 'web', count: 1, flavorId: 'f1', source: 'image', imageId: 'i1' };
  const fields = (input: unknown) => {
    const result = launchSchema.safeParse(input);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('names the field and the problem for bad input', () => {
    expect(fields({ ...base, name: '  ' })).toMatchObject({ name: 'name_required' });
    expect(fields({ ...base, count: 0 })).toMatchObject({ count: 'count_min' });
    expect(fields({ ...base, count: 1.5 })).toMatchObject({ count: 'count_whole' });
    expect(fields({ ...base, imageId: undefined })).toMatchObject({ imageId: 'image_required' });
    expect(fields({ ...base, networks: [] })).toMatchObject({ networks: 'networks_required' });
    expect(fields({ ...base, source: 'volume', imageId: undefined })).toMatchObject({ volumeId: 'volume_required' });
    expect(fields({ ...base, source: 'volume', volumeId: 'v', count: 2 })).toMatchObject({ count: 'count_one_volume' });
    expect(fields({ ...base, userData: 'x'.repeat(49_150) })).toMatchObject({ userData: 'user_data_too_large' });
    expect(fields({ ...base, metadata: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] })).toMatchObject({ metadata: 'metadata_duplicate' });
    expect(fields({ ...base, userData: 'x'.repeat(49_149) })).toEqual({});
  });
});
