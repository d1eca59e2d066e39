import { describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import { loadTopology } from './topology';

const N = '/networking/v2.0';
const fake = useFakeService();

describe('topology', () => {
  it('returns external networks first, routers with their networks, and instances with their ports, in five calls', async () => {
    fake.on(`GET ${N}/networks`, {
      status: 200,
      body: { networks: [{ id: 'private', name: 'private', project_id: 'p-demo' }, { id: 'public', name: 'public', 'router:external': true, project_id: 'p-admin' }] },
    });
    fake.on(`GET ${N}/subnets`, { status: 200, body: { subnets: [{ id: 's1', network_id: 'private', cidr: '10.0.0.0/24' }] } });
    fake.on(`GET ${N}/routers`, { status: 200, body: { routers: [{ id: 'r-1', name: 'router1', status: 'ACTIVE', external_gateway_info: { network_id: 'public' } }] } });
    fake.on(`GET ${N}/ports`, {
      status: 200,
      body: {
        ports: [
          { id: 'if1', network_id: 'private', device_owner: 'network:router_interface', device_id: 'r-1', fixed_ips: [{ subnet_id: 's1', ip_address: '10.0.0.1' }] },
          { id: 'vm1', network_id: 'private', device_owner: 'compute:nova', device_id: 'srv-1', fixed_ips: [{ subnet_id: 's1', ip_address: '10.0.0.5' }] },
          { id: 'dhcp', network_id: 'private', device_owner: 'network:dhcp', device_id: 'dhcp-x', fixed_ips: [{ subnet_id: 's1', ip_address: '10.0.0.2' }] },
        ],
      },
    });
    fake.on('GET /compute/v2.1/servers/detail', { status: 200, body: { servers: [{ id: 'srv-1', name: 'web', status: 'ACTIVE' }, { id: 'srv-2', name: 'lonely', status: 'ACTIVE' }] } });

    const graph = await loadTopology(fakeScope(fake.url));
    expect(graph.networks).toEqual([
      { id: 'public', name: 'public', external: true, shared: false, cidrs: [] },
      { id: 'private', name: 'private', external: false, shared: false, cidrs: ['10.0.0.0/24'] },
    ]);
    expect(graph.routers).toEqual([{ id: 'r-1', name: 'router1', status: 'ACTIVE', gatewayNetworkId: 'public', interfaces: [{ networkId: 'private', ip: '10.0.0.1' }] }]);
    expect(graph.instances).toEqual([
      { id: 'srv-2', name: 'lonely', status: 'ACTIVE', ports: [] },
      { id: 'srv-1', name: 'web', status: 'ACTIVE', ports: [{ networkId: 'private', ips: ['10.0.0.5'] }] },
    ]);
    expect(fake.requests).toHaveLength(5);
    expect(fake.requests.find((r) => r.url.startsWith(`${N}/ports`))?.url).toContain('fields=device_owner');
  });

  it('still draws the networks when Nova fails, and says so', async () => {
    fake.on('GET /compute/v2.1/servers/detail', { status: 503, body: { computeFault: { code: 503, message: 'down' } } });
    const graph = await loadTopology(fakeScope(fake.url));
    expect(graph.networks).toHaveLength(2);
    expect(graph.namesError).toMatchObject({ status: 503 });
    expect(graph.instances.map((i) => i.name)).toEqual(['srv-1']);
  });
});
