import { describe, expect, it } from 'vitest';

import { useFakeService } from '../fake-service';
import { neutronClient } from './client';
import { addRouterInterface, createRouter, removeRouterInterface, updateRouter } from './routers';

const ROUTER = {
  id: 'r-1',
  name: 'router1',
  project_id: 'p1',
  status: 'ACTIVE',
  admin_state_up: true,
  external_gateway_info: { network_id: 'public', enable_snat: true, external_fixed_ips: [{ subnet_id: 'pub-sub', ip_address: '172.24.4.10' }] },
  routes: [],
};

const fake = useFakeService();
const neutron = () => neutronClient(`${fake.url}/networking`, 'tok');
const sent = (i: number) => JSON.parse(fake.requests[i]!.body) as unknown;

describe('routers', () => {
  it('creates with a gateway and reads its external IPs', async () => {
    fake.on('POST /networking/v2.0/routers', { status: 201, body: { router: ROUTER } });
    const router = await createRouter(neutron(), { name: 'router1', gateway: { networkId: 'public' } });
    expect(sent(0)).toEqual({ router: { name: 'router1', external_gateway_info: { network_id: 'public' } } });
    expect(router.externalGateway).toEqual({ networkId: 'public', enableSnat: true, externalFixedIps: [{ subnetId: 'pub-sub', ipAddress: '172.24.4.10' }] });
  });

  it('clears the gateway with an empty object and replaces the routes', async () => {
    fake.on('PUT /networking/v2.0/routers/r-1', { status: 200, body: { router: { ...ROUTER, external_gateway_info: null } } });
    const router = await updateRouter(neutron(), 'r-1', { gateway: null });
    await updateRouter(neutron(), 'r-1', { routes: [{ destination: '10.9.0.0/16', nexthop: '10.0.0.7' }] });
    expect(sent(0)).toEqual({ router: { external_gateway_info: {} } });
    expect(sent(1)).toEqual({ router: { routes: [{ destination: '10.9.0.0/16', nexthop: '10.0.0.7' }] } });
    expect(router.externalGateway).toBeNull();
  });

  it('adds and removes an interface by subnet', async () => {
    fake.on('PUT /networking/v2.0/routers/r-1/add_router_interface', {
      status: 200,
      body: { id: 'r-1', subnet_id: 'sub-1', subnet_ids: ['sub-1'], port_id: 'port-9', tenant_id: 'p1', network_id: 'net-1' },
    });
    fake.on('PUT /networking/v2.0/routers/r-1/remove_router_interface', { status: 200, body: { id: 'r-1', subnet_id: 'sub-1', port_id: 'port-9' } });
    expect(await addRouterInterface(neutron(), 'r-1', { subnetId: 'sub-1' })).toEqual({ routerId: 'r-1', subnetId: 'sub-1', portId: 'port-9' });
    await removeRouterInterface(neutron(), 'r-1', { subnetId: 'sub-1' });
    expect(sent(0)).toEqual({ subnet_id: 'sub-1' });
    expect(sent(1)).toEqual({ subnet_id: 'sub-1' });
  });
});
