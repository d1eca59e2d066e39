// Attaching and detaching volumes through Nova: states on both sides, device names, the
// refusals Nova gives, agreement with Cinder's own views, and volumes let go when the
// server is deleted.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IMAGE_IDS } from '../../seeds/images';
import { startVolumeCloud, type VolumeTestCloud } from '../volume/volume-testing';

let cloud: VolumeTestCloud;
beforeAll(async () => {
  cloud = await startVolumeCloud();
});
afterAll(async () => cloud.dispose());
beforeEach(async () => cloud.reset());

async function activeServer(): Promise<string> {
  const response = await cloud.nova(cloud.demo, 'POST', '/servers', {
    server: { name: 'vm', flavorRef: '1', imageRef: IMAGE_IDS.cirros, networks: 'none' },
  });
  if (response.statusCode !== 202) throw new Error(`boot answered ${response.statusCode}: ${response.body}`);
  await cloud.advance(10);
  return response.json().server.id as string;
}

const attach = (server: string, body: Record<string, unknown>, version?: string) =>
  cloud.nova(cloud.demo, 'POST', `/servers/${server}/os-volume_attachments`, { volumeAttachment: body }, version);
const volumeOf = async (id: string) => (await cloud.cinder(cloud.demo, 'GET', `/volumes/${id}`)).json().volume;

describe('POST /servers/{id}/os-volume_attachments', () => {
  it('attaches as /dev/vdb: attaching, then in-use with the attachment on the volume', async () => {
    const server = await activeServer();
    const volume = await cloud.volume(cloud.demo);
    const response = await attach(server, { volumeId: volume });
    expect(response.statusCode).toBe(200);
    expect(response.json().volumeAttachment).toEqual({
      device: '/dev/vdb',
      id: volume,
      serverId: server,
      volumeId: volume,
      tag: null,
      delete_on_termination: false,
    });
    expect((await volumeOf(volume)).status).toBe('attaching');
    await cloud.advance(1);
    const attached = await volumeOf(volume);
    expect(attached.status).toBe('in-use');
    expect(attached.attachments).toEqual([
      expect.objectContaining({ server_id: server, volume_id: volume, id: volume, device: '/dev/vdb', attachment_id: expect.any(String) }),
    ]);
    const cinderSide = (await cloud.cinder(cloud.demo, 'GET', '/attachments/detail', undefined, '3.27')).json().attachments;
    expect(cinderSide).toEqual([
      expect.objectContaining({ id: attached.attachments[0].attachment_id, instance: server, volume_id: volume, status: 'attached', attach_mode: 'rw' }),
    ]);
    const one = await cloud.cinder(cloud.demo, 'GET', `/attachments/${attached.attachments[0].attachment_id}`, undefined, '3.27');
    expect(one.json().attachment.instance).toBe(server);
  });

  it('gives the next device to the next volume and lists both', async () => {
    const server = await activeServer();
    const first = await cloud.volume(cloud.demo);
    const second = await cloud.volume(cloud.demo);
    await attach(server, { volumeId: first });
    const response = await attach(server, { volumeId: second, device: '/dev/vdb' });
    expect(response.json().volumeAttachment.device).toBe('/dev/vdc');
    const list = (await cloud.nova(cloud.demo, 'GET', `/servers/${server}/os-volume_attachments`)).json().volumeAttachments;
    expect(list.map((a: { device: string }) => a.device)).toEqual(['/dev/vdb', '/dev/vdc']);
    const shown = await cloud.nova(cloud.demo, 'GET', `/servers/${server}/os-volume_attachments/${second}`, undefined, '2.1');
    expect(shown.json().volumeAttachment).toEqual({ device: '/dev/vdc', id: second, serverId: server, volumeId: second });
  });

  it('attaches to a SHUTOFF server too', async () => {
    const server = await activeServer();
    expect((await cloud.nova(cloud.demo, 'POST', `/servers/${server}/action`, { 'os-stop': null })).statusCode).toBe(202);
    await cloud.advance(5);
    const volume = await cloud.volume(cloud.demo);
    const response = await attach(server, { volumeId: volume });
    expect(response.statusCode, response.body).toBe(200);
  });

  it('refuses a volume in use, the same volume twice, an unknown volume and bad bodies', async () => {
    const server = await activeServer();
    const other = await activeServer();
    const volume = await cloud.volume(cloud.demo);
    await attach(server, { volumeId: volume });
    await cloud.advance(1);
    const twice = await attach(server, { volumeId: volume });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().badRequest.message).toBe(`Invalid volume: volume ${volume} already attached`);
    const inUse = await attach(other, { volumeId: volume });
    expect(inUse.statusCode).toBe(400);
    expect(inUse.json().badRequest.message).toContain('status must be available or downloading to reserve, but the current status is in-use');
    const unknown = await attach(server, { volumeId: '00000000-0000-0000-0000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect((await attach(server, { volumeId: 'not-a-uuid' })).statusCode).toBe(400);
    expect((await attach(server, {})).statusCode).toBe(400);
    expect((await attach(server, { volumeId: volume, delete_on_termination: true }, '2.60')).statusCode).toBe(400);
  });

  it('refuses a server that is still building with 409, and an unknown server with 404', async () => {
    const volume = await cloud.volume(cloud.demo);
    const building = (
      await cloud.nova(cloud.demo, 'POST', '/servers', { server: { name: 'c', flavorRef: '1', imageRef: IMAGE_IDS.cirros, networks: 'none' } })
    ).json().server.id;
    const response = await attach(building, { volumeId: volume });
    expect(response.statusCode).toBe(409);
    expect(response.json().conflictingRequest.message).toBe(
      `Cannot 'attach_volume' instance ${building} while it is in vm_state building`,
    );
    expect((await volumeOf(volume)).status).toBe('available');
    const missing = await attach('00000000-0000-0000-0000-000000000000', { volumeId: volume });
    expect(missing.statusCode).toBe(404);
  });
});

describe('DELETE /servers/{id}/os-volume_attachments/{volume_id}', () => {
  it('detaches: detaching, then available with no attachments', async () => {
    const server = await activeServer();
    const volume = await cloud.volume(cloud.demo);
    await attach(server, { volumeId: volume });
    await cloud.advance(1);
    const response = await cloud.nova(cloud.demo, 'DELETE', `/servers/${server}/os-volume_attachments/${volume}`);
    expect(response.statusCode).toBe(202);
    expect((await volumeOf(volume)).status).toBe('detaching');
    await cloud.advance(1);
    const detached = await volumeOf(volume);
    expect(detached).toMatchObject({ status: 'available', attachments: [] });
    expect((await cloud.nova(cloud.demo, 'GET', `/servers/${server}/os-volume_attachments`)).json().volumeAttachments).toEqual([]);
  });

  it('answers 404 for a volume not attached, and refuses a detach while still attaching', async () => {
    const server = await activeServer();
    const volume = await cloud.volume(cloud.demo);
    const notAttached = await cloud.nova(cloud.demo, 'DELETE', `/servers/${server}/os-volume_attachments/${volume}`);
    expect(notAttached.statusCode).toBe(404);
    expect(notAttached.json().itemNotFound.message).toBe(`volume_id not found: ${volume}`);
    await attach(server, { volumeId: volume });
    const early = await cloud.nova(cloud.demo, 'DELETE', `/servers/${server}/os-volume_attachments/${volume}`);
    expect(early.statusCode).toBe(400);
  });

  it('refuses to delete a volume in use, and frees it when the server is deleted', async () => {
    const server = await activeServer();
    const volume = await cloud.volume(cloud.demo);
    await attach(server, { volumeId: volume });
    await cloud.advance(1);
    const refused = await cloud.cinder(cloud.demo, 'DELETE', `/volumes/${volume}`);
    expect(refused.statusCode).toBe(400);
    expect((await cloud.nova(cloud.demo, 'DELETE', `/servers/${server}`)).statusCode).toBe(204);
    await cloud.advance(10);
    expect(await volumeOf(volume)).toMatchObject({ status: 'available', attachments: [] });
    expect((await cloud.cinder(cloud.demo, 'DELETE', `/volumes/${volume}`)).statusCode).toBe(202);
  });
});

describe('a root volume', () => {
  it('is listed as /dev/vda and cannot be detached', async () => {
    const boot = await cloud.nova(cloud.demo, 'POST', '/servers', {
      server: {
        name: 'bfv',
        flavorRef: '1',
        networks: 'none',
        block_device_mapping_v2: [{ boot_index: 0, source_type: 'image', destination_type: 'volume', uuid: IMAGE_IDS.cirros, volume_size: 1 }],
      },
    });
    expect(boot.statusCode, boot.body).toBe(202);
    const server = boot.json().server.id;
    await cloud.advance(10);
    const [root] = (await cloud.nova(cloud.demo, 'GET', `/servers/${server}/os-volume_attachments`)).json().volumeAttachments;
    expect(root.device).toBe('/dev/vda');
    const refused = await cloud.nova(cloud.demo, 'DELETE', `/servers/${server}/os-volume_attachments/${root.volumeId}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().badRequest.message).toBe('Cannot detach a root device volume');
    const data = await cloud.volume(cloud.demo);
    expect((await attach(server, { volumeId: data })).json().volumeAttachment.device).toBe('/dev/vdb');
  });
});

describe('delete_on_termination', () => {
  it('deletes a volume attached with delete_on_termination when its server goes', async () => {
    const server = await activeServer();
    const volume = await cloud.volume(cloud.demo);
    const response = await attach(server, { volumeId: volume, delete_on_termination: true });
    expect(response.json().volumeAttachment.delete_on_termination).toBe(true);
    await cloud.advance(1);
    await cloud.nova(cloud.demo, 'DELETE', `/servers/${server}`);
    await cloud.advance(10);
    expect((await cloud.cinder(cloud.demo, 'GET', `/volumes/${volume}`)).statusCode).toBe(404);
    const quota = (await cloud.cinder(cloud.demo, 'GET', '/limits')).json().limits.absolute;
    expect(quota.totalVolumesUsed).toBe(0);
  });
});

describe('Cinder attachments API', () => {
  it('is there from 3.27 only', async () => {
    const old = await cloud.cinder(cloud.demo, 'GET', '/attachments');
    expect(old.statusCode).toBe(404);
    const current = await cloud.cinder(cloud.demo, 'GET', '/attachments', undefined, '3.27');
    expect(current.json()).toEqual({ attachments: [] });
  });
});
