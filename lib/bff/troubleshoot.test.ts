import { beforeEach, describe, expect, it } from 'vitest';

import type { TraceQuery } from '../network/troubleshoot/types';
import { useFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import { runTroubleshoot } from './troubleshoot';

const fake = useFakeService();
const N = '/networking/v2.0';

const WEB_PORT = {
  id: 'port-web', network_id: 'net-private', device_id: 'web', device_owner: 'compute:nova', mac_address: 'fa:16:3e:00:00:05',
  admin_state_up: true, status: 'ACTIVE', port_security_enabled: true, security_groups: ['sg-default'],
  fixed_ips: [{ subnet_id: 'sub-private', ip_address: '10.0.0.5' }],
};
const DEFAULT_GROUP = {
  id: 'sg-default', name: 'default', stateful: true,
  security_group_rules: [
    { id: 'r1', security_group_id: 'sg-default', direction: 'egress', ethertype: 'IPv4', protocol: null },
    { id: 'r2', security_group_id: 'sg-default', direction: 'ingress', ethertype: 'IPv4', protocol: null, remote_group_id: 'sg-default' },
  ],
};
const ROUTER_IF = { id: 'rif-1', network_id: 'net-private', device_id: 'router1', device_owner: 'network:router_interface', fixed_ips: [{ subnet_id: 'sub-private', ip_address: '10.0.0.1' }] };

const query: TraceQuery = { source: { kind: 'internet', address: '203.0.113.5' }, destinationServerId: 'web', protocol: 'tcp', port: 22, icmpType: null, icmpCode: null };
const neutronCalls = () => fake.requests.filter((r) => r.url.startsWith(N)).map((r) => decodeURIComponent(r.url.slice(N.length)));

beforeEach(() => {
  fake.on('GET /compute/v2.1/servers/web', { status: 200, body: { server: { id: 'web', name: 'web', status: 'ACTIVE' } } });
  fake.on(`GET ${N}/ports`, (r) => {
    const url = new URL(r.url, 'http://x');
    if (url.searchParams.getAll('device_owner').length) return { status: 200, body: { ports: [ROUTER_IF] } };
    return { status: 200, body: { ports: [WEB_PORT] } };
  });
  fake.on(`GET ${N}/floatingips`, { status: 200, body: { floatingips: [{ id: 'fip1', floating_ip_address: '172.24.4.10', floating_network_id: 'net-public', fixed_ip_address: '10.0.0.5', port_id: 'port-web', router_id: 'router1', status: 'ACTIVE' }] } });
  fake.on(`GET ${N}/security-groups`, { status: 200, body: { security_groups: [DEFAULT_GROUP] } });
  fake.on(`GET ${N}/routers`, { status: 200, body: { routers: [{ id: 'router1', name: 'router1', admin_state_up: true, external_gateway_info: { network_id: 'net-public', enable_snat: true, external_fixed_ips: [{ subnet_id: 'sub-public', ip_address: '172.24.4.2' }] } }] } });
  fake.on(`GET ${N}/subnets`, { status: 200, body: { subnets: [{ id: 'sub-private', name: 'private-subnet', network_id: 'net-private', ip_version: 4, cidr: '10.0.0.0/24' }] } });
  fake.on(`GET ${N}/networks`, { status: 200, body: { networks: [{ id: 'net-private', name: 'private', admin_state_up: true }, { id: 'net-public', name: 'public', 'router:external': true }] } });
});

describe('the troubleshooter BFF', () => {
  it('gathers the path in filtered Neutron calls and answers with the evaluation', async () => {
    const view = await runTroubleshoot(fakeScope(fake.url), query);
    expect(view.result.verdict).toBe('dropped');
    expect(view.result.blockedAt).toBe('ingress');
    expect(view.result.hops.find((h) => h.kind === 'floatingIp')?.status).toBe('pass');
    expect(view.result.hops.find((h) => h.kind === 'router')?.reasons[0]?.code).toBe('router.dnat');
    expect(view.result.suggestion?.rule.remoteIpPrefix).toBe('203.0.113.5/32');
    expect(view.destination).toEqual({ id: 'web', name: 'web', status: 'ACTIVE' });
    expect(view.groupNames).toEqual({ 'sg-default': 'default' });
    const calls = neutronCalls();
    expect(calls).toContain('/ports?device_id=web');
    expect(calls).toContain('/floatingips?port_id=port-web');
    expect(calls).toContain('/security-groups?id=sg-default');
    expect(calls).toContain('/routers?id=router1');
    expect(calls.every((c) => c.includes('?')), 'every list is filtered').toBe(true);
    // Three rounds: ports; floating IPs, groups, router interfaces, subnets; routers, their interfaces, networks.
    expect(calls).toHaveLength(8);
    expect(view.commands.at(-1)).toMatch(/^ovn-trace --summary neutron-net-private 'inport == "rif-1" .*ip4.src == 203.0.113.5 && ip4.dst == 10.0.0.5 .*tcp.dst == 22/);
  });

  it('names a missing destination at its field instead of failing', async () => {
    fake.on('GET /compute/v2.1/servers/gone', { status: 404, body: { itemNotFound: { code: 404, message: 'Instance gone could not be found.' } } });
    await expect(runTroubleshoot(fakeScope(fake.url), { ...query, destinationServerId: 'gone' })).rejects.toMatchObject({
      payload: { status: 400, fields: { destination: 'instance_not_found' } },
    });
  });

  it('asks nothing more of Neutron when the instance has no ports', async () => {
    fake.on(`GET ${N}/ports`, { status: 200, body: { ports: [] } });
    const view = await runTroubleshoot(fakeScope(fake.url), query);
    expect(view.result.verdict).toBe('dropped');
    expect(view.result.hops.map((h) => h.kind)).toEqual(['source', 'port']);
    expect(neutronCalls()).toEqual(['/ports?device_id=web']);
  });

  it('reads the source instance too, and passes Neutron’s errors on', async () => {
    fake.on('GET /compute/v2.1/servers/client', { status: 200, body: { server: { id: 'client', name: 'client', status: 'ACTIVE' } } });
    fake.on(`GET ${N}/ports`, (r) =>
      new URL(r.url, 'http://x').searchParams.getAll('device_owner').length
        ? { status: 200, body: { ports: [ROUTER_IF] } }
        : { status: 200, body: { ports: [WEB_PORT, { ...WEB_PORT, id: 'port-client', device_id: 'client', fixed_ips: [{ subnet_id: 'sub-private', ip_address: '10.0.0.6' }] }] } },
    );
    const view = await runTroubleshoot(fakeScope(fake.url), { ...query, source: { kind: 'instance', serverId: 'client' } });
    expect(view.source?.name).toBe('client');
    expect(view.result.verdict).toBe('allowed');
    expect(neutronCalls()[0]).toBe('/ports?device_id=web&device_id=client');
    fake.on(`GET ${N}/security-groups`, { status: 503, body: { NeutronError: { type: 'ServiceUnavailable', message: 'down', detail: '' } } });
    await expect(runTroubleshoot(fakeScope(fake.url), query)).rejects.toMatchObject({ status: 503 });
  });
});
