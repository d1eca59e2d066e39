// python-openstackclient against the embedded cloud's Cinder, and Nova's volume attachments
// through `server add/remove volume`. Other files share the cloud, so every name is unique
// and time is moved forward with /_emulator/clock/advance rather than frozen.

import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { ADMIN, DEMO, advanceClock, openrcEnv, runOpenstack } from './cli';

const cloudUrl = inject('cloudUrl');
const asDemo = openrcEnv(cloudUrl, DEMO);
const asAdmin = openrcEnv(cloudUrl, ADMIN);

type Row = Record<string, unknown>;

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** Moves simulated time on so that creating/attaching/detaching settle. */
const advance = (seconds: number) => advanceClock(cloudUrl, seconds);

async function openstack(args: string[], env = asDemo): Promise<unknown> {
  const result = await runOpenstack([...args, '-f', 'json'], env);
  expect(result.code, result.stderr).toBe(0);
  return result.json;
}

async function createVolume(name: string, size = 1): Promise<Row> {
  const volume = (await openstack(['volume', 'create', '--size', String(size), name])) as Row;
  await advance(10);
  return volume;
}

describe('openstack volume', () => {
  it('volume create --size 1, list and show', async () => {
    const name = unique('vol');
    const created = await createVolume(name);
    expect(created).toMatchObject({ name, size: 1, status: 'creating', type: '__DEFAULT__', bootable: 'false' });
    const list = (await openstack(['volume', 'list'])) as Row[];
    expect(list).toEqual(expect.arrayContaining([expect.objectContaining({ Name: name, Status: 'available', Size: 1 })]));
    const shown = (await openstack(['volume', 'show', name])) as Row;
    expect(shown).toMatchObject({ id: created.id, status: 'available', availability_zone: 'nova', attachments: [] });
  });

  it('volume set --size 2 extends; a shrink fails', async () => {
    const name = unique('grow');
    await createVolume(name);
    const result = await runOpenstack(['volume', 'set', '--size', '2', name], asDemo);
    expect(result.code, result.stderr).toBe(0);
    await advance(5);
    expect(await openstack(['volume', 'show', name, '-c', 'size', '-c', 'status'])).toEqual({ size: 2, status: 'available' });
    // The CLI checks a shrink itself; the API refusal is covered by the unit tests.
    const shrink = await runOpenstack(['volume', 'set', '--size', '1', name], asDemo);
    expect(shrink.code).not.toBe(0);
  });

  it('volume snapshot create and delete, and a volume with snapshots is not deleted', async () => {
    const name = unique('snapped');
    const volume = await createVolume(name);
    const snapName = unique('snap');
    const snapshot = (await openstack(['volume', 'snapshot', 'create', '--volume', name, snapName])) as Row;
    expect(snapshot).toMatchObject({ name: snapName, volume_id: volume.id, size: 1 });
    await advance(5);
    const snaps = (await openstack(['volume', 'snapshot', 'list'])) as Row[];
    expect(snaps).toEqual(expect.arrayContaining([expect.objectContaining({ Name: snapName, Status: 'available' })]));
    const refused = await runOpenstack(['volume', 'delete', name], asDemo);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('Volume still has 1 dependent snapshots');
    const deleted = await runOpenstack(['volume', 'snapshot', 'delete', snapName], asDemo);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect((await openstack(['volume', 'snapshot', 'list'])) as Row[]).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ Name: snapName })]),
    );
  });

  it('volume delete', async () => {
    const name = unique('gone');
    await createVolume(name);
    const result = await runOpenstack(['volume', 'delete', name], asDemo);
    expect(result.code, result.stderr).toBe(0);
    const list = (await openstack(['volume', 'list'])) as Row[];
    expect(list.map((row) => row.Name)).not.toContain(name);
  });

  it('volume type list', async () => {
    const types = (await openstack(['volume', 'type', 'list'])) as Row[];
    expect(types.map((row) => row.Name)).toEqual(expect.arrayContaining(['__DEFAULT__', 'ssd']));
  });

  it('quota set and quota list --volume: the volume part of the quotas', async () => {
    // `quota show` also reads Neutron's quotas, which the embedded cloud does not serve yet.
    const set = await runOpenstack(['quota', 'set', '--volumes', '15', '--gigabytes', '900', 'demo'], asAdmin);
    expect(set.code, set.stderr).toBe(0);
    const rows = (await openstack(['quota', 'list', '--volume', '--project', 'demo'], asAdmin)) as Row[];
    expect(rows).toEqual([expect.objectContaining({ Volumes: 15, Gigabytes: 900, Snapshots: 10 })]);
    const reset = await runOpenstack(['quota', 'set', '--volumes', '10', '--gigabytes', '1000', 'demo'], asAdmin);
    expect(reset.code, reset.stderr).toBe(0);
  });

  it('volume create --image: a bootable volume that downloads, then is available', async () => {
    const name = unique('boot');
    const created = (await openstack(['volume', 'create', '--image', 'cirros', '--size', '1', name])) as Row;
    expect(created).toMatchObject({ bootable: 'true', status: 'downloading' });
    await advance(10);
    const shown = (await openstack(['volume', 'show', name])) as Row;
    expect(shown).toMatchObject({ status: 'available', bootable: 'true' });
    expect(shown.volume_image_metadata).toMatchObject({ image_name: 'cirros' });
  });

  it('a volume past the per-volume limit is refused with Cinder’s 413', async () => {
    const set = await runOpenstack(['quota', 'set', '--per-volume-gigabytes', '1', 'admin'], asAdmin);
    expect(set.code, set.stderr).toBe(0);
    try {
      const name = unique('big');
      const refused = await runOpenstack(['volume', 'create', '--size', '2', name], asAdmin);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('VolumeSizeExceedsLimit: Requested volume size 2G is larger than maximum allowed limit 1G.');
      expect(refused.stderr).toContain('HTTP 413');
    } finally {
      await runOpenstack(['quota', 'set', '--per-volume-gigabytes', '-1', 'admin'], asAdmin);
    }
  });

  it('volume service list (admin)', async () => {
    const services = (await openstack(['volume', 'service', 'list'], asAdmin)) as Row[];
    expect(services.map((row) => row.Binary)).toEqual(['cinder-scheduler', 'cinder-volume']);
  });

  it('limits show --absolute carries Cinder’s limits', async () => {
    const rows = (await openstack(['limits', 'show', '--absolute'])) as Row[];
    const names = rows.map((row) => row.Name);
    expect(names).toEqual(expect.arrayContaining(['maxTotalVolumes', 'totalVolumesUsed', 'maxTotalVolumeGigabytes', 'totalGigabytesUsed']));
  });
});

describe('openstack server add/remove volume', () => {
  it('attaches as /dev/vdb (in-use), then detaches (available)', async () => {
    const serverName = unique('vm');
    await openstack(['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', serverName]);
    const volumeName = unique('data');
    const volume = await createVolume(volumeName);

    const attached = (await openstack(['server', 'add', 'volume', serverName, volumeName])) as Row;
    expect(attached).toMatchObject({ 'Volume ID': volume.id, Device: '/dev/vdb' });
    await advance(5);
    const inUse = (await openstack(['volume', 'show', volumeName])) as Row;
    expect(inUse.status).toBe('in-use');
    expect(inUse.attachments).toEqual([expect.objectContaining({ device: '/dev/vdb', volume_id: volume.id })]);

    // A snapshot of a volume in use needs --force (the guest may be mid-write).
    const unforced = await runOpenstack(['volume', 'snapshot', 'create', '--volume', volumeName, unique('live')], asDemo);
    expect(unforced.code).not.toBe(0);
    expect(unforced.stderr).toContain('status must be available, but current status is: in-use');
    const forced = (await openstack(['volume', 'snapshot', 'create', '--force', '--volume', volumeName, unique('live')])) as Row;
    expect(forced.volume_id).toBe(volume.id);

    const removed = await runOpenstack(['server', 'remove', 'volume', serverName, volumeName], asDemo);
    expect(removed.code, removed.stderr).toBe(0);
    await advance(5);
    expect(await openstack(['volume', 'show', volumeName, '-c', 'status'])).toEqual({ status: 'available' });
  });
});
