// Cinder quotas: the quota set with usage, defaults, admin updates, limits, and enforcement
// on create, snapshot and extend with Cinder's 413s, leaving nothing half-made.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_IDS } from '../../seeds/ids';
import { startVolumeCloud, type VolumeTestCloud } from './volume-testing';

let cloud: VolumeTestCloud;
beforeAll(async () => {
  cloud = await startVolumeCloud();
});
afterAll(async () => cloud.dispose());
beforeEach(async () => cloud.reset());

const demoQuota = `/os-quota-sets/${PROJECT_IDS.demo}`;

describe('quota sets', () => {
  it('shows limits with usage, per-type keys included', async () => {
    await cloud.volume(cloud.demo, { size: 3 });
    await cloud.volume(cloud.demo, { size: 2, volume_type: 'ssd' });
    const set = (await cloud.cinder(cloud.demo, 'GET', `${demoQuota}?usage=True`)).json().quota_set;
    expect(set.id).toBe(PROJECT_IDS.demo);
    expect(set.volumes).toEqual({ in_use: 2, limit: 10, reserved: 0 });
    expect(set.gigabytes).toEqual({ in_use: 5, limit: 1000, reserved: 0 });
    expect(set.volumes_ssd).toEqual({ in_use: 1, limit: -1, reserved: 0 });
    expect(set.gigabytes___DEFAULT__).toEqual({ in_use: 3, limit: -1, reserved: 0 });
    expect(set.per_volume_gigabytes).toEqual({ in_use: 0, limit: -1, reserved: 0 });
    const flat = (await cloud.cinder(cloud.demo, 'GET', demoQuota)).json().quota_set;
    expect(flat).toMatchObject({ volumes: 10, snapshots: 10, gigabytes: 1000, backups: 10, backup_gigabytes: 1000, groups: 10 });
  });

  it('shows defaults, and refuses a member another project', async () => {
    const defaults = (await cloud.cinder(cloud.demo, 'GET', `${demoQuota}/defaults`)).json().quota_set;
    expect(defaults).toMatchObject({ volumes: 10, gigabytes: 1000, volumes_ssd: -1 });
    const other = await cloud.cinder(cloud.demo, 'GET', `/os-quota-sets/${PROJECT_IDS.admin}`);
    expect(other.statusCode).toBe(403);
  });

  it('lets an admin update limits and refuses bad keys, bad values and limits under usage', async () => {
    const updated = await cloud.cinder(cloud.admin, 'PUT', demoQuota, { quota_set: { volumes: 20, gigabytes: '50' } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().quota_set).toMatchObject({ volumes: 20, gigabytes: 50 });
    expect((await cloud.cinder(cloud.demo, 'PUT', demoQuota, { quota_set: { volumes: 1 } })).statusCode).toBe(403);
    const bad = await cloud.cinder(cloud.admin, 'PUT', demoQuota, { quota_set: { widgets: 1 } });
    expect(bad.json().badRequest.message).toBe('Bad key(s) in quota set: widgets');
    expect((await cloud.cinder(cloud.admin, 'PUT', demoQuota, { quota_set: { volumes: -2 } })).statusCode).toBe(400);
    await cloud.volume(cloud.demo, { size: 5 });
    const under = await cloud.cinder(cloud.admin, 'PUT', demoQuota, { quota_set: { gigabytes: 2 } });
    expect(under.statusCode).toBe(400);
    expect((await cloud.cinder(cloud.admin, 'DELETE', demoQuota)).statusCode).toBe(200);
    expect((await cloud.cinder(cloud.demo, 'GET', demoQuota)).json().quota_set.volumes).toBe(10);
  });

  it('reports absolute limits', async () => {
    await cloud.volume(cloud.demo, { size: 4 });
    const limits = (await cloud.cinder(cloud.demo, 'GET', '/limits')).json().limits;
    expect(limits.rate).toEqual([]);
    expect(limits.absolute).toMatchObject({ maxTotalVolumes: 10, totalVolumesUsed: 1, maxTotalVolumeGigabytes: 1000, totalGigabytesUsed: 4, maxTotalSnapshots: 10, totalSnapshotsUsed: 0 });
  });
});

describe('enforcement', () => {
  it('refuses the volume past the count with 413 and creates nothing', async () => {
    await cloud.cinder(cloud.admin, 'PUT', demoQuota, { quota_set: { volumes: 1 } });
    await cloud.volume(cloud.demo);
    const refused = await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { size: 1 } });
    expect(refused.statusCode).toBe(413);
    expect(refused.json().overLimit.message).toBe("VolumeLimitExceeded: Maximum number of volumes allowed (1) exceeded for quota 'volumes'.");
    expect((await cloud.cinder(cloud.demo, 'GET', '/volumes')).json().volumes).toHaveLength(1);
  });

  it('refuses gigabytes past the limit on create and extend, and per type', async () => {
    await cloud.cinder(cloud.admin, 'PUT', demoQuota, { quota_set: { gigabytes: 5, volumes_ssd: 0 } });
    const id = await cloud.volume(cloud.demo, { size: 4 });
    const big = await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { size: 2 } });
    expect(big.statusCode).toBe(413);
    expect(big.json().overLimit.message).toBe(
      'VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 2G, quota is 5G and 4G has been consumed.',
    );
    const extend = await cloud.cinder(cloud.demo, 'POST', `/volumes/${id}/action`, { 'os-extend': { new_size: 6 } });
    expect(extend.statusCode).toBe(413);
    expect((await cloud.cinder(cloud.demo, 'GET', `/volumes/${id}`)).json().volume).toMatchObject({ size: 4, status: 'available' });
    const ssd = await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { size: 1, volume_type: 'ssd' } });
    expect(ssd.statusCode).toBe(413);
    expect(ssd.json().overLimit.message).toContain("exceeded for quota 'volumes_ssd'");
  });

  it('counts snapshots against snapshots and gigabytes', async () => {
    await cloud.cinder(cloud.admin, 'PUT', demoQuota, { quota_set: { snapshots: 1 } });
    const id = await cloud.volume(cloud.demo);
    expect((await cloud.cinder(cloud.demo, 'POST', '/snapshots', { snapshot: { volume_id: id } })).statusCode).toBe(202);
    const second = await cloud.cinder(cloud.demo, 'POST', '/snapshots', { snapshot: { volume_id: id } });
    expect(second.statusCode).toBe(413);
    expect(second.json().overLimit.message).toBe('SnapshotLimitExceeded: Maximum number of snapshots allowed (1) exceeded');
    const set = (await cloud.cinder(cloud.demo, 'GET', `${demoQuota}?usage=True`)).json().quota_set;
    expect(set.gigabytes.in_use).toBe(2);
  });

  it('applies per_volume_gigabytes', async () => {
    await cloud.cinder(cloud.admin, 'PUT', demoQuota, { quota_set: { per_volume_gigabytes: 3 } });
    const response = await cloud.cinder(cloud.demo, 'POST', '/volumes', { volume: { size: 4 } });
    expect(response.statusCode).toBe(413);
    expect(response.json().overLimit.message).toBe('VolumeSizeExceedsLimit: Requested volume size 4G is larger than maximum allowed limit 3G.');
  });
});
