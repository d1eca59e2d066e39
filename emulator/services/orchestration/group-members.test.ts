// AutoScalingGroup members as nested stacks (the rhosp16-gnocchi scenario): real member servers
// with the group's metering metadata, nested stacks hidden from the list unless show_nested,
// nested_depth expansion, alarm resources as Aodh alarms, resizes through the policy signal
// (oldest member removed first), and everything gone with the stack.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, computeCall, control, useTestCloud } from '../../testing/test-cloud';
import { ensureFixtureNames, projectOf } from './heat-test-support';
import { loadYaml } from './hot/yaml-load';

const cloud = useTestCloud({ resetBeforeEach: 'demo', login: true });
const fixture = (path: string) => readFileSync(join(__dirname, 'hot', 'fixtures', path), 'utf8');

type Row = Record<string, unknown>;

async function createGnocchiStack() {
  await control(cloud.app, 'clock', { mode: 'manual' });
  await ensureFixtureNames(cloud.app, cloud.demo);
  const base = `/heat-api/v1/${await projectOf(cloud.app, cloud.demo)}/stacks`;
  const created = await call(cloud.app, cloud.demo, 'POST', base, {
    stack_name: 'asg',
    template: loadYaml(fixture('rhosp16-gnocchi/template.yaml'), 'template'),
    environment: { resource_registry: { 'OS::Nova::Server::Cirros': 'file:///home/u/stacks/example1/cirros.yaml' } },
    files: { 'file:///home/u/stacks/example1/cirros.yaml': fixture('rhosp16-gnocchi/cirros.yaml') },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as { stack: { id: string } }).stack.id;
  await control(cloud.app, 'clock/advance', { seconds: 30 });
  return { base, id, url: `${base}/asg/${id}` };
}

const get = async (url: string) => {
  const r = await call(cloud.app, cloud.demo, 'GET', url);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Row;
};

async function memberServers(stackId: string): Promise<Row[]> {
  const list = (await computeCall(cloud.app, cloud.demo, 'GET', '/servers/detail', undefined, '2.1')).json() as { servers: Row[] };
  return list.servers.filter((s) => (s.metadata as Record<string, string>)['metering.server_group'] === stackId);
}

describe('AutoScalingGroup members', () => {
  it('are nested stacks with real servers, listed with show_nested and nested_depth', async () => {
    const { base, id, url } = await createGnocchiStack();
    const top = (await get(base)).stacks as Row[];
    expect(top.map((s) => s.stack_name)).toEqual(['asg']);
    const all = (await get(`${base}?show_nested=True`)).stacks as Row[];
    const group = all.find((s) => s.parent === id && String(s.stack_name).startsWith('asg-scaleup_group-'));
    expect(group, JSON.stringify(all)).toBeDefined();
    const member = all.find((s) => s.parent === group!.id);
    expect(member).toMatchObject({ stack_status: 'CREATE_COMPLETE' });

    const flat = (await get(`${url}/resources`)).resources as Row[];
    const groupRow = flat.find((r) => r.resource_name === 'scaleup_group')!;
    expect(groupRow.physical_resource_id).toBe(group!.id);
    expect(groupRow.links).toContainEqual({ href: expect.stringContaining(`/stacks/${String(group!.stack_name)}/${String(group!.id)}`), rel: 'nested' });
    expect(flat).toHaveLength(5);
    const deep = (await get(`${url}/resources?nested_depth=2`)).resources as Row[];
    const server = deep.find((r) => r.resource_type === 'OS::Nova::Server')!;
    expect(server).toMatchObject({ resource_status: 'CREATE_COMPLETE', stack_name: member!.stack_name });
    expect(deep.find((r) => r.resource_type === 'OS::Nova::Server::Cirros')).toMatchObject({ parent_resource: 'scaleup_group', physical_resource_id: member!.id });

    const servers = await memberServers(id);
    expect(servers.map((s) => s.id)).toEqual([server.physical_resource_id]);
    const gnocchi = await get(`/metric/v1/resource/instance/${String(server.physical_resource_id)}`);
    expect(gnocchi.server_group).toBe(id);
  });

  it('makes the alarms real Aodh alarms whose actions are the policies’ URLs', async () => {
    const { id, url } = await createGnocchiStack();
    const resources = (await get(`${url}/resources`)).resources as Row[];
    const alarmId = String(resources.find((r) => r.resource_name === 'cpu_alarm_high')!.physical_resource_id);
    const alarm = await get(`/alarming/v2/alarms/${alarmId}`);
    expect(alarm).toMatchObject({
      type: 'gnocchi_aggregation_by_resources_threshold',
      name: expect.stringMatching(/^asg-cpu_alarm_high-/),
      repeat_actions: true,
      alarm_actions: [`trust+${String(((await get(`${url}/outputs/scaleup_policy_signal_url`)).output as Row).output_value)}`],
      gnocchi_aggregation_by_resources_threshold_rule: {
        metric: 'cpu',
        aggregation_method: 'rate:mean',
        granularity: 1,
        threshold: 800000000,
        comparison_operator: 'gt',
        query: `{"=": {"server_group": "${id}"}}`,
      },
    });
    const del = await call(cloud.app, cloud.demo, 'DELETE', url);
    expect(del.statusCode).toBe(204);
    expect((await call(cloud.app, cloud.demo, 'GET', `/alarming/v2/alarms/${alarmId}`)).statusCode).toBe(404);
  });

  it('grows and shrinks on policy signals, oldest member first, and goes with the stack', async () => {
    const { base, id, url } = await createGnocchiStack();
    const [first] = await memberServers(id);
    const signal = (policy: string) => call(cloud.app, cloud.demo, 'POST', `${url}/resources/${policy}/signal`, {});
    expect((await signal('scaleup_policy')).statusCode).toBe(200);
    await control(cloud.app, 'clock/advance', { seconds: 301 });
    expect((await signal('scaleup_policy')).statusCode).toBe(200);
    await control(cloud.app, 'clock/advance', { seconds: 30 });
    expect(await memberServers(id)).toHaveLength(3);
    const group = ((await get(`${url}/resources/scaleup_group`)).resource as Row).attributes as Row;
    expect(group.current_size).toBe(3);
    expect(group.refs).toHaveLength(3);
    const events = (await get(`${url}/resources/scaleup_group/events`)).events as Row[];
    expect(events.map((e) => e.resource_status)).toEqual([
      'CREATE_IN_PROGRESS', 'CREATE_COMPLETE', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE',
    ]);
    const nested = ((await get(`${base}?show_nested=True`)).stacks as Row[]).find((st) => st.parent === id)!;
    expect(nested).toMatchObject({ stack_status: 'UPDATE_COMPLETE', stack_status_reason: 'Stack UPDATE completed successfully' });
    const nestedEvents = (await get(`${base}/${String(nested.stack_name)}/${String(nested.id)}/events`)).events as Row[];
    expect(nestedEvents.filter((e) => e.resource_name === nested.stack_name).map((e) => e.resource_status)).toEqual([
      'CREATE_IN_PROGRESS', 'CREATE_COMPLETE', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE',
    ]);

    await control(cloud.app, 'clock/advance', { seconds: 301 });
    expect((await signal('scaledown_policy')).statusCode).toBe(200);
    await control(cloud.app, 'clock/advance', { seconds: 30 });
    const left = await memberServers(id);
    expect(left).toHaveLength(2);
    expect(left.map((s) => s.id)).not.toContain(first!.id);
    const deep = (await get(`${url}/resources?nested_depth=1`)).resources as Row[];
    expect(deep.filter((r) => r.parent_resource === 'scaleup_group')).toHaveLength(2);

    expect((await call(cloud.app, cloud.demo, 'DELETE', url)).statusCode).toBe(204);
    await control(cloud.app, 'clock/advance', { seconds: 60 });
    expect(await memberServers(id)).toHaveLength(0);
    expect(((await get(`${base}?show_nested=True`)).stacks as Row[])).toHaveLength(0);
  });
});
