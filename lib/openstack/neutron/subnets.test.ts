import { describe, expect, it } from 'vitest';

import { useFakeService } from '../fake-service';
import { neutronClient } from './client';
import { createSubnet, updateSubnet } from './subnets';

const SUBNET = {
  id: 'sub-1',
  name: 'private-subnet',
  network_id: 'net-1',
  project_id: 'p1',
  ip_version: 4,
  cidr: '10.0.0.0/24',
  gateway_ip: null,
  enable_dhcp: true,
  allocation_pools: [{ start: '10.0.0.2', end: '10.0.0.254' }],
  dns_nameservers: ['8.8.8.8'],
  host_routes: [],
};

const fake = useFakeService();
const neutron = () => neutronClient(`${fake.url}/networking/`, 'tok');

describe('subnets', () => {
  it('sends gateway_ip null for "no gateway" and leaves an empty pool list out', async () => {
    fake.on('POST /networking/v2.0/subnets', { status: 201, body: { subnet: SUBNET } });
    const subnet = await createSubnet(neutron(), {
      networkId: 'net-1',
      cidr: '10.0.0.0/24',
      ipVersion: 4,
      name: 'private-subnet',
      gatewayIp: null,
      allocationPools: [],
      dnsNameservers: ['8.8.8.8'],
    });
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({
      subnet: { name: 'private-subnet', gateway_ip: null, dns_nameservers: ['8.8.8.8'], network_id: 'net-1', cidr: '10.0.0.0/24', ip_version: 4 },
    });
    expect(subnet).toMatchObject({ gatewayIp: null, enableDhcp: true, allocationPools: [{ start: '10.0.0.2', end: '10.0.0.254' }] });
  });

  it('updates host routes and DHCP with the wire names', async () => {
    fake.on('PUT /networking/v2.0/subnets/sub-1', { status: 200, body: { subnet: { ...SUBNET, enable_dhcp: false } } });
    await updateSubnet(neutron(), 'sub-1', { enableDhcp: false, hostRoutes: [{ destination: '192.168.0.0/24', nexthop: '10.0.0.5' }] });
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({
      subnet: { enable_dhcp: false, host_routes: [{ destination: '192.168.0.0/24', nexthop: '10.0.0.5' }] },
    });
  });
});
