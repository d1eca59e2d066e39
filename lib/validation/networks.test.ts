import { describe, expect, it } from 'vitest';

import { zodFields } from '@/components/ui/use-api-feedback';

import { createNetworkInput, createPortInput } from './networks';

describe('network input', () => {
  it('takes a network alone or with its first subnet, whose errors carry the subnet path', () => {
    expect(createNetworkInput.parse({ name: 'net1' }).subnet).toBeNull();
    expect(createNetworkInput.parse({ name: 'net1', subnet: { cidr: '10.1.0.0/24' } }).subnet).toMatchObject({ cidr: '10.1.0.0/24', ipVersion: 4 });
    const bad = createNetworkInput.safeParse({ name: 'net1', subnet: { cidr: '10.1.0.0/24', gatewayMode: 'custom', gatewayIp: '10.1.0.255' } });
    expect(bad.success ? {} : zodFields(bad.error.issues)).toEqual({ 'subnet.gatewayIp': 'gateway_not_usable' });
  });
});

describe('port input', () => {
  it('needs a network, checks a fixed address and keeps "default group" apart from "no group"', () => {
    expect(createPortInput.parse({ networkId: 'n1', ipAddress: ' 10.0.0.9 ' })).toMatchObject({ ipAddress: '10.0.0.9', securityGroupIds: null });
    expect(createPortInput.parse({ networkId: 'n1', securityGroupIds: [] }).securityGroupIds).toEqual([]);
    const bad = createPortInput.safeParse({ networkId: '', ipAddress: '10.0.0' });
    expect(bad.success ? {} : zodFields(bad.error.issues)).toEqual({ networkId: 'network_required', ipAddress: 'not_an_ip' });
  });
});
