import { describe, expect, it } from 'vitest';

import { useFakeService } from '../fake-service';
import { neutronClient } from './client';
import { createPort, isInstancePort, isRouterInterface, listPorts, updatePort } from './ports';

const PORT = {
  id: 'port-1',
  name: '',
  network_id: 'net-1',
  project_id: 'p1',
  mac_address: 'fa:16:3e:00:00:01',
  fixed_ips: [{ subnet_id: 'sub-1', ip_address: '10.0.0.5' }],
  device_owner: 'compute:nova',
  device_id: 'server-1',
  status: 'ACTIVE',
  admin_state_up: true,
  security_groups: ['sg-1'],
};

const fake = useFakeService();
const neutron = () => neutronClient(`${fake.url}/networking`, 'tok');

describe('ports', () => {
  it('lists a network’s ports with their owners', async () => {
    fake.on('GET /networking/v2.0/ports', { status: 200, body: { ports: [PORT] } });
    const [port] = await listPorts(neutron(), { network_id: 'net-1' });
    expect(fake.requests[0]?.url).toBe('/networking/v2.0/ports?network_id=net-1');
    expect(port).toMatchObject({ deviceOwner: 'compute:nova', deviceId: 'server-1', fixedIps: [{ subnetId: 'sub-1', ipAddress: '10.0.0.5' }] });
    expect(isInstancePort(port!)).toBe(true);
    expect(isRouterInterface({ deviceOwner: 'network:router_interface' })).toBe(true);
    expect(isRouterInterface({ deviceOwner: 'network:router_gateway' })).toBe(false);
  });

  it('creates with a fixed IP and security groups, and renames', async () => {
    fake.on('POST /networking/v2.0/ports', { status: 201, body: { port: PORT } });
    fake.on('PUT /networking/v2.0/ports/port-1', { status: 200, body: { port: { ...PORT, name: 'vip' } } });
    await createPort(neutron(), { networkId: 'net-1', name: 'vip', fixedIps: [{ subnetId: 'sub-1', ipAddress: '10.0.0.5' }], securityGroupIds: ['sg-1'] });
    await updatePort(neutron(), 'port-1', { name: 'vip', adminStateUp: false });
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({
      port: { network_id: 'net-1', name: 'vip', fixed_ips: [{ subnet_id: 'sub-1', ip_address: '10.0.0.5' }], security_groups: ['sg-1'] },
    });
    expect(JSON.parse(fake.requests[1]!.body)).toEqual({ port: { name: 'vip', admin_state_up: false } });
  });
});
