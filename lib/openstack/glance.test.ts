import { describe, expect, it } from 'vitest';

import { OpenStackError } from './errors';
import { useFakeService } from './fake-service';
import {
  createImage,
  deleteImage,
  glanceClient,
  imagePatch,
  importMethods,
  listImages,
  parseImage,
  updateImage,
  uploadImageData,
} from './glance';

// GET /v2/images/{id} as Glance answers it (api-ref sample shape, trimmed).
const CIRROS = {
  id: '1bea47ed-f6a9-463b-b423-14b9cca9ad27',
  name: 'cirros-0.6.2',
  status: 'active',
  visibility: 'public',
  owner: '5ef70662f8b34079a6eddb8da9d75fe8',
  protected: false,
  min_disk: 1,
  min_ram: 64,
  size: 21430272,
  virtual_size: 117440512,
  disk_format: 'qcow2',
  container_format: 'bare',
  checksum: 'c8fc807773e5354afe61636071771906',
  os_hash_algo: 'sha512',
  os_hash_value: 'abc',
  os_hidden: false,
  created_at: '2024-01-05T10:00:00Z',
  updated_at: '2024-01-05T10:01:00Z',
  tags: ['demo'],
  os_distro: 'cirros',
  hw_disk_bus: 'virtio',
  self: '/v2/images/1bea47ed-f6a9-463b-b423-14b9cca9ad27',
  file: '/v2/images/1bea47ed-f6a9-463b-b423-14b9cca9ad27/file',
  schema: '/v2/schemas/image',
};

const fake = useFakeService();

const client = () => glanceClient(`${fake.url}/image`, 'tok');

describe('parseImage', () => {
  it('gives clean names and keeps the non-core keys as properties', () => {
    const image = parseImage(CIRROS);
    expect(image).toMatchObject({ name: 'cirros-0.6.2', visibility: 'public', minDiskGb: 1, minRamMb: 64, sizeBytes: 21430272, diskFormat: 'qcow2', tags: ['demo'] });
    expect(image.properties).toEqual({ os_distro: 'cirros', hw_disk_bus: 'virtio' });
  });

  it('copes with a queued image that has no data yet', () => {
    const image = parseImage({ id: 'x', name: null, status: 'queued', visibility: 'private', size: null, checksum: null, disk_format: null });
    expect(image).toMatchObject({ name: '', sizeBytes: null, checksum: null, diskFormat: null, properties: {} });
  });
});

describe('glance client', () => {
  it('adds /v2 to the catalog URL once, and reads the next marker from the relative link', async () => {
    fake.on('GET /image/v2/images', { status: 200, body: { images: [CIRROS], first: '/v2/images', next: '/v2/images?marker=1bea47ed&limit=1', schema: '/v2/schemas/images' } });
    const page = await listImages(glanceClient(`${fake.url}/image/v2/`, 'tok'), { visibility: 'public', limit: 1 });
    expect(page.nextMarker).toBe('1bea47ed');
    expect(page.images[0]?.name).toBe('cirros-0.6.2');
    expect(fake.requests[0]?.url).toBe('/image/v2/images?visibility=public&limit=1&sort_key=name&sort_dir=asc');
    expect(fake.requests[0]?.headers['x-auth-token']).toBe('tok');
  });

  it('creates with wire names', async () => {
    fake.on('POST /image/v2/images', { status: 201, body: { ...CIRROS, status: 'queued', visibility: 'private' } });
    await createImage(client(), { name: 'x', diskFormat: 'qcow2', containerFormat: 'bare', visibility: 'private', minDiskGb: 2, minRamMb: 128, protected: true });
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({ name: 'x', disk_format: 'qcow2', container_format: 'bare', visibility: 'private', min_disk: 2, min_ram: 128, protected: true });
  });

  it('updates with a JSON patch in Glance’s media type', async () => {
    fake.on('PATCH /image/v2/images/abc', { status: 200, body: { ...CIRROS, name: 'renamed' } });
    const image = await updateImage(client(), 'abc', { name: 'renamed', protected: true });
    expect(image.name).toBe('renamed');
    expect(fake.requests[0]?.headers['content-type']).toBe('application/openstack-images-v2.1-json-patch');
    expect(JSON.parse(fake.requests[0]!.body)).toEqual([
      { op: 'replace', path: '/name', value: 'renamed' },
      { op: 'replace', path: '/protected', value: true },
    ]);
    expect(imagePatch({})).toEqual([]);
  });

  it('streams data as octet-stream', async () => {
    fake.on('PUT /image/v2/images/abc/file', { status: 204 });
    const bytes = new TextEncoder().encode('disk image bytes');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    await uploadImageData(client(), 'abc', stream, { sizeBytes: bytes.length });
    expect(fake.requests[0]?.headers['content-type']).toBe('application/octet-stream');
    expect(fake.requests[0]?.body).toBe('disk image bytes');
  });

  it('turns a refused delete of a protected image into an error with its message', async () => {
    fake.on('DELETE /image/v2/images/abc', { status: 403, body: { message: 'Image abc is protected and cannot be deleted.', code: '403 Forbidden', title: 'Forbidden' } });
    const error = await deleteImage(client(), 'abc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenStackError);
    expect(error).toMatchObject({ status: 403, service: 'image', message: 'Image abc is protected and cannot be deleted.' });
  });

  it('reads the enabled import methods, none when the cloud has no import API', async () => {
    fake.on('GET /image/v2/info/import', { status: 200, body: { 'import-methods': { description: 'Import methods available.', type: 'array', value: ['glance-direct', 'web-download'] } } });
    expect(await importMethods(client())).toEqual(['glance-direct', 'web-download']);
    fake.on('GET /image/v2/info/import', { status: 404, body: { message: 'Not found' } });
    expect(await importMethods(client())).toEqual([]);
  });
});
