// Availability zones, hypervisors and compute services: what `openstack availability zone
// list`, `hypervisor list/show/stats` and `compute service list/set` read.

import { describe, expect, it } from 'vitest';
import { hypervisorSeedId, serviceSeedId } from '../../seeds/hosts';
import { IMAGE_IDS } from '../../seeds/images';
import { computeCall, control, useTestCloud } from '../../testing/test-cloud';

const cloud = useTestCloud({ build: { seed: 'demo' }, login: true });

const get = (token: string, url: string, version = '2.1') => computeCall(cloud.app, token, 'GET', url, undefined, version);

describe('availability zones', () => {
  it('lists the zone of the compute hosts for everyone', async () => {
    const response = await get(cloud.demo, '/os-availability-zone');
    expect(response.json()).toEqual({ availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true }, hosts: null }] });
  });

  it('details zones, hosts and services for admins only', async () => {
    const { availabilityZoneInfo } = (await get(cloud.admin, '/os-availability-zone/detail')).json();
    expect(availabilityZoneInfo.map((z: { zoneName: string }) => z.zoneName)).toEqual(['internal', 'nova']);
    const nova = availabilityZoneInfo[1];
    expect(Object.keys(nova.hosts)).toHaveLength(5);
    expect(nova.hosts['c01.example.com']['nova-compute']).toMatchObject({ available: true, active: true });
    expect(nova.hosts['c01.example.com']['nova-compute'].updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(Object.keys(availabilityZoneInfo[0].hosts['controller.example.com']).sort()).toEqual(['nova-conductor', 'nova-scheduler']);
    const refused = await get(cloud.demo, '/os-availability-zone/detail');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().forbidden.code).toBe(403);
  });
});

describe('hypervisors', () => {
  it('lists with integer ids before 2.53 and uuids from 2.53', async () => {
    const old = (await get(cloud.admin, '/os-hypervisors')).json().hypervisors;
    expect(old[0]).toEqual({ id: 1, hypervisor_hostname: 'c01.example.com', state: 'up', status: 'enabled' });
    expect(old).toHaveLength(5);
    const modern = (await get(cloud.admin, '/os-hypervisors', '2.53')).json().hypervisors;
    expect(modern[0].id).toBe(hypervisorSeedId(1));
    const matching = (await get(cloud.admin, '/os-hypervisors?hypervisor_hostname_pattern=c03', '2.53')).json().hypervisors;
    expect(matching.map((h: { hypervisor_hostname: string }) => h.hypervisor_hostname)).toEqual(['c03.example.com']);
    expect((await get(cloud.admin, '/os-hypervisors?hypervisor_hostname_pattern=zz', '2.53')).statusCode).toBe(404);
    const search = (await get(cloud.admin, '/os-hypervisors/c05/search')).json().hypervisors;
    expect(search).toHaveLength(1);
  });

  it('pages from 2.33', async () => {
    const page = (await get(cloud.admin, '/os-hypervisors?limit=2', '2.53')).json();
    expect(page.hypervisors).toHaveLength(2);
    expect(page.hypervisors_links[0].href).toContain(`marker=${hypervisorSeedId(2)}`);
    const next = (await get(cloud.admin, `/os-hypervisors?limit=2&marker=${hypervisorSeedId(2)}`, '2.53')).json();
    expect(next.hypervisors[0].hypervisor_hostname).toBe('c03.example.com');
    expect((await get(cloud.admin, '/os-hypervisors?marker=nope', '2.53')).statusCode).toBe(400);
  });

  it('shows capacity, usage from placed servers, and statistics', async () => {
    const before = (await get(cloud.admin, '/os-hypervisors/statistics')).json().hypervisor_statistics;
    expect(before).toMatchObject({ count: 5, vcpus: 80, memory_mb: 5 * 65536, local_gb: 5000, vcpus_used: 0, running_vms: 0 });

    await control(cloud.app, 'clock', { mode: 'manual' });
    const boot = await computeCall(cloud.app, cloud.demo, 'POST', '/servers', { server: { name: 'usage', flavorRef: '3', imageRef: IMAGE_IDS.cirros, networks: 'none' } }, '2.37');
    expect(boot.statusCode, boot.body).toBe(202);
    await control(cloud.app, 'clock/advance', { seconds: 60 });
    await control(cloud.app, 'clock', { mode: 'real' });

    const after = (await get(cloud.admin, '/os-hypervisors/statistics')).json().hypervisor_statistics;
    expect(after).toMatchObject({ vcpus_used: 2, memory_mb_used: 4096, local_gb_used: 40, running_vms: 1 });
    const detail = (await get(cloud.admin, '/os-hypervisors/detail', '2.53')).json().hypervisors;
    const busy = detail.find((h: { running_vms: number }) => h.running_vms === 1);
    expect(busy).toMatchObject({ vcpus: 16, vcpus_used: 2, memory_mb: 65536, free_ram_mb: 65536 - 4096, hypervisor_type: 'QEMU', state: 'up', status: 'enabled' });
    expect(typeof busy.cpu_info).toBe('object');
    expect(typeof (await get(cloud.admin, '/os-hypervisors/detail')).json().hypervisors[0].cpu_info).toBe('string');
    const shown = (await get(cloud.admin, `/os-hypervisors/${busy.id}`, '2.53')).json().hypervisor;
    expect(shown.hypervisor_hostname).toBe(busy.hypervisor_hostname);
    expect(shown.service.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(shown).not.toHaveProperty('servers');

    const withServers = (await get(cloud.admin, '/os-hypervisors?with_servers=true', '2.53')).json().hypervisors;
    const host = withServers.find((h: { hypervisor_hostname: string }) => h.hypervisor_hostname === busy.hypervisor_hostname);
    expect(host.servers).toEqual([{ name: 'usage', uuid: boot.json().server.id }]);
    expect(withServers.filter((h: { servers?: unknown }) => h.servers !== undefined)).toHaveLength(1);
    const oneWith = (await get(cloud.admin, `/os-hypervisors/${busy.id}?with_servers=1`, '2.53')).json().hypervisor;
    expect(oneWith.servers).toHaveLength(1);
    expect((await get(cloud.admin, '/os-hypervisors?with_servers=maybe', '2.53')).statusCode).toBe(400);
    const legacy = (await get(cloud.admin, `/os-hypervisors/${busy.hypervisor_hostname.slice(0, 3)}/servers`)).json().hypervisors;
    expect(legacy[0].servers[0].name).toBe('usage');
    expect((await get(cloud.admin, '/os-hypervisors/c01/servers', '2.53')).statusCode).toBe(404);
  });

  it('answers unknown and malformed ids, and non-admins', async () => {
    expect((await get(cloud.admin, '/os-hypervisors/99')).statusCode).toBe(404);
    expect((await get(cloud.admin, '/os-hypervisors/1')).json().hypervisor.hypervisor_hostname).toBe('c01.example.com');
    const invalid = await get(cloud.admin, '/os-hypervisors/1', '2.53');
    expect(invalid.json()).toEqual({ badRequest: { code: 400, message: 'Invalid uuid 1' } });
    const missing = await get(cloud.admin, '/os-hypervisors/00000000-0000-4000-8000-000000000000', '2.53');
    expect(missing.json().itemNotFound.message).toBe("Hypervisor with ID '00000000-0000-4000-8000-000000000000' could not be found.");
    expect((await get(cloud.demo, '/os-hypervisors')).statusCode).toBe(403);
    expect((await get(cloud.demo, '/os-hypervisors/statistics')).statusCode).toBe(403);
  });
});

describe('compute services', () => {
  it('lists services with state and status for admins, filtered by binary and host', async () => {
    const { services } = (await get(cloud.admin, '/os-services', '2.11')).json();
    expect(services).toHaveLength(7);
    expect(services[0]).toMatchObject({ id: 1, binary: 'nova-scheduler', host: 'controller.example.com', zone: 'internal', status: 'enabled', state: 'up', disabled_reason: null, forced_down: false });
    expect(services[0].updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    const computes = (await get(cloud.admin, '/os-services?binary=nova-compute&host=c02.example.com')).json().services;
    expect(computes.map((s: { host: string }) => s.host)).toEqual(['c02.example.com']);
    expect((await get(cloud.demo, '/os-services')).statusCode).toBe(403);
  });

  it('disables, forces down and re-enables a compute service (2.53)', async () => {
    const id = serviceSeedId(3);
    const put = (body: unknown) => computeCall(cloud.app, cloud.admin, 'PUT', `/os-services/${id}`, body, '2.53');
    const disabled = await put({ status: 'disabled', disabled_reason: 'maintenance' });
    expect(disabled.json().service).toMatchObject({ id, status: 'disabled', disabled_reason: 'maintenance', state: 'up' });
    const down = await put({ forced_down: true });
    expect(down.json().service.state).toBe('down');
    const hypervisor = (await get(cloud.admin, '/os-hypervisors?hypervisor_hostname_pattern=c01', '2.53')).json().hypervisors[0];
    expect(hypervisor).toMatchObject({ state: 'down', status: 'disabled' });
    const restored = await put({ status: 'enabled', forced_down: false });
    expect(restored.json().service).toMatchObject({ status: 'enabled', state: 'up', disabled_reason: null });
    expect((await put({ status: 'asleep' })).statusCode).toBe(400);
    expect((await put({})).statusCode).toBe(400);
    expect((await put({ status: 'enabled', disabled_reason: 'x' })).statusCode).toBe(400);
    expect((await computeCall(cloud.app, cloud.admin, 'PUT', `/os-services/${serviceSeedId(1)}`, { status: 'disabled' }, '2.53')).statusCode).toBe(400);
    expect((await computeCall(cloud.app, cloud.demo, 'PUT', `/os-services/${id}`, { status: 'disabled' }, '2.53')).statusCode).toBe(403);
    expect((await computeCall(cloud.app, cloud.admin, 'PUT', '/os-services/nope', { status: 'disabled' }, '2.53')).statusCode).toBe(404);
  });
});

describe('aggregates', () => {
  it('has none: an empty list for admins, 404 for any id, 403 for members', async () => {
    expect((await get(cloud.admin, '/os-aggregates')).json()).toEqual({ aggregates: [] });
    expect((await get(cloud.admin, '/os-aggregates/1')).statusCode).toBe(404);
    expect((await get(cloud.demo, '/os-aggregates')).statusCode).toBe(403);
  });
});
