// The Cinder volume API as clients see it: microversions, both URL forms, create from every
// source with Cinder's refusals, the lifecycle on the simulation clock, extend, update,
// metadata, delete rules and list paging.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IMAGE_IDS } from '../../seeds/images';
import { PROJECT_IDS } from '../../seeds/ids';
import { startVolumeCloud, type VolumeTestCloud } from './volume-testing';

let cloud: VolumeTestCloud;
beforeAll(async () => {
  cloud = await startVolumeCloud();
});
afterAll(async () => cloud.dispose());
beforeEach(async () => cloud.reset());

const CINDER_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/;

describe('microversions and URLs', () => {
  it('serves 3.0 without a header and echoes the version with Vary', async () => {
    const plain = await cloud.cinder(cloud.demo, 'GET', '/volumes');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['openstack-api-version']).toBe('volume 3.0');
    expect(plain.headers.vary).toBe('OpenStack-API-Version');
    const asked = await cloud.cinder(cloud.demo, 'GET', '/volumes', undefined, '3.27');
    expect(asked.headers['openstack-api-version']).toBe('volume 3.27');
    const latest = await cloud.cinder(cloud.demo, 'GET', '/volumes', undefined, 'latest');
    expect(latest.headers['openstack-api-version']).toBe('volume 3.27');
  });

  it('answers 406 out of range and 400 when malformed', async () => {
    const high = await cloud.cinder(cloud.demo, 'GET', '/volumes', undefined, '3.99');
    expect(high.statusCode).toBe(406);
    expect(high.json().computeFault.message).toBe('Version 3.99 is not supported by the API. Minimum is 3.0 and maximum is 3.27.');
    const bad = await cloud.cinder(cloud.demo, 'GET', '/volumes', undefined, '3.x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().badRequest.message).toMatch(/invalid format/);
  });

  it('advertises 3.27 in the discovery documents', async () => {
    const root = await cloud.app.inject({ method: 'GET', url: '/volume/' });
    expect(root.statusCode).toBe(300);
    expect(root.json().versions[0]).toMatchObject({ version: '3.27', min_version: '3.0' });
  });

  it('works with the project id in the URL too', async () => {
    const id = await cloud.volume(cloud.demo, { name: 'legacy' });
    const response = await cloud.app.inject({
      method: 'GET',
      url: `/volume/v3/${PROJECT_IDS.demo}/volumes/${id}`,
      headers: { 'x-auth-token': cloud.demo },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().volume.name).toBe('legacy');
  });

  it('refuses a request without a token with 401', async () => {
    const response = await cloud.app.inject({ method: 'GET', url: '/volume/v3/volumes' });
    expect(response.statusCode).toBe(401);
  });
});

describe('POST /volumes', () => {
  it('creates an empty volume: 202, creating, then available on the clock', async () => {
    const response = await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { size: 1, name: 'data', description: 'd' } });
    expect(response.statusCode).toBe(202);
    const volume = response.json().volume;
    expect(volume).toMatchObject({
      name: 'data',
      description: 'd',
      size: 1,
      status: 'creating',
      bootable: 'false',
      volume_type: '__DEFAULT__',
      attachments: [],
      multiattach: false,
      availability_zone: 'nova',
      'os-vol-tenant-attr:tenant_id': PROJECT_IDS.demo,
    });
    expect(volume.created_at).toMatch(CINDER_TIME);
    expect(volume.links[0].href).toBe(`http://cloud.test:8788/volume/v3/${PROJECT_IDS.demo}/volumes/${volume.id}`);
    await cloud.advance(2);
    const shown = (await cloud.cinder(cloud.demo, 'GET', `/volumes/${volume.id}`)).json().volume;
    expect(shown.status).toBe('available');
    expect(shown.updated_at).toMatch(CINDER_TIME);
  });

  it('accepts the size as a digit string, as cinderclient may send it', async () => {
    const response = await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { size: '3' } });
    expect(response.statusCode).toBe(202);
    expect(response.json().volume.size).toBe(3);
  });

  it.each([
    [{ size: 0 }, 'Invalid input for field/attribute size. Value: 0. 0 is less than the minimum of 1'],
    [{ size: 1.5 }, 'Invalid input for field/attribute size. Value: 1.5. 1.5 must be an integer'],
    [{ size: 'big' }, 'Invalid input for field/attribute size.'],
    [{ size: 1, name: 'x'.repeat(256) }, 'is too long'],
    [{}, "Volume size 'None' must be an integer and greater than 0"],
  ])('refuses %j with 400', async (fields, message) => {
    const response = await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: fields });
    expect(response.statusCode).toBe(400);
    expect(response.json().badRequest.message).toContain(message);
    const list = await cloud.cinder(cloud.demo, 'GET', '/volumes');
    expect(list.json().volumes).toEqual([]);
  });

  it('refuses a missing body and an unknown volume type', async () => {
    const empty = await cloud.cinder(cloud.demo, 'POST', '/volumes', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().badRequest.message).toBe("Missing required element 'volume' in request body.");
    const type = await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { size: 1, volume_type: 'gold' } });
    expect(type.statusCode).toBe(404);
    expect(type.json().itemNotFound.message).toBe('Volume type with name gold could not be found.');
  });

  it('takes a type by name or id', async () => {
    const ssd = await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { size: 1, volume_type: 'ssd' } });
    expect(ssd.json().volume.volume_type).toBe('ssd');
  });

  it('creates a bootable volume from an image: downloading, then available, with image metadata', async () => {
    const response = await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { size: 1, imageRef: IMAGE_IDS.cirros } });
    expect(response.statusCode).toBe(202);
    const volume = response.json().volume;
    expect(volume.status).toBe('downloading');
    expect(volume.bootable).toBe('true');
    expect(volume.volume_image_metadata).toMatchObject({ image_id: IMAGE_IDS.cirros, image_name: 'cirros', min_disk: '1' });
    await cloud.advance(8);
    expect((await cloud.cinder(cloud.demo, 'GET', `/volumes/${volume.id}`)).json().volume.status).toBe('available');
  });

  it('refuses a volume smaller than the image minDisk, and an unknown image', async () => {
    const small = await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { size: 5, imageRef: IMAGE_IDS.rhel7 } });
    expect(small.statusCode).toBe(400);
    expect(small.json().badRequest.message).toBe(
      'Invalid input received: Volume size 5GB cannot be smaller than the image minDisk size 10GB.',
    );
    const missing = await cloud.cinder(cloud.demo, 'POST', '/volumes', {
      volume: { size: 1, imageRef: '00000000-0000-0000-0000-000000000000' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().itemNotFound.message).toBe('Image 00000000-0000-0000-0000-000000000000 could not be found.');
  });

  it('creates from a snapshot (at least its size) and clones a volume', async () => {
    const source = await cloud.volume(cloud.demo, { size: 2, imageRef: IMAGE_IDS.cirros });
    const snap = (await cloud.cinder(cloud.demo, 'POST', '/snapshots', { snapshot: { volume_id: source } })).json().snapshot;
    await cloud.advance(2);
    const tooSmall = await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { size: 1, snapshot_id: snap.id } });
    expect(tooSmall.statusCode).toBe(400);
    expect(tooSmall.json().badRequest.message).toBe(
      "Invalid input received: Volume size '1'GB cannot be smaller than the snapshot size 2GB. They must be >= original snapshot size.",
    );
    const fromSnap = await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { snapshot_id: snap.id } });
    expect(fromSnap.statusCode).toBe(202);
    expect(fromSnap.json().volume).toMatchObject({ size: 2, snapshot_id: snap.id, bootable: 'true' });
    const clone = await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { source_volid: source, size: 3 } });
    expect(clone.statusCode).toBe(202);
    expect(clone.json().volume).toMatchObject({ size: 3, source_volid: source });
    const smallClone = await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { source_volid: source, size: 1 } });
    expect(smallClone.statusCode).toBe(400);
  });
});

describe('reading volumes', () => {
  it('lists summaries and details of the own project only, newest first', async () => {
    const first = await cloud.volume(cloud.demo, { name: 'one' });
    const second = await cloud.volume(cloud.demo, { name: 'two' });
    await cloud.volume(cloud.admin, { name: 'admins' });
    const summary = (await cloud.cinder(cloud.demo, 'GET', '/volumes')).json().volumes;
    expect(summary.map((v: { id: string }) => v.id)).toEqual([second, first]);
    expect(Object.keys(summary[0]).sort()).toEqual(['id', 'links', 'name']);
    const detail = (await cloud.cinder(cloud.demo, 'GET', '/volumes/detail?name=one')).json().volumes;
    expect(detail).toHaveLength(1);
    expect(detail[0].status).toBe('available');
  });

  it('pages with limit and marker and a next link', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await cloud.volume(cloud.demo, { name: `v${i}` }));
    const page1 = (await cloud.cinder(cloud.demo, 'GET', '/volumes/detail?limit=2')).json();
    expect(page1.volumes.map((v: { id: string }) => v.id)).toEqual([ids[2], ids[1]]);
    expect(page1.volumes_links[0].rel).toBe('next');
    const next = new URL(page1.volumes_links[0].href);
    expect(next.searchParams.get('marker')).toBe(ids[1]);
    const page2 = (await cloud.cinder(cloud.demo, 'GET', `/volumes/detail?limit=2&marker=${ids[1]}`)).json();
    expect(page2.volumes.map((v: { id: string }) => v.id)).toEqual([ids[0]]);
    expect(page2.volumes_links).toBeUndefined();
    const bad = await cloud.cinder(cloud.demo, 'GET', '/volumes?limit=abc');
    expect(bad.statusCode).toBe(400);
  });

  it('sorts by name ascending on request', async () => {
    await cloud.volume(cloud.demo, { name: 'b' });
    await cloud.volume(cloud.demo, { name: 'a' });
    const names = (await cloud.cinder(cloud.demo, 'GET', '/volumes/detail?sort=name:asc')).json().volumes.map((v: { name: string }) => v.name);
    expect(names).toEqual(['a', 'b']);
    expect((await cloud.cinder(cloud.demo, 'GET', '/volumes?sort=colour:asc')).statusCode).toBe(400);
  });

  it('shows all projects to an admin with all_tenants, and hides other projects from members', async () => {
    const mine = await cloud.volume(cloud.demo);
    const theirs = await cloud.volume(cloud.admin);
    const all = (await cloud.cinder(cloud.admin, 'GET', '/volumes/detail?all_tenants=1')).json().volumes;
    expect(all.map((v: { id: string }) => v.id).sort()).toEqual([mine, theirs].sort());
    expect(all[0]['os-vol-host-attr:host']).toBeDefined();
    const hidden = await cloud.cinder(cloud.demo, 'GET', `/volumes/${theirs}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().itemNotFound.message).toBe(`Volume ${theirs} could not be found.`);
    const ignored = (await cloud.cinder(cloud.demo, 'GET', '/volumes?all_tenants=1')).json().volumes;
    expect(ignored.map((v: { id: string }) => v.id)).toEqual([mine]);
  });

  it('adds group_id at 3.13 and not before', async () => {
    const id = await cloud.volume(cloud.demo);
    expect((await cloud.cinder(cloud.demo, 'GET', `/volumes/${id}`)).json().volume).not.toHaveProperty('group_id');
    expect((await cloud.cinder(cloud.demo, 'GET', `/volumes/${id}`, undefined, '3.13')).json().volume.group_id).toBeNull();
  });
});

describe('changing volumes', () => {
  it('renames with PUT and keeps metadata with the metadata API', async () => {
    const id = await cloud.volume(cloud.demo);
    const renamed = await cloud.cinder(cloud.demo, 'PUT', `/volumes/${id}`, { volume: { name: 'new', description: 'why' } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().volume).toMatchObject({ name: 'new', description: 'why' });
    await cloud.cinder(cloud.demo, 'POST', `/volumes/${id}/metadata`, { metadata: { a: '1' } });
    await cloud.cinder(cloud.demo, 'PUT', `/volumes/${id}/metadata/b`, { meta: { b: '2' } });
    expect((await cloud.cinder(cloud.demo, 'GET', `/volumes/${id}/metadata`)).json().metadata).toEqual({ a: '1', b: '2' });
    expect((await cloud.cinder(cloud.demo, 'DELETE', `/volumes/${id}/metadata/a`)).statusCode).toBe(200);
    expect((await cloud.cinder(cloud.demo, 'GET', `/volumes/${id}/metadata/a`)).statusCode).toBe(404);
    const mismatch = await cloud.cinder(cloud.demo, 'PUT', `/volumes/${id}/metadata/c`, { meta: { d: '1' } });
    expect(mismatch.statusCode).toBe(400);
  });

  it('extends an available volume: extending, then available at the new size', async () => {
    const id = await cloud.volume(cloud.demo);
    const response = await cloud.cinder(cloud.demo, 'POST', `/volumes/${id}/action`, { 'os-extend': { new_size: 2 } });
    expect(response.statusCode).toBe(202);
    expect((await cloud.cinder(cloud.demo, 'GET', `/volumes/${id}`)).json().volume).toMatchObject({ status: 'extending', size: 2 });
    await cloud.advance(2);
    expect((await cloud.cinder(cloud.demo, 'GET', `/volumes/${id}`)).json().volume.status).toBe('available');
  });

  it('refuses to shrink, to extend a volume that is not available, and unknown actions', async () => {
    const id = await cloud.volume(cloud.demo, { size: 2 });
    const same = await cloud.cinder(cloud.demo, 'POST', `/volumes/${id}/action`, { 'os-extend': { new_size: 2 } });
    expect(same.statusCode).toBe(400);
    expect(same.json().badRequest.message).toBe(
      'Invalid input received: New size for extend must be greater than current size. (current: 2, extended: 2).',
    );
    const creating = (await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { size: 1 } })).json().volume.id;
    const busy = await cloud.cinder(cloud.demo, 'POST', `/volumes/${creating}/action`, { 'os-extend': { new_size: 5 } });
    expect(busy.statusCode).toBe(400);
    expect(busy.json().badRequest.message).toBe(
      `Invalid volume: Volume ${creating} status must be available to extend, but current status is: creating.`,
    );
    const unknown = await cloud.cinder(cloud.demo, 'POST', `/volumes/${id}/action`, { 'os-frobnicate': {} });
    expect(unknown.statusCode).toBe(400);
  });

  it('lets only an admin reset the status', async () => {
    const id = await cloud.volume(cloud.demo);
    const member = await cloud.cinder(cloud.demo, 'POST', `/volumes/${id}/action`, { 'os-reset_status': { status: 'error' } });
    expect(member.statusCode).toBe(403);
    expect(member.json().forbidden.message).toBe(
      "Policy doesn't allow volume_extension:volume_admin_actions:reset_status to be performed.",
    );
    const admin = await cloud.cinder(cloud.admin, 'POST', `/volumes/${id}/action`, { 'os-reset_status': { status: 'error' } });
    expect(admin.statusCode).toBe(202);
    expect((await cloud.cinder(cloud.demo, 'GET', `/volumes/${id}`)).json().volume.status).toBe('error');
  });

  it('deletes an available volume, refuses one with snapshots, and cascades on request', async () => {
    const id = await cloud.volume(cloud.demo);
    await cloud.cinder(cloud.demo, 'POST', '/snapshots', { snapshot: { volume_id: id } });
    await cloud.advance(2);
    const refused = await cloud.cinder(cloud.demo, 'DELETE', `/volumes/${id}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().badRequest.message).toBe('Invalid volume: Volume still has 1 dependent snapshots.');
    expect((await cloud.cinder(cloud.demo, 'DELETE', `/volumes/${id}?cascade=true`)).statusCode).toBe(202);
    expect((await cloud.cinder(cloud.demo, 'GET', `/volumes/${id}`)).statusCode).toBe(404);
    expect((await cloud.cinder(cloud.demo, 'GET', '/snapshots')).json().snapshots).toEqual([]);
  });

  it('refuses to delete a volume that is still being created', async () => {
    const id = (await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { size: 1 } })).json().volume.id;
    const response = await cloud.cinder(cloud.demo, 'DELETE', `/volumes/${id}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().badRequest.message).toMatch(/^Invalid volume: Volume status must be available or error/);
  });
});
