import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FakeService, startFakeService } from '../fake-service';
import { novaClient } from './client';
import { attachVolume, detachVolume, listServerNames } from './volume-attachments';

let fake: FakeService;
beforeAll(async () => {
  fake = await startFakeService();
});
afterAll(() => fake.close());

const client = () => novaClient(`${fake.url}/compute/v2.1`, 'tok');

describe('volume attachments through Nova', () => {
  it('attach with volumeAttachment and read the device Nova chose; detach by volume id', async () => {
    fake.on('POST /compute/v2.1/servers/s1/os-volume_attachments', { status: 200, body: { volumeAttachment: { id: 'v1', serverId: 's1', volumeId: 'v1', device: '/dev/vdb' } } });
    fake.on('DELETE /compute/v2.1/servers/s1/os-volume_attachments/v1', { status: 202 });
    expect(await attachVolume(client(), 's1', 'v1')).toEqual({ device: '/dev/vdb' });
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({ volumeAttachment: { volumeId: 'v1' } });
    await detachVolume(client(), 's1', 'v1');
    expect(fake.requests[1]?.method).toBe('DELETE');
  });

  it('names servers from one detail call', async () => {
    fake.on('GET /compute/v2.1/servers/detail', { status: 200, body: { servers: [{ id: 's1', name: 'web-1', status: 'ACTIVE', flavor: {} }] } });
    expect(await listServerNames(client())).toEqual([{ id: 's1', name: 'web-1', status: 'ACTIVE' }]);
    expect(fake.requests.at(-1)?.url).toBe('/compute/v2.1/servers/detail?limit=1000');
  });
});
