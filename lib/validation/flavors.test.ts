import { describe, expect, it } from 'vitest';

import { flavorSchema, specsToText } from './flavors';
import { createImageSchema } from './images';
import { createVolumeSchema } from './volumes';

const base = { name: 'm1.x', vcpus: '2', ramMb: '2048', diskGb: '20', ephemeralGb: '0', swapMb: '0', isPublic: true };

describe('shared form schemas', () => {
  it('read extra specs one key=value per line, and write them back the same way', () => {
    const parsed = flavorSchema.parse({ ...base, extraSpecs: 'hw:cpu_policy=dedicated\n\n quota:disk_read_bytes_sec = 1000 ' });
    expect(parsed.extraSpecs).toEqual({ 'hw:cpu_policy': 'dedicated', 'quota:disk_read_bytes_sec': '1000' });
    expect(specsToText(parsed.extraSpecs)).toBe('hw:cpu_policy=dedicated\nquota:disk_read_bytes_sec=1000');
    const bad = flavorSchema.safeParse({ ...base, extraSpecs: 'no equals sign' });
    expect(bad.success ? null : bad.error.issues[0]?.message).toBe('spec_format');
  });

  it('refuse a flavor without vCPUs', () => {
    const bad = flavorSchema.safeParse({ ...base, vcpus: '0' });
    expect(bad.success ? null : bad.error.issues[0]).toMatchObject({ path: ['vcpus'], message: 'at_least_one' });
  });

  it('take only http(s) URLs for an image import', () => {
    const image = { name: 'x', diskFormat: 'qcow2', containerFormat: 'bare', visibility: 'private', minDiskGb: 0, minRamMb: 0, protected: false, source: 'url' };
    expect(createImageSchema.safeParse({ ...image, url: 'https://cloud-images.example/jammy.img' }).success).toBe(true);
    for (const url of ['file:///etc/passwd', 'ftp://x/y.img', 'not a url']) {
      const result = createImageSchema.safeParse({ ...image, url });
      expect(result.success ? null : result.error.issues[0]?.message, url).toBe('url_not_http');
    }
  });

  it('ask for the image or snapshot a volume is made from', () => {
    const result = createVolumeSchema.safeParse({ name: 'v', sizeGb: '1', source: 'snapshot' });
    expect(result.success ? null : result.error.issues[0]).toMatchObject({ path: ['snapshotId'], message: 'snapshot_required' });
  });
});
