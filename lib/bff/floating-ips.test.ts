import { beforeEach, describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import {
  addServerFloatingIp,
  allocateFloatingIp,
  associateFloatingIp,
  loadAssociateTargets,
  loadFloatingIps,
  loadServerFloatingIps,
  releaseFloatingIps,
} from './floating-ips';
import type { ScopedContext } from './guard';

const N = '/networking/v2.0';
const PUBLIC = { id: 'net-public', name: 'public', 'router:external': true, subnets: ['sub-public'] };
const fip = (id: string, address: string, extra: Record<string, unknown> = {}) => ({
  id,
  floating_ip_address: address,
  floating_network_id: 'net-public',
  fixed_ip_address: null,
  port_id: null,
  router_id: null,
  status: 'DOWN',
  project_id: 'p-demo',
  tenant_id: 'p-demo',
  description: '',
  ...extra,
});
const MAPPED: Record<string, unknown> = fip('f1', '172.24.4.10', {
  fixed_ip_address: '10.0.0.5',
  port_id: 'port-web',
  status: 'ACTIVE',
  port_details: { name: '', device_id: 'srv-web', device_owner: 'compute:nova', status: 'ACTIVE' },
});
// web has a port on "private" (router1 joins it to public) and one on "internal1" (no router).
const WEB_PORTS = [
  { id: 'port-web', network_id: 'net-private', device_owner: 'compute:nova', device_id: 'srv-web', fixed_ips: [{ subnet_id: 'sub-private', ip_address: '10.0.0.5' }, { subnet_id: 'sub-private-v6', ip_address: 'fd00::5' }], project_id: 'p-demo' },
  { id: 'port-web-2', network_id: 'net-internal1', device_owner: 'compute:nova', device_id: 'srv-web', fixed_ips: [{ subnet_id: 'sub-internal1', ip_address: '192.168.10.4' }], project_id: 'p-demo' },
];
const ROUTER1 = { id: 'router1', name: 'router1', external_gateway_info: { network_id: 'net-public', enable_snat: true, external_fixed_ips: [] } };
const ROUTER1_IF = { id: 'port-r1-if', network_id: 'net-private', device_owner: 'network:router_interface', device_id: 'router1', fixed_ips: [{ subnet_id: 'sub-private', ip_address: '10.0.0.1' }] };

const fake = useFakeService();
const writes = () => fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);
const neutronError = (status: number, type: string, message: string) => ({ status, body: { NeutronError: { type, message, detail: '' } } });

beforeEach(() => {
  fake.on(`GET ${N}/floatingips`, { status: 200, body: { floatingips: [MAPPED, fip('f2', '172.24.4.11')] } });
  fake.on(`GET ${N}/networks`, (r) => ({ status: 200, body: { networks: r.url.includes('router%3Aexternal') ? [PUBLIC] : [{ id: 'net-private', name: 'private' }, { id: 'net-internal1', name: 'internal1' }] } }));
  fake.on(`GET ${N}/extensions`, { status: 200, body: { extensions: [{ alias: 'quota_details' }] } });
  fake.on(`GET ${N}/quotas/p-demo/details`, { status: 200, body: { quota: { floatingip: { used: 2, limit: 50, reserved: 0 } } } });
  fake.on(`GET ${N}/ports`, (r) => ({ status: 200, body: { ports: r.url.includes('device_owner') ? [ROUTER1_IF] : WEB_PORTS } }));
  fake.on(`GET ${N}/routers`, { status: 200, body: { routers: [ROUTER1] } });
  fake.on('GET /compute/v2.1/servers/detail', { status: 200, body: { servers: [{ id: 'srv-web', name: 'web', status: 'ACTIVE', tenant_id: 'p-demo' }] } });
});

describe('the floating IPs page', () => {
  it('lists the project’s addresses (admins too see only their project) with pool, instance and quota', async () => {
    const view = await loadFloatingIps(fakeScope(fake.url, { isAdmin: true }));
    expect(fake.requests.find((r) => r.url.startsWith(`${N}/floatingips`))?.url).toBe(`${N}/floatingips?project_id=p-demo`);
    expect(view.floatingIps.map((f) => [f.floatingIpAddress, f.poolName, f.serverId, f.serverName, f.fixedIpAddress])).toEqual([
      ['172.24.4.10', 'public', 'srv-web', 'web', '10.0.0.5'],
      ['172.24.4.11', 'public', null, null, null],
    ]);
    expect(view.pools).toEqual([{ id: 'net-public', name: 'public' }]);
    expect(view.quota).toEqual({ used: 2, limit: 50 });
  });

  it('hides the quota when the cloud lacks quota_details', async () => {
    fake.on(`GET ${N}/extensions`, { status: 200, body: { extensions: [{ alias: 'router' }] } });
    expect((await loadFloatingIps(fakeScope(fake.url))).quota).toBeNull();
    expect(fake.requests.some((r) => r.url.includes('/quotas/'))).toBe(false);
  });

  it('finds the instance through the port when Neutron has no fip-port-details', async () => {
    const { port_details: _, ...bare } = MAPPED;
    fake.on(`GET ${N}/floatingips`, { status: 200, body: { floatingips: [bare] } });
    const view = await loadFloatingIps(fakeScope(fake.url));
    expect(view.floatingIps[0]).toMatchObject({ serverId: 'srv-web', serverName: 'web' });
    expect(fake.requests.some((r) => r.url === `${N}/ports?id=port-web`)).toBe(true);
  });

  it('shows all projects only to admins, with project names and every project’s instances', async () => {
    await expect(loadFloatingIps(fakeScope(fake.url), { allProjects: true })).rejects.toMatchObject({ payload: { status: 403 } });
    fake.on('GET /identity/v3/projects', { status: 200, body: { projects: [{ id: 'p-demo', name: 'demo', domain_id: 'default', enabled: true }] } });
    const admin = { ...fakeScope(fake.url, { isAdmin: true }), config: { authUrl: `${fake.url}/identity` } } as unknown as ScopedContext;
    const view = await loadFloatingIps(admin, { allProjects: true });
    expect(fake.requests.find((r) => r.url.startsWith(`${N}/floatingips`))?.url).toBe(`${N}/floatingips`);
    expect(fake.requests.find((r) => r.url.startsWith('/compute'))?.url).toContain('all_tenants=1');
    expect(view.floatingIps[0]).toMatchObject({ projectName: 'demo', serverName: 'web' });
    expect(view.namesError).toBeNull();
  });
});

describe('associating', () => {
  it('offers each IPv4 fixed IP with the pools a router joins it to', async () => {
    const { targets } = await loadAssociateTargets(fakeScope(fake.url), 'srv-web');
    expect(targets.map((t) => [t.fixedIpAddress, t.networkName, t.reachableNetworkIds, t.floatingIpAddress])).toEqual([
      ['10.0.0.5', 'private', ['net-public'], '172.24.4.10'],
      ['192.168.10.4', 'internal1', [], null],
    ]);
    expect(fake.requests.some((r) => r.url === `${N}/ports?device_id=srv-web`)).toBe(true);
  });

  it('explains ExternalGatewayForFloatingIPNotFound next to the port', async () => {
    fake.on(`PUT ${N}/floatingips/f2`, neutronError(404, 'ExternalGatewayForFloatingIPNotFound', 'External network net-public is not reachable from subnet sub-internal1.  Therefore, cannot associate Port port-web-2 with a Floating IP.'));
    await expect(associateFloatingIp(fakeScope(fake.url), 'f2', { portId: 'port-web-2' })).rejects.toMatchObject({
      payload: { code: 'floatingip.unreachable', status: 409, fields: { portId: 'unreachable' }, service: 'network' },
    });
  });

  it('refuses bad input before Neutron hears of it', async () => {
    await expect(associateFloatingIp(fakeScope(fake.url), 'f2', { portId: '' })).rejects.toMatchObject({ issues: [{ message: 'port_required' }] });
    await expect(associateFloatingIp(fakeScope(fake.url), 'f2', { portId: 'p', fixedIpAddress: '10.0.0.5; rm' })).rejects.toMatchObject({ issues: [{ message: 'bad_address' }] });
    expect(writes()).toEqual([]);
  });

  it('from the instance page: an existing address, or a new one in one call, only onto its own ports', async () => {
    fake.on(`PUT ${N}/floatingips/f2`, { status: 200, body: { floatingip: fip('f2', '172.24.4.11', { port_id: 'port-web' }) } });
    fake.on(`POST ${N}/floatingips`, { status: 201, body: { floatingip: fip('f3', '172.24.4.12', { port_id: 'port-web' }) } });
    const ctx = fakeScope(fake.url);
    await expect(addServerFloatingIp(ctx, 'srv-web', { mode: 'existing', floatingIpId: 'f2', portId: 'port-other' })).rejects.toMatchObject({ payload: { fields: { portId: 'port_not_on_server' } } });
    expect(writes()).toEqual([]);
    await addServerFloatingIp(ctx, 'srv-web', { mode: 'existing', floatingIpId: 'f2', portId: 'port-web', fixedIpAddress: '10.0.0.5' });
    await addServerFloatingIp(ctx, 'srv-web', { mode: 'allocate', networkId: 'net-public', portId: 'port-web', fixedIpAddress: '10.0.0.5' });
    expect(writes()).toEqual([`PUT ${N}/floatingips/f2`, `POST ${N}/floatingips`]);
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual({ floatingip: { floating_network_id: 'net-public', port_id: 'port-web', fixed_ip_address: '10.0.0.5' } });
  });

  it('the instance section lists its addresses and the project’s free ones', async () => {
    const view = await loadServerFloatingIps(fakeScope(fake.url), 'srv-web');
    expect(view.floatingIps.map((f) => f.floatingIpAddress)).toEqual(['172.24.4.10']);
    expect(view.available.map((f) => f.floatingIpAddress)).toEqual(['172.24.4.11']);
    expect(view.targets).toHaveLength(2);
  });
});

describe('allocating and releasing', () => {
  it('says at the pool field when the quota is used up', async () => {
    fake.on(`POST ${N}/floatingips`, neutronError(409, 'OverQuota', "Quota exceeded for resources: ['floatingip']."));
    await expect(allocateFloatingIp(fakeScope(fake.url), { networkId: 'net-public' })).rejects.toMatchObject({
      payload: { status: 409, fields: { networkId: 'quota_exceeded' } },
    });
  });

  it('releases several and reports each failure on its own', async () => {
    fake.on(`DELETE ${N}/floatingips/f1`, { status: 204 });
    fake.on(`DELETE ${N}/floatingips/gone`, neutronError(404, 'FloatingIPNotFound', 'Floating IP gone could not be found'));
    const result = await releaseFloatingIps(fakeScope(fake.url), ['f1', 'gone']);
    expect(result.released).toEqual(['f1']);
    expect(result.failed).toEqual([{ id: 'gone', error: expect.objectContaining({ status: 404, service: 'network' }) }]);
  });
});
