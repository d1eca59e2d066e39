import { describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import { loadEvents, loadOutputs, loadResources } from './stack-detail';

const fake = useFakeService();
const H = '/orchestration/stacks/web/s1';
const redirect = (rest: string) => ({ status: 302, headers: { location: `${fake.url}${H}${rest}` }, body: { code: '302 Found' } });
const res = (name: string, type: string, physical: string, extra: Record<string, unknown> = {}) => ({
  resource_name: name,
  physical_resource_id: physical,
  resource_type: type,
  resource_status: 'CREATE_COMPLETE',
  resource_status_reason: 'state changed',
  required_by: [],
  creation_time: '2026-01-01T00:00:00Z',
  updated_time: '2026-01-01T00:00:01Z',
  links: [{ rel: 'stack', href: `${fake.url}${H}` }],
  ...extra,
});

describe('the stack page BFF', () => {
  it('links resources to the pages of what they created, ports through their network', async () => {
    fake.on('GET /orchestration/stacks/s1/resources', (r) => redirect(`/resources${r.url.includes('?') ? `?${r.url.split('?')[1]}` : ''}`));
    fake.on(`GET ${H}/resources`, {
      status: 200,
      body: {
        resources: [
          res('server', 'OS::Nova::Server', 'srv-1', { required_by: ['alarm'] }),
          res('data', 'OS::Cinder::Volume', 'vol-1'),
          res('port', 'OS::Neutron::Port', 'port-1'),
          res('asg', 'OS::Heat::AutoScalingGroup', 'nested-1'),
          res('member', 'OS::Nova::Server', 'srv-2', { parent_resource: 'asg', links: [{ rel: 'stack', href: `${fake.url}/orchestration/stacks/web-asg-x/nested-1` }] }),
          res('web', 'cirros.yaml', 'nested-2'),
          res('high', 'OS::Aodh::GnocchiAggregationByResourcesAlarm', 'alarm-1'),
          res('policy', 'OS::Heat::ScalingPolicy', 'user-1'),
          res('pending', 'OS::Nova::Server', ''),
        ],
      },
    });
    fake.on('GET /networking/v2.0/ports', { status: 200, body: { ports: [{ id: 'port-1', network_id: 'net-1', fixed_ips: [] }] } });
    const { resources } = await loadResources(fakeScope(fake.url), 's1', 2);
    expect(fake.requests[0]!.url).toBe('/orchestration/stacks/s1/resources?nested_depth=2');
    expect(Object.fromEntries(resources.map((r) => [r.name, r.link?.href ?? null]))).toEqual({
      server: '/project/compute/instances/srv-1',
      data: '/project/volumes/vol-1',
      port: '/project/network/networks/net-1',
      asg: '/project/orchestration/stacks/nested-1',
      member: '/project/compute/instances/srv-2',
      web: '/project/orchestration/stacks/nested-2',
      high: '/project/orchestration/alarms/alarm-1',
      policy: null,
      pending: null,
    });
    expect(resources.find((r) => r.name === 'member')).toMatchObject({ parentResource: 'asg', stackName: 'web-asg-x', stackId: 'nested-1' });
    expect(resources[0]).toMatchObject({ action: 'CREATE', status: 'COMPLETE', requiredBy: ['alarm'] });
  });

  it('pages events newest first with a marker, filtered by resource', async () => {
    fake.on('GET /orchestration/stacks/s1/events', (r) => redirect(`/events?${r.url.split('?')[1]}`));
    const event = (i: number) => ({ id: `e-${i}`, event_time: '2026-01-01T00:00:00Z', resource_name: 'server', physical_resource_id: 'srv-1', resource_status: 'CREATE_COMPLETE', resource_status_reason: 'state changed' });
    fake.on(`GET ${H}/events`, (r) => ({ status: 200, body: { events: r.url.includes('marker=e-2') ? [event(3)] : [event(1), event(2)] } }));
    const first = await loadEvents(fakeScope(fake.url), 's1', { limit: 2, resource: 'server' });
    expect(first.nextMarker).toBe('e-2');
    expect(first.events[0]).toMatchObject({ id: 'e-1', resourceName: 'server', action: 'CREATE', status: 'COMPLETE' });
    const asked = new URL(fake.requests[0]!.url, 'http://x').searchParams;
    expect(Object.fromEntries(asked)).toMatchObject({ limit: '2', resource_name: 'server', sort_dir: 'desc' });
    const second = await loadEvents(fakeScope(fake.url), 's1', { limit: 2, marker: 'e-2' });
    expect(second).toMatchObject({ events: [{ id: 'e-3' }], nextMarker: null });
  });

  it('classifies outputs against the user’s own catalog', async () => {
    fake.on('GET /orchestration/stacks/s1', redirect(''));
    const native = `${fake.url}/orchestration/stacks/web/s1/resources/scale_up/signal`;
    fake.on(`GET ${H}`, {
      status: 200,
      body: {
        stack: {
          id: 's1',
          stack_name: 'web',
          stack_status: 'CREATE_COMPLETE',
          outputs: [
            { output_key: 'scale_up_url', output_value: native },
            { output_key: 'stolen_url', output_value: native.replace('127.0.0.1', 'localhost') },
            { output_key: 'site', output_value: 'https://example.com' },
            { output_key: 'ips', output_value: ['192.0.2.1'] },
          ],
        },
      },
    });
    const { outputs } = await loadOutputs(fakeScope(fake.url), 's1');
    expect(outputs.map((o) => [o.key, o.kind, o.action ?? o.refused ?? null])).toEqual([
      ['ips', 'json', null],
      ['scale_up_url', 'signal', 'scaleUp'],
      ['site', 'link', null],
      ['stolen_url', 'text', 'host'],
    ]);
  });
});
