// Glance v2 images as python-glanceclient, openstacksdk and the dashboard use them.

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_IDS } from '../../seeds/images';
import { PROJECT_IDS } from '../../seeds/ids';
import { call, control, login, startTestCloud, type TestCloud } from '../../testing/test-cloud';

let cloud: TestCloud;
let admin: string;
let demo: string;
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' });
  admin = await login(cloud.app, { user: 'admin', project: 'admin' });
  demo = await login(cloud.app, { user: 'demo', project: 'demo' });
});
afterAll(async () => cloud.dispose());

const PATCH = { 'content-type': 'application/openstack-images-v2.1-json-patch' };

const create = async (token: string, body: Record<string, unknown>) => {
  const response = await call(cloud.app, token, 'POST', '/image/v2/images', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Record<string, unknown> & { id: string };
};

const patch = (token: string, id: string, ops: unknown, headers: Record<string, string> = PATCH) =>
  cloud.app.inject({
    method: 'PATCH',
    url: `/image/v2/images/${id}`,
    payload: JSON.stringify(ops),
    headers: { 'x-auth-token': token, ...headers },
  });

const upload = (token: string, id: string, data: Buffer, type = 'application/octet-stream') =>
  cloud.app.inject({
    method: 'PUT',
    url: `/image/v2/images/${id}/file`,
    payload: data,
    headers: { 'x-auth-token': token, 'content-type': type },
  });

describe('listing', () => {
  it('lists the demo images with Glance’s links and attributes', async () => {
    const response = await call(cloud.app, demo, 'GET', '/image/v2/images');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.schema).toBe('/v2/schemas/images');
    expect(body.first).toBe('/v2/images');
    expect(body.next).toBeUndefined();
    const cirros = body.images.find((i: { name: string }) => i.name === 'cirros');
    expect(cirros).toMatchObject({
      id: IMAGE_IDS.cirros,
      status: 'active',
      visibility: 'public',
      owner: PROJECT_IDS.admin,
      disk_format: 'qcow2',
      container_format: 'bare',
      min_disk: 1,
      os_hash_algo: 'sha512',
      self: `/v2/images/${IMAGE_IDS.cirros}`,
      file: `/v2/images/${IMAGE_IDS.cirros}/file`,
      schema: '/v2/schemas/image',
      virtual_size: null,
    });
    expect(cirros.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(cirros.checksum).toMatch(/^[0-9a-f]{32}$/);
  });

  it('pages with limit and marker, keeping other parameters in first and next', async () => {
    const first = (await call(cloud.app, demo, 'GET', '/image/v2/images?limit=2&sort_key=name&sort_dir=asc')).json();
    expect(first.images.map((i: { name: string }) => i.name)).toEqual(['Cirros 0.3.4', 'RHEL 7']);
    expect(first.first).toBe('/v2/images?limit=2&sort_key=name&sort_dir=asc');
    expect(first.next).toBe(`/v2/images?limit=2&sort_key=name&sort_dir=asc&marker=${IMAGE_IDS.rhel7}`);
    const second = (await call(cloud.app, demo, 'GET', `/image${first.next}`)).json();
    expect(second.images.map((i: { name: string }) => i.name)).toEqual(['cirros', 'ubuntu-24.04']);
    const third = (await call(cloud.app, demo, 'GET', `/image${second.next}`)).json();
    expect(third.images).toEqual([]);
    expect(third.next).toBeUndefined();
  });

  it('sorts with the sort=key:dir form', async () => {
    const body = (await call(cloud.app, demo, 'GET', '/image/v2/images?sort=min_disk:desc,name:asc')).json();
    expect(body.images.map((i: { name: string }) => i.name)).toEqual(['RHEL 7', 'ubuntu-24.04', 'Cirros 0.3.4', 'cirros']);
  });

  it('filters by name, status, visibility, owner and tag', async () => {
    const byName = (await call(cloud.app, demo, 'GET', '/image/v2/images?name=RHEL%207')).json();
    expect(byName.images.map((i: { id: string }) => i.id)).toEqual([IMAGE_IDS.rhel7]);
    const queued = (await call(cloud.app, demo, 'GET', '/image/v2/images?status=queued')).json();
    expect(queued.images).toEqual([]);
    const byOwner = (await call(cloud.app, demo, 'GET', `/image/v2/images?owner=${PROJECT_IDS.admin}`)).json();
    expect(byOwner.images).toHaveLength(4);
    const privateOnes = (await call(cloud.app, demo, 'GET', '/image/v2/images?visibility=private')).json();
    expect(privateOnes.images).toEqual([]);
    const tagged = (await call(cloud.app, demo, 'GET', '/image/v2/images?tag=nothing')).json();
    expect(tagged.images).toEqual([]);
  });

  it('refuses bad parameters with 400', async () => {
    for (const query of ['limit=abc', 'limit=-1', 'sort_key=color', 'sort_dir=up', 'visibility=everyone', 'member_status=maybe', 'marker=nope']) {
      const response = await call(cloud.app, demo, 'GET', `/image/v2/images?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json()).toMatchObject({ code: '400 Bad Request', title: 'Bad Request' });
    }
  });

  it('needs a token', async () => {
    const response = await call(cloud.app, undefined, 'GET', '/image/v2/images');
    expect(response.statusCode).toBe(401);
  });
});

describe('create, show, update, delete', () => {
  it('creates a queued, shared image owned by the caller’s project, with extra properties', async () => {
    const image = await create(demo, { name: 'mine', disk_format: 'raw', container_format: 'bare', os_distro: 'debian', tags: ['a', 'a', 'b'] });
    expect(image).toMatchObject({
      name: 'mine',
      status: 'queued',
      visibility: 'shared',
      owner: PROJECT_IDS.demo,
      protected: false,
      size: null,
      checksum: null,
      os_distro: 'debian',
      tags: ['a', 'b'],
      min_disk: 0,
      min_ram: 0,
    });
    const shown = await call(cloud.app, demo, 'GET', `/image/v2/images/${image.id}`);
    expect(shown.json()).toEqual(image);
  });

  it('accepts a client-chosen id once', async () => {
    const id = '0f9a6c1e-1111-4222-8333-444455556666';
    await create(demo, { id, name: 'with-id' });
    const again = await call(cloud.app, demo, 'POST', '/image/v2/images', { id, name: 'again' });
    expect(again.statusCode).toBe(409);
    const bad = await call(cloud.app, demo, 'POST', '/image/v2/images', { id: 'not-a-uuid' });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses read-only attributes, bad values and non-string properties', async () => {
    const cases: [Record<string, unknown>, number][] = [
      [{ status: 'active' }, 403],
      [{ checksum: 'x' }, 403],
      [{ size: 10 }, 403],
      [{ disk_format: 'floppy' }, 400],
      [{ container_format: 1 }, 400],
      [{ min_disk: -1 }, 400],
      [{ min_ram: 'lots' }, 400],
      [{ protected: 'yes' }, 400],
      [{ name: 'x'.repeat(256) }, 400],
      [{ tags: 'a' }, 400],
      [{ custom: 5 }, 400],
      [{ visibility: 'everyone' }, 400],
      [{ os_glance_import_task: 'x' }, 403],
      [{ location: 'http://x' }, 403],
    ];
    for (const [body, status] of cases) {
      const response = await call(cloud.app, demo, 'POST', '/image/v2/images', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().code).toBe(`${status} ${status === 400 ? 'Bad Request' : 'Forbidden'}`);
    }
    const notObject = await call(cloud.app, demo, 'POST', '/image/v2/images', [1]);
    expect(notObject.statusCode).toBe(400);
  });

  it('lets only admins make an image public', async () => {
    const refused = await call(cloud.app, demo, 'POST', '/image/v2/images', { name: 'pub', visibility: 'public' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe('You are not authorized to complete publicize_image action.');
    const mine = await create(demo, { name: 'to-publish' });
    const patched = await patch(demo, mine.id, [{ op: 'replace', path: '/visibility', value: 'public' }]);
    expect(patched.statusCode).toBe(403);
    const community = await patch(demo, mine.id, [{ op: 'replace', path: '/visibility', value: 'community' }]);
    expect(community.json().visibility).toBe('community');
    const byAdmin = await create(admin, { name: 'admin-public', visibility: 'public' });
    expect(byAdmin.visibility).toBe('public');
  });

  it('applies add, replace and remove in a JSON patch', async () => {
    const image = await create(demo, { name: 'patch-me', hw_disk_bus: 'virtio' });
    const response = await patch(demo, image.id, [
      { op: 'replace', path: '/name', value: 'patched' },
      { op: 'add', path: '/os_type', value: 'linux' },
      { op: 'remove', path: '/hw_disk_bus' },
      { op: 'replace', path: '/min_ram', value: 256 },
      { op: 'add', path: '/tags/-', value: 'web' },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ name: 'patched', os_type: 'linux', min_ram: 256, tags: ['web'] });
    expect(body.hw_disk_bus).toBeUndefined();
  });

  it('refuses patches in another media type, malformed, or on absent properties', async () => {
    const image = await create(demo, { name: 'strict' });
    const json = await patch(demo, image.id, [{ op: 'replace', path: '/name', value: 'x' }], { 'content-type': 'application/json' });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('415 Unsupported Media Type');
    expect((await patch(demo, image.id, { op: 'replace' })).statusCode).toBe(400);
    expect((await patch(demo, image.id, [{ op: 'move', path: '/name', value: 'x' }])).statusCode).toBe(400);
    expect((await patch(demo, image.id, [{ op: 'replace', path: 'name', value: 'x' }])).statusCode).toBe(400);
    expect((await patch(demo, image.id, [{ op: 'remove', path: '/absent' }])).statusCode).toBe(409);
    expect((await patch(demo, image.id, [{ op: 'replace', path: '/absent', value: 'x' }])).statusCode).toBe(409);
    expect((await patch(demo, image.id, [{ op: 'replace', path: '/status', value: 'active' }])).statusCode).toBe(403);
    expect((await patch(demo, image.id, [{ op: 'remove', path: '/name' }])).statusCode).toBe(403);
  });

  it('lets owners edit their images, not others’; hides private images from others', async () => {
    const publicOne = await patch(demo, IMAGE_IDS.cirros, [{ op: 'replace', path: '/name', value: 'x' }]);
    expect(publicOne.statusCode).toBe(403);
    const privateOne = await create(admin, { name: 'admin-only', visibility: 'private' });
    expect((await call(cloud.app, demo, 'GET', `/image/v2/images/${privateOne.id}`)).statusCode).toBe(404);
    expect((await patch(demo, privateOne.id, [{ op: 'replace', path: '/name', value: 'x' }])).statusCode).toBe(404);
    const list = (await call(cloud.app, demo, 'GET', '/image/v2/images?limit=1000')).json();
    expect(list.images.map((i: { id: string }) => i.id)).not.toContain(privateOne.id);
    const adminPatch = await patch(admin, (await create(demo, { name: 'demo-owned' })).id, [{ op: 'add', path: '/note', value: 'admin was here' }]);
    expect(adminPatch.statusCode).toBe(200);
  });

  it('deletes with 204, refuses protected images and others’ images, then 404', async () => {
    const image = await create(demo, { name: 'doomed', protected: true });
    const refused = await call(cloud.app, demo, 'DELETE', `/image/v2/images/${image.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe(`Image ${image.id} is protected and cannot be deleted.`);
    await patch(demo, image.id, [{ op: 'replace', path: '/protected', value: false }]);
    expect((await call(cloud.app, demo, 'DELETE', `/image/v2/images/${IMAGE_IDS.cirros}`)).statusCode).toBe(403);
    expect((await call(cloud.app, demo, 'DELETE', `/image/v2/images/${image.id}`)).statusCode).toBe(204);
    const gone = await call(cloud.app, demo, 'GET', `/image/v2/images/${image.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toEqual({ code: '404 Not Found', title: 'Not Found', message: `No image found with ID ${image.id}` });
  });
});

describe('image data', () => {
  it('hashes an upload, keeps only size and digests, and turns the image active', async () => {
    const image = await create(demo, { name: 'uploaded', disk_format: 'qcow2', container_format: 'bare' });
    const data = Buffer.from('not really a qcow2 file, but bytes all the same');
    const response = await upload(demo, image.id, data);
    expect(response.statusCode).toBe(204);
    const shown = (await call(cloud.app, demo, 'GET', `/image/v2/images/${image.id}`)).json();
    expect(shown).toMatchObject({
      status: 'active',
      size: data.length,
      checksum: createHash('md5').update(data).digest('hex'),
      os_hash_algo: 'sha512',
      os_hash_value: createHash('sha512').update(data).digest('hex'),
    });
    const again = await upload(demo, image.id, data);
    expect(again.statusCode).toBe(409);
    const download = await call(cloud.app, demo, 'GET', `/image/v2/images/${image.id}/file`);
    expect(download.statusCode).toBe(204);
  });

  it('refuses an upload before the formats are set, in another media type, or to others’ images', async () => {
    const image = await create(demo, { name: 'formatless' });
    expect((await upload(demo, image.id, Buffer.from('x'))).statusCode).toBe(400);
    expect((await upload(demo, image.id, Buffer.from('x'), 'text/plain')).statusCode).toBe(415);
    expect((await upload(demo, IMAGE_IDS.cirros, Buffer.from('x'))).statusCode).toBe(403);
    expect((await upload(demo, '00000000-0000-4000-8000-000000000000', Buffer.from('x'))).statusCode).toBe(404);
  });

  it('imports by web-download without fetching: importing, then active after a few simulated seconds', async () => {
    await control(cloud.app, 'clock', { mode: 'manual' });
    try {
      const info = (await call(cloud.app, demo, 'GET', '/image/v2/info/import')).json();
      expect(info['import-methods'].value).toEqual(['web-download']);
      const image = await create(demo, { name: 'from-url', disk_format: 'qcow2', container_format: 'bare' });
      const body = { method: { name: 'web-download', uri: 'https://example.com/cirros.img' } };
      const response = await call(cloud.app, demo, 'POST', `/image/v2/images/${image.id}/import`, body);
      expect(response.statusCode).toBe(202);
      expect((await call(cloud.app, demo, 'GET', `/image/v2/images/${image.id}`)).json().status).toBe('importing');
      const twice = await call(cloud.app, demo, 'POST', `/image/v2/images/${image.id}/import`, body);
      expect(twice.statusCode).toBe(409);
      await control(cloud.app, 'clock/advance', { seconds: 6 });
      const done = (await call(cloud.app, demo, 'GET', `/image/v2/images/${image.id}`)).json();
      expect(done).toMatchObject({ status: 'active', size: null });
    } finally {
      await control(cloud.app, 'clock', { mode: 'real' });
    }
  });

  it('lets admins deactivate and reactivate an image; members cannot download a deactivated one', async () => {
    const image = await create(admin, { name: 'to-deactivate', visibility: 'public', disk_format: 'raw', container_format: 'bare' });
    const url = `/image/v2/images/${image.id}/actions`;
    expect((await call(cloud.app, admin, 'POST', `${url}/deactivate`)).statusCode).toBe(403);
    await upload(admin, image.id, Buffer.from('bytes'));
    expect((await call(cloud.app, demo, 'POST', `${url}/deactivate`)).statusCode).toBe(403);
    expect((await call(cloud.app, admin, 'POST', `${url}/deactivate`)).statusCode).toBe(204);
    expect((await call(cloud.app, demo, 'GET', `/image/v2/images/${image.id}`)).json().status).toBe('deactivated');
    expect((await call(cloud.app, demo, 'GET', `/image/v2/images/${image.id}/file`)).statusCode).toBe(403);
    expect((await call(cloud.app, admin, 'POST', `${url}/reactivate`)).statusCode).toBe(204);
    expect((await call(cloud.app, demo, 'GET', `/image/v2/images/${image.id}`)).json().status).toBe('active');
  });

  it('refuses imports with an unknown method or no usable URI', async () => {
    const image = await create(demo, { name: 'bad-import', disk_format: 'qcow2', container_format: 'bare' });
    for (const body of [{}, { method: { name: 'glance-direct' } }, { method: { name: 'web-download' } }, { method: { name: 'web-download', uri: 'file:///etc/passwd' } }]) {
      const response = await call(cloud.app, demo, 'POST', `/image/v2/images/${image.id}/import`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('schemas, sharing and tags', () => {
  it('serves the image and images schemas glanceclient reads', async () => {
    const image = (await call(cloud.app, demo, 'GET', '/image/v2/schemas/image')).json();
    expect(image.name).toBe('image');
    expect(image.additionalProperties).toEqual({ type: 'string' });
    expect(image.properties.checksum.type).toContain('null');
    expect(image.links.map((l: { rel: string }) => l.rel)).toEqual(['self', 'enclosure', 'describedby']);
    const images = (await call(cloud.app, demo, 'GET', '/image/v2/schemas/images')).json();
    expect(images.properties.images.items.name).toBe('image');
  });

  it('shares an image with a project, which sees it once it accepts', async () => {
    const image = await create(admin, { name: 'for-demo', visibility: 'shared' });
    const added = await call(cloud.app, admin, 'POST', `/image/v2/images/${image.id}/members`, { member: PROJECT_IDS.demo });
    expect(added.json()).toMatchObject({ member_id: PROJECT_IDS.demo, status: 'pending', schema: '/v2/schemas/member' });
    const before = (await call(cloud.app, demo, 'GET', '/image/v2/images?limit=1000')).json();
    expect(before.images.map((i: { id: string }) => i.id)).not.toContain(image.id);
    const pending = (await call(cloud.app, demo, 'GET', '/image/v2/images?visibility=shared&member_status=pending')).json();
    expect(pending.images.map((i: { id: string }) => i.id)).toContain(image.id);
    const byOwner = await call(cloud.app, admin, 'PUT', `/image/v2/images/${image.id}/members/${PROJECT_IDS.demo}`, { status: 'accepted' });
    expect(byOwner.statusCode).toBe(403);
    const accepted = await call(cloud.app, demo, 'PUT', `/image/v2/images/${image.id}/members/${PROJECT_IDS.demo}`, { status: 'accepted' });
    expect(accepted.json().status).toBe('accepted');
    const after = (await call(cloud.app, demo, 'GET', '/image/v2/images?limit=1000')).json();
    expect(after.images.map((i: { id: string }) => i.id)).toContain(image.id);
    const duplicate = await call(cloud.app, admin, 'POST', `/image/v2/images/${image.id}/members`, { member: PROJECT_IDS.demo });
    expect(duplicate.statusCode).toBe(409);
  });

  it('adds and removes single tags', async () => {
    const image = await create(demo, { name: 'tagged' });
    expect((await call(cloud.app, demo, 'PUT', `/image/v2/images/${image.id}/tags/gold`)).statusCode).toBe(204);
    expect((await call(cloud.app, demo, 'GET', '/image/v2/images?tag=gold')).json().images.map((i: { id: string }) => i.id)).toEqual([image.id]);
    expect((await call(cloud.app, demo, 'DELETE', `/image/v2/images/${image.id}/tags/gold`)).statusCode).toBe(204);
    expect((await call(cloud.app, demo, 'DELETE', `/image/v2/images/${image.id}/tags/gold`)).statusCode).toBe(404);
  });
});
