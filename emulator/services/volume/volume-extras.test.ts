// Cinder's smaller APIs: availability zones, os-set_bootable, the volume summary (3.12) and the
// admin's service list.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startVolumeCloud, type VolumeTestCloud } from './volume-testing';

let cloud: VolumeTestCloud;
beforeAll(async () => {
  cloud = await startVolumeCloud();
});
afterAll(async () => cloud.dispose());
beforeEach(async () => cloud.reset());

describe('smaller APIs', () => {
  it('lists the one availability zone', async () => {
    const response = await cloud.cinder(cloud.demo, 'GET', '/os-availability-zone');
    expect(response.json()).toEqual({ availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true } }] });
  });

  it('marks a volume bootable with os-set_bootable, and refuses a bad flag', async () => {
    const id = await cloud.volume(cloud.demo);
    const response = await cloud.cinder(cloud.demo, 'POST', `/volumes/${id}/action`, { 'os-set_bootable': { bootable: 'true' } });
    expect(response.statusCode).toBe(200);
    expect((await cloud.cinder(cloud.demo, 'GET', `/volumes/${id}`)).json().volume.bootable).toBe('true');
    const bad = await cloud.cinder(cloud.demo, 'POST', `/volumes/${id}/action`, { 'os-set_bootable': { bootable: 'perhaps' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('summary and services', () => {
  it('sums the project’s volumes at 3.12 and later', async () => {
    await cloud.volume(cloud.demo, { size: 2 });
    await cloud.volume(cloud.demo, { size: 3 });
    expect((await cloud.cinder(cloud.demo, 'GET', '/volumes/summary')).statusCode).toBe(404);
    const summary = await cloud.cinder(cloud.demo, 'GET', '/volumes/summary', undefined, '3.12');
    expect(summary.json()).toEqual({ 'volume-summary': { total_size: 5, total_count: 2 } });
  });

  it('lists the Cinder services to admins only', async () => {
    const services = (await cloud.cinder(cloud.admin, 'GET', '/os-services')).json().services;
    expect(services.map((s: { binary: string }) => s.binary)).toEqual(['cinder-scheduler', 'cinder-volume']);
    expect(services[1]).toMatchObject({ host: 'cinder@lvmdriver-1', zone: 'nova', status: 'enabled', state: 'up' });
    const filtered = (await cloud.cinder(cloud.admin, 'GET', '/os-services?binary=cinder-volume')).json().services;
    expect(filtered).toHaveLength(1);
    expect((await cloud.cinder(cloud.demo, 'GET', '/os-services')).statusCode).toBe(403);
  });
});

describe('admin rescue actions', () => {
  it('force-deletes a volume stuck in a transitional state, for admins only', async () => {
    const id = (await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { size: 1 } })).json().volume.id;
    const member = await cloud.cinder(cloud.demo, 'POST', `/volumes/${id}/action`, { 'os-force_delete': {} });
    expect(member.statusCode).toBe(403);
    expect((await cloud.cinder(cloud.admin, 'POST', `/volumes/${id}/action`, { 'os-force_delete': {} })).statusCode).toBe(202);
    expect((await cloud.cinder(cloud.demo, 'GET', `/volumes/${id}`)).statusCode).toBe(404);
  });

  it('resets a snapshot’s status, for admins only', async () => {
    const volume = await cloud.volume(cloud.demo);
    const snap = (await cloud.cinder(cloud.demo, 'POST', '/snapshots', { snapshot: { volume_id: volume } })).json().snapshot.id;
    const body = { 'os-reset_status': { status: 'error' } };
    expect((await cloud.cinder(cloud.demo, 'POST', `/snapshots/${snap}/action`, body)).statusCode).toBe(403);
    expect((await cloud.cinder(cloud.admin, 'POST', `/snapshots/${snap}/action`, body)).statusCode).toBe(202);
    await cloud.advance(5);
    expect((await cloud.cinder(cloud.demo, 'GET', `/snapshots/${snap}`)).json().snapshot.status).toBe('error');
    const bad = await cloud.cinder(cloud.admin, 'POST', `/snapshots/${snap}/action`, { 'os-reset_status': { status: 'sleeping' } });
    expect(bad.statusCode).toBe(400);
  });
});
