import { describe, expect, it } from 'vitest';

import type { AssociateTarget } from '@/lib/bff/floating-ips';

import { splitTargets, targetKey } from './split-targets';

const target = (fixedIpAddress: string, reachableNetworkIds: string[], floatingIpAddress: string | null = null): AssociateTarget => ({
  serverId: 's1',
  serverName: 'web',
  portId: 'p1',
  fixedIpAddress,
  networkId: 'n1',
  networkName: 'private',
  reachableNetworkIds,
  floatingIpAddress,
});

describe('fixed IPs offered for a pool', () => {
  it('are the free ones a router joins to the pool; the other free ones are explained; mapped ones are left out', () => {
    const joined = target('10.0.0.5', ['public']);
    const otherPool = target('10.0.0.6', ['external_network']);
    const isolated = target('192.168.10.4', []);
    const mapped = target('10.0.0.7', ['public'], '172.24.4.9');
    const { usable, unreachable } = splitTargets([joined, otherPool, isolated, mapped], 'public');
    expect(usable).toEqual([joined]);
    expect(unreachable).toEqual([otherPool, isolated]);
    expect(targetKey(joined)).toBe('p1|10.0.0.5');
  });
});
