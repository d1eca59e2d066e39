import { describe, expect, it } from 'vitest';

import { useFakeService } from '../fake-service';
import { neutronClient } from './client';
import { getNetworkIpAvailability } from './ip-availability';

const fake = useFakeService();

describe('network IP availability', () => {
  it('reads the per-subnet totals of one network', async () => {
    fake.on('GET /networking/v2.0/network-ip-availabilities/net-1', {
      status: 200,
      body: {
        network_ip_availability: {
          network_id: 'net-1',
          network_name: 'private',
          project_id: 'p1',
          tenant_id: 'p1',
          total_ips: 253,
          used_ips: 3,
          subnet_ip_availability: [{ subnet_id: 'sub-1', subnet_name: 'private-subnet', cidr: '10.0.0.0/24', ip_version: 4, total_ips: 253, used_ips: 3 }],
        },
      },
    });
    const availability = await getNetworkIpAvailability(neutronClient(`${fake.url}/networking`, 'tok'), 'net-1');
    expect(availability.subnets).toEqual([{ subnetId: 'sub-1', subnetName: 'private-subnet', cidr: '10.0.0.0/24', ipVersion: 4, totalIps: 253, usedIps: 3 }]);
  });
});
