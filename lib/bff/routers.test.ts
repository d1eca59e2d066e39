import { beforeEach, describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import { connectSubnet, loadRouterDetail, loadRouters, removeRouter, setRouterGateway, setRouterRoutes } from './routers';

const N = '/networking/v2.0';
const ROUTER = {
  id: 'r-1',
  name: 'router1',
  project_id: 'p-demo',
  status: 'ACTIVE',
  external_gateway_info: { network_id: 'public', enable_snat: true, external_fixed_ips: [{ subnet_id: 'pub-sub', ip_address: '172.24.4.10' }] },
  routes: [],
};
const NETWORKS = [
  { id: 'public', name: 'public', 'router:external': true, project_id: 'p-admin' },
  { id: 'private', name: 'private', project_id: 'p-demo' },
  { id: 'db', name: 'db', project_id: 'p-demo' },
];
const SUBNETS = [
  { id: 'pub-sub', name: 'public-subnet', network_id: 'public', cidr: '172.24.4.0/24', ip_version: 4 },
  { id: 'priv-sub', name: 'private-subnet', network_id: 'private', cidr: '10.0.0.0/24', ip_version: 4 },
  { id: 'db-sub', name: 'db-subnet', network_id: 'db', cidr: '10.2.0.0/24', ip_version: 4 },
];

const fake = useFakeService();
const writes = () => fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);

beforeEach(() => {
  fake.on(`GET ${N}/routers/r-1`, { status: 200, body: { router: ROUTER } });
  fake.on(`GET ${N}/routers`, { status: 200, body: { routers: [ROUTER] } });
  fake.on(`GET ${N}/networks`, { status: 200, body: { networks: NETWORKS } });
  fake.on(`GET ${N}/subnets`, { status: 200, body: { subnets: SUBNETS } });
  fake.on(`GET ${N}/ports`, {
    status: 200,
    body: {
      ports: [
        { id: 'gw', network_id: 'public', device_owner: 'network:router_gateway', device_id: 'r-1', fixed_ips: [{ subnet_id: 'pub-sub', ip_address: '172.24.4.10' }] },
        { id: 'if1', network_id: 'private', device_owner: 'network:router_interface', device_id: 'r-1', fixed_ips: [{ subnet_id: 'priv-sub', ip_address: '10.0.0.1' }] },
      ],
    },
  });
});

describe('routers', () => {
  it('list with the gateway network named and interfaces counted (the gateway is not an interface)', async () => {
    const view = await loadRouters(fakeScope(fake.url));
    expect(view.routers[0]).toMatchObject({ name: 'router1', gatewayNetworkName: 'public', interfaceCount: 1 });
    expect(view.externalNetworks).toEqual([{ id: 'public', name: 'public' }]);
  });

  it('detail: interfaces with subnets, connected CIDRs, and only subnets not yet on the router to pick from', async () => {
    const view = await loadRouterDetail(fakeScope(fake.url), 'r-1');
    expect(view.interfaces).toEqual([
      { portId: 'if1', networkId: 'private', networkName: 'private', subnetId: 'priv-sub', subnetName: 'private-subnet', cidr: '10.0.0.0/24', ipAddress: '10.0.0.1' },
    ]);
    expect(view.connectedCidrs).toEqual(['10.0.0.0/24', '172.24.4.0/24']);
    expect(view.attachableSubnets.map((s) => s.id)).toEqual(['db-sub']);
  });

  it('refuse a static route whose next hop is in no connected subnet, and send the whole list otherwise', async () => {
    await expect(setRouterRoutes(fakeScope(fake.url), 'r-1', { routes: '10.9.0.0/16,10.2.0.5' })).rejects.toMatchObject({ payload: { fields: { routes: 'nexthop_unreachable' } } });
    expect(writes()).toEqual([]);
    fake.on(`PUT ${N}/routers/r-1`, { status: 200, body: { router: ROUTER } });
    await setRouterRoutes(fakeScope(fake.url), 'r-1', { routes: '10.9.0.0/16,10.0.0.7' });
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual({ router: { routes: [{ destination: '10.9.0.0/16', nexthop: '10.0.0.7' }] } });
  });

  it('set and clear the gateway, and connect a subnet, with Neutron’s refusals at the field', async () => {
    fake.on(`PUT ${N}/routers/r-1`, { status: 200, body: { router: ROUTER } });
    await setRouterGateway(fakeScope(fake.url), 'r-1', { networkId: '' });
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual({ router: { external_gateway_info: {} } });
    // Neutron's policy keeps enable_snat to admins: a member's request leaves it to the cloud's default.
    await setRouterGateway(fakeScope(fake.url), 'r-1', { networkId: 'public', enableSnat: false });
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual({ router: { external_gateway_info: { network_id: 'public' } } });
    await setRouterGateway(fakeScope(fake.url, { isAdmin: true }), 'r-1', { networkId: 'public', enableSnat: false });
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual({ router: { external_gateway_info: { network_id: 'public', enable_snat: false } } });
    fake.on(`PUT ${N}/routers/r-1/add_router_interface`, {
      status: 400,
      body: { NeutronError: { type: 'BadRequest', message: 'Bad router request: Subnet db-sub does not have a gateway IP.', detail: '' } },
    });
    await expect(connectSubnet(fakeScope(fake.url), 'r-1', { subnetId: 'db-sub' })).rejects.toMatchObject({ payload: { fields: { subnetId: expect.stringContaining('gateway IP') } } });
  });

  it('explain RouterInUse with its own code', async () => {
    fake.on(`DELETE ${N}/routers/r-1`, { status: 409, body: { NeutronError: { type: 'RouterInUse', message: 'Router r-1 still has ports', detail: '' } } });
    await expect(removeRouter(fakeScope(fake.url), 'r-1')).rejects.toMatchObject({ payload: { code: 'network.router_in_use', status: 409 } });
  });
});
