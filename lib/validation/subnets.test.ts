import { describe, expect, it } from 'vitest';

import { zodFields } from '@/components/ui/use-api-feedback';

import { createSubnetInput, gatewayOf, overlappingSubnet, subnetInput, updateSubnetInput } from './subnets';

const problems = (raw: Record<string, unknown>): Record<string, string> => {
  const parsed = subnetInput.safeParse({ cidr: '10.0.0.0/24', ...raw });
  return parsed.success ? {} : zodFields(parsed.error.issues);
};

describe('subnet input', () => {
  it('reads pools, DNS servers and host routes one per line', () => {
    const input = subnetInput.parse({
      cidr: '10.0.0.0/24',
      allocationPools: '10.0.0.10,10.0.0.99\n 10.0.0.150 - 10.0.0.200 \n',
      dnsNameservers: '8.8.8.8\n1.1.1.1',
      hostRoutes: '192.168.0.0/24,10.0.0.1',
    });
    expect(input).toMatchObject({
      ipVersion: 4,
      gatewayMode: 'auto',
      enableDhcp: true,
      allocationPools: [
        { start: '10.0.0.10', end: '10.0.0.99' },
        { start: '10.0.0.150', end: '10.0.0.200' },
      ],
      dnsNameservers: ['8.8.8.8', '1.1.1.1'],
      hostRoutes: [{ destination: '192.168.0.0/24', nexthop: '10.0.0.1' }],
    });
  });

  it('takes a gateway off the subnet, as Neutron does for provider networks', () => {
    expect(problems({ gatewayMode: 'custom', gatewayIp: '10.0.1.1' })).toEqual({});
  });

  it.each([
    [{ cidr: '10.0.0.0/33' }, { cidr: 'not_a_cidr' }],
    [{ cidr: '10.0.0.5/24' }, { cidr: 'host_bits_set' }],
    [{ cidr: '' }, { cidr: 'cidr_required' }],
    [{ cidr: '2001:db8::/64' }, { cidr: 'cidr_family' }],
    [{ gatewayMode: 'custom', gatewayIp: '10.0.0.255' }, { gatewayIp: 'gateway_not_usable' }],
    [{ gatewayMode: 'custom', gatewayIp: '10.0.0.0' }, { gatewayIp: 'gateway_not_usable' }],
    [{ gatewayMode: 'custom', gatewayIp: '2001:db8::1' }, { gatewayIp: 'gateway_family' }],
    [{ gatewayMode: 'custom', gatewayIp: '' }, { gatewayIp: 'gateway_required' }],
    [{ allocationPools: '10.0.0.10,10.0.1.20' }, { allocationPools: 'pool_outside_cidr' }],
    [{ allocationPools: '10.0.0.50,10.0.0.20' }, { allocationPools: 'pool_reversed' }],
    [{ allocationPools: '10.0.0.10,10.0.0.50\n10.0.0.40,10.0.0.60' }, { allocationPools: 'pool_overlap' }],
    [{ gatewayMode: 'custom', gatewayIp: '10.0.0.20', allocationPools: '10.0.0.10,10.0.0.50' }, { allocationPools: 'pool_has_gateway' }],
    [{ allocationPools: '10.0.0.10' }, { allocationPools: 'pool_format' }],
    [{ dnsNameservers: '8.8.8' }, { dnsNameservers: 'dns_format' }],
    [{ hostRoutes: '192.168.0.0/24' }, { hostRoutes: 'route_format' }],
    [{ hostRoutes: '2001:db8::/64,2001:db8::1' }, { hostRoutes: 'route_family' }],
  ])('refuses %j with %j', (raw, expected) => {
    expect(problems(raw)).toEqual(expected);
  });

  it('accepts an IPv6 subnet, no gateway, and a gateway inside the CIDR', () => {
    expect(problems({ cidr: '2001:db8::/64', ipVersion: 6 })).toEqual({});
    expect(problems({ gatewayMode: 'none' })).toEqual({});
    expect(problems({ gatewayMode: 'custom', gatewayIp: '10.0.0.254', allocationPools: '10.0.0.2,10.0.0.253' })).toEqual({});
  });

  it('gives the gateway as the wire wants it', () => {
    expect(gatewayOf({ gatewayMode: 'auto', gatewayIp: '10.0.0.9' })).toBeUndefined();
    expect(gatewayOf({ gatewayMode: 'none', gatewayIp: '' })).toBeNull();
    expect(gatewayOf({ gatewayMode: 'custom', gatewayIp: '2001:DB8::1' })).toBe('2001:db8::1');
  });

  it('needs the network for a new subnet and checks edits against the subnet’s CIDR', () => {
    expect(createSubnetInput.safeParse({ cidr: '10.0.0.0/24' }).success).toBe(false);
    const edit = updateSubnetInput.safeParse({ cidr: '10.0.0.0/24', allocationPools: '10.0.9.1,10.0.9.9' });
    expect(edit.success ? {} : zodFields(edit.error.issues)).toEqual({ allocationPools: 'pool_outside_cidr' });
  });
});

describe('overlappingSubnet', () => {
  const others = [{ id: 's1', name: 'a', cidr: '10.0.0.0/24' }, { id: 's2', name: 'b', cidr: '2001:db8::/64' }];
  it('finds a subnet of the network that shares addresses', () => {
    expect(overlappingSubnet('10.0.0.128/25', others)?.id).toBe('s1');
    expect(overlappingSubnet('10.0.0.0/16', others)?.id).toBe('s1');
    expect(overlappingSubnet('10.0.1.0/24', others)).toBeNull();
    expect(overlappingSubnet('2001:db8::/48', others)?.id).toBe('s2');
  });
});
