import { beforeEach, describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { createImageSchema, updateImageSchema } from '../validation/images';
import { fakeScope } from './fake-scope';
import { createImageFromRequest, removeImage, updateImageFromRequest, uploadImage, uploadLimitBytes } from './images';

const QUEUED = { id: 'img-1', name: 'new', status: 'queued', visibility: 'private', owner: 'p-demo', protected: false, min_disk: 0, min_ram: 0, size: null, created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z', tags: [] };

const fake = useFakeService();
beforeEach(() => {
  delete process.env.ZENITH_IMAGE_UPLOAD_MAX_MB;
  fake.on('POST /image/v2/images', { status: 201, body: QUEUED });
  fake.on('GET /image/v2/images/img-1', { status: 200, body: QUEUED });
  fake.on('DELETE /image/v2/images/img-1', { status: 204 });
  fake.on('GET /image/v2/info/import', { status: 200, body: { 'import-methods': { value: ['glance-direct', 'web-download'] } } });
});

const fields = { name: 'new', diskFormat: 'qcow2', containerFormat: 'bare', minDiskGb: 0, minRamMb: 0, protected: false };
const calls = () => fake.requests.map((r) => `${r.method} ${r.url.replace('/image/v2', '')}`);

describe('creating images', () => {
  it('refuses public visibility to a member, with the reason on the field, before calling Glance', async () => {
    const input = createImageSchema.parse({ ...fields, visibility: 'public', source: 'url', url: 'https://example.com/cirros.img' });
    await expect(createImageFromRequest(fakeScope(fake.url), input)).rejects.toMatchObject({ payload: { status: 403, fields: { visibility: 'public_admin_only' } } });
    expect(fake.requests).toHaveLength(0);
  });

  it('removes the new image again when Glance refuses the web-download import', async () => {
    fake.on('POST /image/v2/images/img-1/import', { status: 400, body: { message: 'URI is not allowed by the configuration' } });
    const input = createImageSchema.parse({ ...fields, visibility: 'private', source: 'url', url: 'http://10.0.0.1/x.img' });
    await expect(createImageFromRequest(fakeScope(fake.url), input)).rejects.toMatchObject({ status: 400, message: 'URI is not allowed by the configuration' });
    expect(calls()).toEqual(['GET /info/import', 'POST /images', 'POST /images/img-1/import', 'DELETE /images/img-1']);
  });

  it('refuses a file over the limit before creating anything', async () => {
    process.env.ZENITH_IMAGE_UPLOAD_MAX_MB = '1';
    expect(uploadLimitBytes()).toBe(1024 * 1024);
    const input = createImageSchema.parse({ ...fields, visibility: 'private', source: 'file', sizeBytes: 2 * 1024 * 1024 });
    await expect(createImageFromRequest(fakeScope(fake.url), input)).rejects.toMatchObject({ payload: { status: 413, fields: { file: 'too_large' } } });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('uploading image data', () => {
  it('cuts off a body that grows past the limit, and deletes the empty image', async () => {
    process.env.ZENITH_IMAGE_UPLOAD_MAX_MB = String(1 / 1024); // 1 KiB
    fake.on('PUT /image/v2/images/img-1/file', { status: 204 });
    const request = new Request('http://zenith/api/images/img-1/file', { method: 'PUT', body: new Uint8Array(4096), headers: { 'Content-Type': 'application/octet-stream' } });
    // The declared length already says too much.
    await expect(uploadImage(fakeScope(fake.url), 'img-1', request)).rejects.toMatchObject({ payload: { status: 413 } });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(512));
        controller.close();
      },
    });
    const undeclared = new Request('http://zenith/api/images/img-1/file', { method: 'PUT', body: chunks, duplex: 'half' } as RequestInit);
    await expect(uploadImage(fakeScope(fake.url), 'img-1', undeclared)).rejects.toMatchObject({ payload: { status: 413 } });
    expect(calls()).toContain('DELETE /images/img-1');
  });
});

describe('deleting images', () => {
  it('says a protected image must be unprotected first', async () => {
    fake.on('DELETE /image/v2/images/img-1', { status: 403, body: { message: 'Image img-1 is protected and cannot be deleted.' } });
    fake.on('GET /image/v2/images/img-1', { status: 200, body: { ...QUEUED, status: 'active', protected: true } });
    await expect(removeImage(fakeScope(fake.url), 'img-1')).rejects.toMatchObject({ payload: { code: 'image.protected', status: 403, requestId: 'req-fake' } });
  });
});

describe('editing tags and properties', () => {
  const OWNED = { ...QUEUED, status: 'active', tags: ['old'], os_distro: 'cirros', hw_disk_bus: 'virtio' };

  it('sends only what changed: the whole tag list, changed and new properties, removed ones', async () => {
    fake.on('GET /image/v2/images/img-1', { status: 200, body: OWNED });
    fake.on('PATCH /image/v2/images/img-1', { status: 200, body: { ...OWNED, tags: ['web'] } });
    const input = updateImageSchema.parse({
      name: 'new',
      visibility: 'private',
      minDiskGb: 0,
      minRamMb: 0,
      protected: false,
      tags: ['web', 'web'],
      properties: [
        { key: 'os_distro', value: 'ubuntu' },
        { key: 'a/b~c', value: 'x' },
      ],
    });
    await updateImageFromRequest(fakeScope(fake.url), 'img-1', input);
    const patch = fake.requests.find((r) => r.method === 'PATCH');
    expect(JSON.parse(patch!.body)).toEqual([
      { op: 'replace', path: '/tags', value: ['web'] },
      { op: 'replace', path: '/os_distro', value: 'ubuntu' },
      { op: 'add', path: '/a~1b~0c', value: 'x' },
      { op: 'remove', path: '/hw_disk_bus' },
    ]);
  });

  it('sends nothing when tags and properties are as they were', async () => {
    fake.on('GET /image/v2/images/img-1', { status: 200, body: OWNED });
    const input = updateImageSchema.parse({
      name: 'new', visibility: 'private', minDiskGb: 0, minRamMb: 0, protected: false,
      tags: ['old'],
      properties: [{ key: 'hw_disk_bus', value: 'virtio' }, { key: 'os_distro', value: 'cirros' }],
    });
    await updateImageFromRequest(fakeScope(fake.url), 'img-1', input);
    expect(calls()).toEqual(['GET /images/img-1']);
  });

  it('names the bad property or tag before anything is sent', () => {
    const base = { name: 'n', visibility: 'private', minDiskGb: 0, minRamMb: 0, protected: false };
    const issues = (input: object) => updateImageSchema.safeParse({ ...base, ...input }).error?.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(issues({ properties: [{ key: 'min_ram', value: '1' }] })).toEqual(['properties.0.key:property_key_reserved']);
    expect(issues({ properties: [{ key: 'os_glance_import', value: '1' }] })).toEqual(['properties.0.key:property_key_reserved']);
    expect(issues({ properties: [{ key: 'k', value: '1' }, { key: 'k', value: '2' }] })).toEqual(['properties:property_duplicate']);
    expect(issues({ properties: [{ key: ' ', value: '1' }] })).toEqual(['properties.0.key:property_key_required']);
    expect(issues({ tags: ['a/b'] })).toEqual(['tags.0:tag_slash']);
  });
});
