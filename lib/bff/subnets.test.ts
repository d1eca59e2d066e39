import { describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import { addSubnet, editSubnet, removeSubnet } from './subnets';

const N = '/networking/v2.0';
const SUBNET = { id: 'sub-1', name: 'a', network_id: 'net-1', ip_version: 4, cidr: '10.0.0.0/24', allocation_pools: [{ start: '10.0.0.2', end: '10.0.0.254' }] };

const fake = useFakeService();
const writes = () => fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);

describe('subnets', () => {
  it('refuse a CIDR that overlaps another subnet of the network, at the CIDR, before Neutron sees it', async () => {
    fake.on(`GET ${N}/subnets`, { status: 200, body: { subnets: [SUBNET] } });
    await expect(addSubnet(fakeScope(fake.url), { networkId: 'net-1', cidr: '10.0.0.128/25' })).rejects.toMatchObject({
      payload: { status: 400, fields: { cidr: 'cidr_overlap' } },
    });
    expect(fake.requests[0]?.url).toBe(`${N}/subnets?network_id=net-1`);
    expect(writes()).toEqual([]);
  });

  it('put Neutron’s own refusal at the field it is about', async () => {
    fake.on(`GET ${N}/subnets`, { status: 200, body: { subnets: [] } });
    fake.on(`POST ${N}/subnets`, {
      status: 400,
      body: { NeutronError: { type: 'InvalidInput', message: 'Invalid input for operation: Requested subnet with cidr: 10.1.0.0/24 for network: net-1 overlaps with another subnet.', detail: '' } },
    });
    await expect(addSubnet(fakeScope(fake.url), { networkId: 'net-1', cidr: '10.1.0.0/24' })).rejects.toMatchObject({
      payload: { fields: { cidr: expect.stringContaining('overlaps with another subnet') } },
    });
  });

  it('check an edit against the subnet’s own CIDR and never send a CIDR', async () => {
    fake.on(`GET ${N}/subnets/sub-1`, { status: 200, body: { subnet: SUBNET } });
    fake.on(`PUT ${N}/subnets/sub-1`, { status: 200, body: { subnet: SUBNET } });
    await expect(editSubnet(fakeScope(fake.url), 'sub-1', { cidr: '10.9.0.0/16', allocationPools: '10.9.0.2,10.9.0.9' })).rejects.toThrow(/pool_outside_cidr/);
    await editSubnet(fakeScope(fake.url), 'sub-1', { name: 'b', gatewayMode: 'none', dnsNameservers: '8.8.8.8' });
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual({
      subnet: { name: 'b', gateway_ip: null, enable_dhcp: true, dns_nameservers: ['8.8.8.8'], host_routes: [] },
    });
  });

  it('say SubnetInUse in their own words', async () => {
    fake.on(`DELETE ${N}/subnets/sub-1`, { status: 409, body: { NeutronError: { type: 'SubnetInUse', message: 'One or more ports have an IP allocation from this subnet.', detail: '' } } });
    await expect(removeSubnet(fakeScope(fake.url), 'sub-1')).rejects.toMatchObject({ payload: { code: 'network.subnet_in_use', status: 409 } });
  });
});
