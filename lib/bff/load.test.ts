import { beforeEach, describe, expect, it } from 'vitest';

import { parseCatalog } from '../openstack/catalog';
import { useFakeService } from '../openstack/fake-service';
import type { ScopedContext } from './guard';
import { fakeScope } from './fake-scope';
import { setServerLoad } from './load';

const fake = useFakeService();
beforeEach(() => {
  fake.on('GET /compute/v2.1/servers/srv-1', { status: 200, body: { server: { id: 'srv-1', name: 'web', status: 'ACTIVE', flavor: {}, addresses: {} } } });
  fake.on('POST /_emulator/load', (request) => ({ status: 200, body: { ...JSON.parse(request.body), since: '2026-11-21T23:40:00.000000' } }));
});

const scope = (catalogTypes: string[]): ScopedContext => ({
  ...fakeScope(fake.url),
  endpoint: (type: string) => `${fake.url}${type === 'compute' ? '/compute/v2.1' : type === 'zenith-emulator' ? '/_emulator' : `/${type}`}`,
  info: { catalog: parseCatalog(catalogTypes.map((type) => ({ type, endpoints: [{ interface: 'public', region_id: 'RegionOne', url: `${fake.url}/${type}` }] }))) },
}) as unknown as ScopedContext;

describe('simulated load', () => {
  it('is refused with 404 against a cloud without the embedded control endpoint, with nothing sent', async () => {
    await expect(setServerLoad(scope(['compute', 'metric']), 'srv-1', 100)).rejects.toMatchObject({ payload: { status: 404 } });
    expect(fake.requests).toEqual([]);
  });

  it('reads the server as the user, then sets the load through the control API without a token', async () => {
    const result = await setServerLoad(scope(['compute', 'zenith-emulator']), 'srv-1', 100);
    expect(result).toEqual({ serverId: 'srv-1', cpuPercent: 100, since: '2026-11-21T23:40:00.000000' });
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /compute/v2.1/servers/srv-1', 'POST /_emulator/load']);
    expect(fake.requests[0]!.headers['x-auth-token']).toBe('tok');
    expect(fake.requests[1]!.headers['x-auth-token']).toBeUndefined();
    expect(JSON.parse(fake.requests[1]!.body)).toEqual({ server_id: 'srv-1', cpu_percent: 100 });
  });

  it("does not load a server the user's project cannot see", async () => {
    fake.on('GET /compute/v2.1/servers/srv-2', { status: 404, body: { itemNotFound: { code: 404, message: 'Instance srv-2 could not be found.' } } });
    await expect(setServerLoad(scope(['compute', 'zenith-emulator']), 'srv-2', 100)).rejects.toMatchObject({ status: 404 });
    expect(fake.requests.some((r) => r.url.startsWith('/_emulator'))).toBe(false);
  });
});
