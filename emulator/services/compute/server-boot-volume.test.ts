// Boot from volume through Cinder's seam: the root volume is created (or taken) and attached
// as /dev/vda, the server shows "image": "", and a delete releases or removes the volume.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IMAGE_IDS } from '../../seeds/images';
import { PROJECT_IDS } from '../../seeds/ids';
import { call } from '../../testing/test-cloud';
import { startServerCloud, type ServerTestCloud } from './server-testing';

let cloud: ServerTestCloud;
beforeAll(async () => {
  cloud = await startServerCloud();
});
afterAll(async () => cloud.dispose());
beforeEach(async () => cloud.reset());

const volume = (id: string) => call(cloud.app, cloud.demo, 'GET', `/volume/v3/${PROJECT_IDS.demo}/volumes/${id}`);
const bdm = (entry: Record<string, unknown>) => ({ imageRef: undefined, block_device_mapping_v2: [{ boot_index: 0, destination_type: 'volume', ...entry }] });

describe('boot from volume', () => {
  it('from an image to a new volume: image "" and the volume attached, deleted with the server', async () => {
    const id = await cloud.boot(cloud.demo, bdm({ source_type: 'image', uuid: IMAGE_IDS.cirros, volume_size: 1, delete_on_termination: true }));
    await cloud.advance(5);
    const server = (await cloud.nova(cloud.demo, 'GET', `/servers/${id}`)).json().server;
    expect(server).toMatchObject({ status: 'ACTIVE', image: '' });
    const [attached] = server['os-extended-volumes:volumes_attached'];
    expect(attached).toMatchObject({ id: expect.any(String), delete_on_termination: true });
    expect((await volume(attached.id)).json().volume).toMatchObject({ size: 1, bootable: 'true' });
    await cloud.nova(cloud.demo, 'DELETE', `/servers/${id}`);
    await cloud.advance(5);
    expect((await volume(attached.id)).statusCode).toBe(404);
  });

  it('from an existing volume, which becomes available again after the delete', async () => {
    const created = await call(cloud.app, cloud.demo, 'POST', `/volume/v3/${PROJECT_IDS.demo}/volumes`, { volume: { size: 1, imageRef: IMAGE_IDS.cirros } });
    expect(created.statusCode, created.body).toBe(202);
    const volumeId = created.json().volume.id as string;
    await cloud.advance(30);
    const id = await cloud.boot(cloud.demo, bdm({ source_type: 'volume', uuid: volumeId }));
    expect((await volume(volumeId)).json().volume.status).toBe('in-use');
    await cloud.nova(cloud.demo, 'DELETE', `/servers/${id}`);
    await cloud.advance(5);
    expect((await volume(volumeId)).json().volume.status).toBe('available');
  });

  it.each([
    ['an image without a size', { source_type: 'image', uuid: IMAGE_IDS.cirros }, 'need to have a non-zero size specified', {}],
    ['one volume for several servers', { source_type: 'volume', uuid: 'v' }, 'Cannot attach one or more volumes to multiple instances', { min_count: 2 }],
  ] as [string, Record<string, unknown>, string, Record<string, unknown>][])('refuses %s with 400', async (_label, entry, message, extra) => {
    const response = await cloud.nova(cloud.demo, 'POST', '/servers', {
      server: { name: 'b', flavorRef: '1', networks: 'none', ...bdm(entry), ...extra },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().badRequest.message).toContain(message);
    expect((await cloud.nova(cloud.demo, 'GET', '/servers')).json().servers).toEqual([]);
  });
});
