import { describe, expect, it } from 'vitest';

import { OpenStackError } from '../errors';
import { useFakeService } from '../fake-service';
import { neutronClient } from './client';
import { createNetwork, deleteNetwork, listNetworks, updateNetwork } from './networks';

// The api-ref "list networks" sample's shape, trimmed.
const NET = {
  id: 'net-1',
  name: 'private',
  description: '',
  project_id: 'p1',
  tenant_id: 'p1',
  status: 'ACTIVE',
  admin_state_up: true,
  shared: false,
  'router:external': false,
  mtu: 1442,
  subnets: ['sub-1'],
  port_security_enabled: true,
};

const fake = useFakeService();
const neutron = () => neutronClient(`${fake.url}/networking`, 'tok');

describe('networks', () => {
  it('lists under /v2.0 with repeated filters and clean names', async () => {
    fake.on('GET /networking/v2.0/networks', { status: 200, body: { networks: [NET] } });
    const networks = await listNetworks(neutron(), { id: ['a', 'b'], shared: true });
    expect(fake.requests[0]?.url).toBe('/networking/v2.0/networks?id=a&id=b&shared=true');
    expect(networks[0]).toMatchObject({ name: 'private', mtu: 1442, external: false, subnetIds: ['sub-1'] });
  });

  it('creates and updates with the wire names, sending only what changed', async () => {
    fake.on('POST /networking/v2.0/networks', { status: 201, body: { network: NET } });
    fake.on('PUT /networking/v2.0/networks/net-1', { status: 200, body: { network: { ...NET, shared: true } } });
    await createNetwork(neutron(), { name: 'private', adminStateUp: true });
    const updated = await updateNetwork(neutron(), 'net-1', { shared: true });
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({ network: { name: 'private', admin_state_up: true } });
    expect(JSON.parse(fake.requests[1]!.body)).toEqual({ network: { shared: true } });
    expect(updated.shared).toBe(true);
  });

  it('passes Neutron’s NetworkInUse on as a 409 with its message', async () => {
    fake.on('DELETE /networking/v2.0/networks/net-1', {
      status: 409,
      body: { NeutronError: { type: 'NetworkInUse', message: 'Unable to complete operation on network net-1. There are one or more ports still in use on the network.', detail: '' } },
    });
    const error = await deleteNetwork(neutron(), 'net-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenStackError);
    expect(error).toMatchObject({ status: 409, service: 'network', message: expect.stringContaining('ports still in use') });
  });
});
