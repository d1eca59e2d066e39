import { describe, expect, it } from 'vitest';

import { useFakeService } from '../fake-service';
import { neutronClient } from './client';
import {
  createFloatingIp,
  deleteFloatingIp,
  getQuotaDetails,
  listExtensionAliases,
  listFloatingIps,
  updateFloatingIpPort,
} from './floating-ips';

// The api-ref's "show floating IP" sample, trimmed: an address mapped to an instance's port.
const FIP = {
  id: '2f245a7b-796b-4f26-9cf9-9e82d248fda7',
  floating_ip_address: '172.24.4.228',
  floating_network_id: '376da547-b977-4cfe-9cba-275c80debf57',
  fixed_ip_address: '10.0.0.3',
  port_id: 'ce705c24-c1ef-408a-bda3-7bbd946164ab',
  router_id: 'd23abc8d-2991-4a55-ba98-2aaea84cc72f',
  status: 'ACTIVE',
  project_id: '4969c491a3c74ee4af974e6d800c62de',
  tenant_id: '4969c491a3c74ee4af974e6d800c62de',
  description: 'for test',
  port_details: { name: 'web-port', device_id: '8e3941b4-a6e9-499f-a1ac-2a4662025cba', device_owner: 'compute:nova', status: 'ACTIVE' },
  created_at: '2016-12-21T10:55:50Z',
};

const fake = useFakeService();
const client = () => neutronClient(`${fake.url}/networking`, 'tok');
const sent = () => JSON.parse(fake.requests.at(-1)!.body);

describe('neutron floating IPs', () => {
  it('list under /v2.0 with the filters, clean names and the instance behind the port', async () => {
    fake.on('GET /networking/v2.0/floatingips', { status: 200, body: { floatingips: [FIP] } });
    const [fip] = await listFloatingIps(client(), { project_id: 'p1' });
    expect(fake.requests.at(-1)?.url).toBe('/networking/v2.0/floatingips?project_id=p1');
    expect(fip).toMatchObject({ floatingIpAddress: '172.24.4.228', fixedIpAddress: '10.0.0.3', portDetails: { deviceId: '8e3941b4-a6e9-499f-a1ac-2a4662025cba', deviceOwner: 'compute:nova' } });
  });

  it('allocate from a pool, and allocate onto a port with one of its fixed IPs', async () => {
    fake.on('POST /networking/v2.0/floatingips', { status: 201, body: { floatingip: { ...FIP, port_id: null, fixed_ip_address: null } } });
    const fip = await createFloatingIp(client(), { floatingNetworkId: 'ext', description: 'web' });
    expect(sent()).toEqual({ floatingip: { floating_network_id: 'ext', description: 'web' } });
    expect(fip.portId).toBeNull();
    await createFloatingIp(client(), { floatingNetworkId: 'ext', portId: 'port-1', fixedIpAddress: '10.0.0.5' });
    expect(sent()).toEqual({ floatingip: { floating_network_id: 'ext', port_id: 'port-1', fixed_ip_address: '10.0.0.5' } });
  });

  it('associate sends the port (and fixed IP); disassociate sends port_id null', async () => {
    fake.on(`PUT /networking/v2.0/floatingips/${FIP.id}`, { status: 200, body: { floatingip: FIP } });
    await updateFloatingIpPort(client(), FIP.id, 'port-1', '10.0.0.3');
    expect(sent()).toEqual({ floatingip: { port_id: 'port-1', fixed_ip_address: '10.0.0.3' } });
    await updateFloatingIpPort(client(), FIP.id, null);
    expect(sent()).toEqual({ floatingip: { port_id: null } });
  });

  it('keep Neutron’s fault type, so ExternalGatewayForFloatingIPNotFound is told from other 404s', async () => {
    fake.on(`PUT /networking/v2.0/floatingips/${FIP.id}`, {
      status: 404,
      body: { NeutronError: { type: 'ExternalGatewayForFloatingIPNotFound', message: 'External network ext is not reachable from subnet sub-1.  Therefore, cannot associate Port port-1 with a Floating IP.', detail: '' } },
    });
    await expect(updateFloatingIpPort(client(), FIP.id, 'port-1')).rejects.toMatchObject({ faultType: 'ExternalGatewayForFloatingIPNotFound' });
    fake.on(`PUT /networking/v2.0/floatingips/${FIP.id}`, { status: 404, body: { NeutronError: { type: 'FloatingIPNotFound', message: `Floating IP ${FIP.id} could not be found`, detail: '' } } });
    const error = await updateFloatingIpPort(client(), FIP.id, 'port-1').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, service: 'network', faultType: 'FloatingIPNotFound' });
  });

  it('release with DELETE', async () => {
    fake.on(`DELETE /networking/v2.0/floatingips/${FIP.id}`, { status: 204 });
    await deleteFloatingIp(client(), FIP.id);
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`DELETE /networking/v2.0/floatingips/${FIP.id}`]);
  });

  it('read the extension aliases and the quota details (used, not in_use)', async () => {
    fake.on('GET /networking/v2.0/extensions', { status: 200, body: { extensions: [{ alias: 'quota_details', name: 'Quota details management support' }, { alias: 'router' }] } });
    expect(await listExtensionAliases(client())).toEqual(new Set(['quota_details', 'router']));
    fake.on('GET /networking/v2.0/quotas/p1/details', { status: 200, body: { quota: { floatingip: { used: 2, limit: 50, reserved: 0 }, network: { used: 1, limit: 100, reserved: 0 } } } });
    expect((await getQuotaDetails(client(), 'p1')).floatingip).toEqual({ used: 2, limit: 50, reserved: 0 });
  });
});
