// Snapshots (force for volumes in use, explained by Cinder's refusal) and volume types
// (public list, admin management, extra specs).

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startVolumeCloud, type VolumeTestCloud } from './volume-testing';

let cloud: VolumeTestCloud;
beforeAll(async () => {
  cloud = await startVolumeCloud();
});
afterAll(async () => cloud.dispose());
beforeEach(async () => cloud.reset());

describe('snapshots', () => {
  it('creates a snapshot of an available volume: creating, then available', async () => {
    const volume = await cloud.volume(cloud.demo, { size: 2 });
    const response = await cloud.cinder(cloud.demo, 'POST', '/snapshots', {
      snapshot: { volume_id: volume, name: 'before-upgrade', description: 'why', force: false },
    });
    expect(response.statusCode).toBe(202);
    const snapshot = response.json().snapshot;
    expect(snapshot).toMatchObject({ name: 'before-upgrade', description: 'why', size: 2, volume_id: volume, status: 'creating' });
    await cloud.advance(2);
    const shown = (await cloud.cinder(cloud.demo, 'GET', `/snapshots/${snapshot.id}`)).json().snapshot;
    expect(shown.status).toBe('available');
    expect(shown['os-extended-snapshot-attributes:progress']).toBe('100%');
    const listed = (await cloud.cinder(cloud.demo, 'GET', '/snapshots/detail')).json().snapshots;
    expect(listed.map((s: { id: string }) => s.id)).toEqual([snapshot.id]);
  });

  it('needs force for a volume in use, and then takes it', async () => {
    const volume = await cloud.volume(cloud.demo);
    await cloud.cinder(cloud.admin, 'POST', `/volumes/${volume}/action`, { 'os-reset_status': { status: 'in-use' } });
    const refused = await cloud.cinder(cloud.demo, 'POST', '/snapshots', { snapshot: { volume_id: volume } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().badRequest.message).toBe(
      `Invalid volume: Volume ${volume} status must be available, but current status is: in-use.`,
    );
    const forced = await cloud.cinder(cloud.demo, 'POST', '/snapshots', { snapshot: { volume_id: volume, force: 'True' } });
    expect(forced.statusCode).toBe(202);
  });

  it('refuses a bad force value, an unknown volume and a missing volume_id', async () => {
    const volume = await cloud.volume(cloud.demo);
    const badForce = await cloud.cinder(cloud.demo, 'POST', '/snapshots', { snapshot: { volume_id: volume, force: 'maybe' } });
    expect(badForce.statusCode).toBe(400);
    const unknown = await cloud.cinder(cloud.demo, 'POST', '/snapshots', { snapshot: { volume_id: 'nope' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().itemNotFound.message).toBe('Volume nope could not be found.');
    const missing = await cloud.cinder(cloud.demo, 'POST', '/snapshots', { snapshot: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().badRequest.message).toContain("'volume_id' is a required property");
  });

  it('renames, refuses to delete while creating, then deletes', async () => {
    const volume = await cloud.volume(cloud.demo);
    const id = (await cloud.cinder(cloud.demo, 'POST', '/snapshots', { snapshot: { volume_id: volume } })).json().snapshot.id;
    const early = await cloud.cinder(cloud.demo, 'DELETE', `/snapshots/${id}`);
    expect(early.statusCode).toBe(400);
    expect(early.json().badRequest.message).toMatch(/^Invalid snapshot: Volume Snapshot status must be available or error/);
    await cloud.advance(2);
    const renamed = await cloud.cinder(cloud.demo, 'PUT', `/snapshots/${id}`, { snapshot: { name: 'n' } });
    expect(renamed.json().snapshot.name).toBe('n');
    expect((await cloud.cinder(cloud.demo, 'DELETE', `/snapshots/${id}`)).statusCode).toBe(202);
    expect((await cloud.cinder(cloud.demo, 'GET', `/snapshots/${id}`)).statusCode).toBe(404);
  });

  it('hides other projects’ snapshots', async () => {
    const volume = await cloud.volume(cloud.admin);
    const id = (await cloud.cinder(cloud.admin, 'POST', '/snapshots', { snapshot: { volume_id: volume } })).json().snapshot.id;
    expect((await cloud.cinder(cloud.demo, 'GET', `/snapshots/${id}`)).statusCode).toBe(404);
    expect((await cloud.cinder(cloud.demo, 'GET', '/snapshots')).json().snapshots).toEqual([]);
  });
});

describe('volume types', () => {
  it('lists the seeded types to members, and shows the default', async () => {
    const names = (await cloud.cinder(cloud.demo, 'GET', '/types')).json().volume_types.map((t: { name: string }) => t.name);
    expect(names).toEqual(['__DEFAULT__', 'ssd']);
    const fallback = (await cloud.cinder(cloud.demo, 'GET', '/types/default')).json().volume_type;
    expect(fallback).toMatchObject({ name: '__DEFAULT__', is_public: true });
  });

  it('lets admins create, update and delete a type, with extra specs', async () => {
    const created = await cloud.cinder(cloud.admin, 'POST', '/types', {
      volume_type: { name: 'gold', description: 'fast', extra_specs: { tier: '1' } },
    });
    expect(created.statusCode).toBe(200);
    const type = created.json().volume_type;
    expect(type).toMatchObject({ name: 'gold', extra_specs: { tier: '1' }, 'os-volume-type-access:is_public': true });
    expect((await cloud.cinder(cloud.admin, 'POST', '/types', { volume_type: { name: 'gold' } })).statusCode).toBe(409);
    await cloud.cinder(cloud.admin, 'POST', `/types/${type.id}/extra_specs`, { extra_specs: { replication: 'yes' } });
    expect((await cloud.cinder(cloud.admin, 'GET', `/types/${type.id}/extra_specs`)).json().extra_specs).toEqual({ tier: '1', replication: 'yes' });
    expect((await cloud.cinder(cloud.admin, 'GET', `/types/${type.id}/extra_specs/tier`)).json()).toEqual({ tier: '1' });
    expect((await cloud.cinder(cloud.admin, 'DELETE', `/types/${type.id}/extra_specs/tier`)).statusCode).toBe(202);
    const renamed = await cloud.cinder(cloud.admin, 'PUT', `/types/${type.id}`, { volume_type: { name: 'platinum' } });
    expect(renamed.json().volume_type.name).toBe('platinum');
    expect((await cloud.cinder(cloud.admin, 'DELETE', `/types/${type.id}`)).statusCode).toBe(202);
    expect((await cloud.cinder(cloud.admin, 'GET', `/types/${type.id}`)).statusCode).toBe(404);
  });

  it('refuses members, empty names, the default type and types in use', async () => {
    const member = await cloud.cinder(cloud.demo, 'POST', '/types', { volume_type: { name: 'x' } });
    expect(member.statusCode).toBe(403);
    expect(member.json().forbidden.message).toBe("Policy doesn't allow volume_extension:types_manage to be performed.");
    expect((await cloud.cinder(cloud.admin, 'POST', '/types', { volume_type: { name: '' } })).statusCode).toBe(400);
    const fallback = (await cloud.cinder(cloud.admin, 'GET', '/types/default')).json().volume_type;
    const keep = await cloud.cinder(cloud.admin, 'DELETE', `/types/${fallback.id}`);
    expect(keep.statusCode).toBe(400);
    expect(keep.json().badRequest.message).toBe('Default volume type can not be deleted.');
    const ssd = (await cloud.cinder(cloud.admin, 'GET', '/types')).json().volume_types.find((t: { name: string }) => t.name === 'ssd');
    await cloud.volume(cloud.demo, { volume_type: 'ssd' });
    const inUse = await cloud.cinder(cloud.admin, 'DELETE', `/types/${ssd.id}`);
    expect(inUse.statusCode).toBe(400);
    expect(inUse.json().badRequest.message).toBe(`Volume Type ${ssd.id} deletion is not allowed with volumes present with the type.`);
  });

  it('hides private types from members', async () => {
    const id = (
      await cloud.cinder(cloud.admin, 'POST', '/types', { volume_type: { name: 'hidden', 'os-volume-type-access:is_public': false } })
    ).json().volume_type.id;
    expect((await cloud.cinder(cloud.demo, 'GET', '/types')).json().volume_types.map((t: { name: string }) => t.name)).not.toContain('hidden');
    expect((await cloud.cinder(cloud.demo, 'GET', `/types/${id}`)).statusCode).toBe(404);
    const create = await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { size: 1, volume_type: 'hidden' } });
    expect(create.statusCode).toBe(404);
    expect((await cloud.cinder(cloud.admin, 'POST', '/volumes', { volume: { size: 1, volume_type: 'hidden' } })).statusCode).toBe(202);
  });
});
