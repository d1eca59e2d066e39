import { describe, expect, it } from 'vitest';

import { createRouterInput, routerRoutesInput, unreachableNextHop } from './routers';

describe('router input', () => {
  it('defaults to no gateway with SNAT on', () => {
    expect(createRouterInput.parse({ name: 'r1' })).toEqual({ name: 'r1', description: '', adminStateUp: true, externalNetworkId: '', enableSnat: true });
  });

  it('reads static routes one per line and refuses a bad line', () => {
    expect(routerRoutesInput.parse({ routes: '10.9.0.0/16,10.0.0.7\n' }).routes).toEqual([{ destination: '10.9.0.0/16', nexthop: '10.0.0.7' }]);
    expect(routerRoutesInput.safeParse({ routes: '10.9.0.0/16 via 10.0.0.7' }).success).toBe(false);
  });

  it('finds a next hop outside every connected subnet', () => {
    const connected = ['10.0.0.0/24', '172.24.4.0/24'];
    expect(unreachableNextHop([{ destination: '10.9.0.0/16', nexthop: '10.0.0.7' }], connected)).toBeNull();
    expect(unreachableNextHop([{ destination: '10.9.0.0/16', nexthop: '172.24.4.1' }], connected)).toBeNull();
    expect(unreachableNextHop([{ destination: '10.9.0.0/16', nexthop: '192.168.1.1' }], connected)).toEqual({ destination: '10.9.0.0/16', nexthop: '192.168.1.1' });
  });
});
