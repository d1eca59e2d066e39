import { describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import { addPort, removePort } from './ports';

const N = '/networking/v2.0';
const fake = useFakeService();
const deletes = () => fake.requests.filter((r) => r.method === 'DELETE').length;

describe('ports', () => {
  it('are created with the typed address, and Neutron’s refusal of it lands at the address', async () => {
    fake.on(`POST ${N}/ports`, { status: 409, body: { NeutronError: { type: 'IpAddressAlreadyAllocated', message: 'IP address 10.0.0.5 already allocated in subnet sub-1', detail: '' } } });
    await expect(addPort(fakeScope(fake.url), { networkId: 'net-1', subnetId: 'sub-1', ipAddress: '10.0.0.5' })).rejects.toMatchObject({
      payload: { status: 400, fields: { ipAddress: expect.stringContaining('already allocated') } },
    });
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({ port: { network_id: 'net-1', name: '', admin_state_up: true, fixed_ips: [{ subnet_id: 'sub-1', ip_address: '10.0.0.5' }] } });
  });

  it('owned by a router are never deleted here; an instance’s only once confirmed', async () => {
    fake.on(`GET ${N}/ports/p-r`, { status: 200, body: { port: { id: 'p-r', device_owner: 'network:router_interface', device_id: 'r-1' } } });
    fake.on(`GET ${N}/ports/p-i`, { status: 200, body: { port: { id: 'p-i', device_owner: 'compute:nova', device_id: 'srv-1' } } });
    fake.on(`DELETE ${N}/ports/p-i`, { status: 204 });
    await expect(removePort(fakeScope(fake.url), 'p-r', { confirmedInstance: true })).rejects.toMatchObject({ payload: { code: 'network.port_owned_by_router' } });
    await expect(removePort(fakeScope(fake.url), 'p-i', { confirmedInstance: false })).rejects.toMatchObject({ payload: { code: 'network.port_owned_by_instance' } });
    expect(deletes()).toBe(0);
    await removePort(fakeScope(fake.url), 'p-i', { confirmedInstance: true });
    expect(deletes()).toBe(1);
  });
});
