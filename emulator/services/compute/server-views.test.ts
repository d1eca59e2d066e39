// The server detail view as a function of microversion and role, without a running cloud.

import { describe, expect, it } from 'vitest';
import type { Cloud } from '../../cloud';
import type { Server } from '../../store/servers';
import { novaNaiveTime, novaTime, serverDetail } from './server-views';

const cloud = { url: (path: string) => `http://cloud.test${path}` } as Cloud;

const server: Server = {
  id: 's1', projectId: 'p1', userId: 'u1', name: 'web', description: 'd',
  flavor: { id: '1', name: 'm1.tiny', vcpus: 1, ram: 512, disk: 1, ephemeral: 0, swap: 0, extraSpecs: { a: 'b' } },
  oldFlavor: null, imageId: 'img', keyName: null, availabilityZone: 'nova', host: 'c01.example.com',
  vmState: 'error', taskState: null, powerState: 0, settleAt: null, nextVmState: null, nextPowerState: null,
  locked: true, lockedReason: 'why', metadata: {}, tags: ['t'], securityGroups: [], addresses: {}, fixedIp: null,
  userData: null, configDrive: '', diskConfig: 'MANUAL', fault: { code: 500, message: 'No valid host', created: '2026-11-21T20:00:00.123456Z' },
  reservationId: 'r-1', launchIndex: 0, serverGroupId: null, bootVolumeId: null,
  createdAt: '2026-11-21T20:00:00.123456Z', updatedAt: '2026-11-21T20:00:05.123456Z', launchedAt: null,
};

const at = (version: string) => (v: string) => Number(v.split('.')[1]) <= Number(version.split('.')[1]);

describe('serverDetail', () => {
  it.each([
    ['2.1', [], ['locked', 'description', 'tags', 'locked_reason', 'trusted_image_certificates']],
    ['2.9', ['locked'], ['description']],
    ['2.19', ['locked', 'description'], ['tags']],
    ['2.26', ['tags'], ['locked_reason']],
    ['2.73', ['locked_reason', 'trusted_image_certificates'], []],
  ])('at %s has %j and not %j', (version, present, absent) => {
    const view = serverDetail(cloud, server, { atLeast: at(version), admin: false });
    for (const key of present) expect(view).toHaveProperty(key);
    for (const key of absent) expect(view).not.toHaveProperty(key);
  });

  it('links the flavor before 2.47 and embeds it from 2.47', () => {
    expect(serverDetail(cloud, server, { atLeast: at('2.46'), admin: false }).flavor).toEqual({ id: '1', links: [{ rel: 'bookmark', href: 'http://cloud.test/compute/flavors/1' }] });
    expect(serverDetail(cloud, server, { atLeast: at('2.47'), admin: false }).flavor).toEqual({ vcpus: 1, ram: 512, disk: 1, ephemeral: 0, swap: 0, original_name: 'm1.tiny', extra_specs: { a: 'b' } });
  });

  it('shows the fault in ERROR; details only to admins for a 500', () => {
    const member = serverDetail(cloud, server, { atLeast: at('2.1'), admin: false });
    expect(member.fault).toEqual({ code: 500, message: 'No valid host', created: '2026-11-21T20:00:00Z' });
    const admin = serverDetail(cloud, server, { atLeast: at('2.1'), admin: true });
    expect(admin.fault).toMatchObject({ details: '' });
  });

  it('gives admins OS-EXT-SRV-ATTR:* (more from 2.3) and host_status from 2.16', () => {
    const v22 = serverDetail(cloud, server, { atLeast: at('2.2'), admin: true });
    expect(v22['OS-EXT-SRV-ATTR:host']).toBe('c01.example.com');
    expect(v22).not.toHaveProperty('OS-EXT-SRV-ATTR:reservation_id');
    const v216 = serverDetail(cloud, server, { atLeast: at('2.16'), admin: true, hostStatus: new Map([['c01.example.com', 'UP']]) });
    expect(v216).toMatchObject({ 'OS-EXT-SRV-ATTR:reservation_id': 'r-1', host_status: 'UP' });
  });

  it('shows "image": "" for a boot from volume', () => {
    expect(serverDetail(cloud, { ...server, imageId: '' }, { atLeast: at('2.1'), admin: false }).image).toBe('');
  });

  it('formats Nova timestamps', () => {
    expect(novaTime('2026-11-21T20:00:00.123456Z')).toBe('2026-11-21T20:00:00Z');
    expect(novaNaiveTime('2026-11-21T20:00:00.123456Z')).toBe('2026-11-21T20:00:00.123456');
  });
});
