// Stack update on the clock: PUT with a new template (kept, changed, added and removed resources
// as real objects), PATCH keeping the existing template and parameters, a bad template refused
// before anything changes, a server replaced on a flavor change, a volume extended, the update
// preview, and a group resized by a new desired_capacity.

import { describe, expect, it } from 'vitest';
import { call, computeCall, control, useTestCloud } from '../../testing/test-cloud';
import { projectOf } from './heat-test-support';

const cloud = useTestCloud({ resetBeforeEach: 'demo', login: true });

type Row = Record<string, unknown>;

const PORTS = {
  heat_template_version: '2018-08-31',
  parameters: { prefix: { type: 'string', default: 'one' } },
  resources: {
    port_a: { type: 'OS::Neutron::Port', properties: { network: 'private', name: { str_replace: { template: 'P-a', params: { P: { get_param: 'prefix' } } } } } },
    port_b: { type: 'OS::Neutron::Port', properties: { network: 'private', name: 'b' } },
  },
};

async function stackOf(name: string, template: unknown, parameters: Row = {}) {
  await control(cloud.app, 'clock', { mode: 'manual' });
  const base = `/heat-api/v1/${await projectOf(cloud.app, cloud.demo)}/stacks`;
  const created = await call(cloud.app, cloud.demo, 'POST', base, { stack_name: name, template, parameters });
  expect(created.statusCode, created.body).toBe(201);
  const url = `${base}/${name}/${(created.json() as { stack: { id: string } }).stack.id}`;
  await control(cloud.app, 'clock/advance', { seconds: 10 });
  const show = async () => ((await call(cloud.app, cloud.demo, 'GET', url)).json() as { stack: Row }).stack;
  const resources = async () => ((await call(cloud.app, cloud.demo, 'GET', `${url}/resources`)).json() as { resources: Row[] }).resources;
  const physical = async (res: string) => String((await resources()).find((r) => r.resource_name === res)?.physical_resource_id);
  const events = async () => ((await call(cloud.app, cloud.demo, 'GET', `${url}/events`)).json() as { events: Row[] }).events;
  return { url, show, resources, physical, events };
}

const portName = async (id: string) => {
  const r = await call(cloud.app, cloud.demo, 'GET', `/networking/v2.0/ports/${id}`);
  return r.statusCode === 200 ? (r.json() as { port: Row }).port.name : r.statusCode;
};

describe('Heat stack update', () => {
  it('PUT: keeps, updates in place, adds and removes resources, on the clock, with events', async () => {
    const s = await stackOf('ports', PORTS);
    const [a, b] = [await s.physical('port_a'), await s.physical('port_b')];
    const template = {
      ...PORTS,
      resources: { port_a: PORTS.resources.port_a, port_c: { type: 'OS::Neutron::Port', properties: { network: 'private', name: 'c' } } },
    };
    const put = await call(cloud.app, cloud.demo, 'PUT', s.url, { template, parameters: { prefix: 'two' } });
    expect(put.statusCode, put.body).toBe(202);
    expect(await s.show()).toMatchObject({ stack_status: 'UPDATE_IN_PROGRESS', stack_status_reason: 'Stack UPDATE started' });
    expect((await call(cloud.app, cloud.demo, 'PATCH', s.url, {})).statusCode).toBe(409);
    await control(cloud.app, 'clock/advance', { seconds: 3 });
    const done = await s.show();
    expect(done).toMatchObject({ stack_status: 'UPDATE_COMPLETE', stack_status_reason: 'Stack UPDATE completed successfully', parameters: expect.objectContaining({ prefix: 'two' }) });
    expect(done.updated_time).toEqual(expect.any(String));
    expect((await s.resources()).map((r) => [r.resource_name, r.resource_status]).sort()).toEqual([['port_a', 'UPDATE_COMPLETE'], ['port_c', 'CREATE_COMPLETE']]);
    expect(await s.physical('port_a')).toBe(a);
    expect(await portName(a)).toBe('two-a');
    expect(await portName(b)).toBe(404);
    expect(await portName(await s.physical('port_c'))).toBe('c');
    const update = (await s.events()).filter((e) => /^UPDATE|^DELETE/.test(String(e.resource_status)) || e.resource_name === 'port_c');
    expect(update.map((e) => [e.resource_name, e.resource_status])).toEqual([
      ['ports', 'UPDATE_IN_PROGRESS'],
      ['port_c', 'CREATE_IN_PROGRESS'],
      ['port_c', 'CREATE_COMPLETE'],
      ['port_a', 'UPDATE_IN_PROGRESS'],
      ['port_a', 'UPDATE_COMPLETE'],
      ['port_b', 'DELETE_IN_PROGRESS'],
      ['port_b', 'DELETE_COMPLETE'],
      ['ports', 'UPDATE_COMPLETE'],
    ]);
    const stored = (await call(cloud.app, cloud.demo, 'GET', `${s.url}/template`)).json() as { resources: Row };
    expect(Object.keys(stored.resources)).toEqual(['port_a', 'port_c']);
  });

  it('PATCH (--existing): keeps the template and the other parameters; clear_parameters goes back to the default', async () => {
    const s = await stackOf('patched', PORTS, { prefix: 'mine' });
    const a = await s.physical('port_a');
    expect(await portName(a)).toBe('mine-a');
    const cleared = await call(cloud.app, cloud.demo, 'PATCH', s.url, { clear_parameters: ['prefix'], template: null, environment: {}, files: {} });
    expect(cleared.statusCode, cleared.body).toBe(202);
    await control(cloud.app, 'clock/advance', { seconds: 2 });
    expect((await s.show()).parameters).toMatchObject({ prefix: 'one' });
    expect(await portName(a)).toBe('one-a');
    expect((await call(cloud.app, cloud.demo, 'PATCH', s.url, { parameters: { prefix: 'again' } })).statusCode).toBe(202);
    await control(cloud.app, 'clock/advance', { seconds: 2 });
    expect(await portName(a)).toBe('again-a');
    expect((await s.resources()).map((r) => r.resource_name).sort()).toEqual(['port_a', 'port_b']);
  });

  it('PATCH keeps the stored environment unless a new one is sent, and merges a sent one', async () => {
    await control(cloud.app, 'clock', { mode: 'manual' });
    const base = `/heat-api/v1/${await projectOf(cloud.app, cloud.demo)}/stacks`;
    const created = await call(cloud.app, cloud.demo, 'POST', base, { stack_name: 'envs', template: PORTS, environment: 'parameters:\n  prefix: fromenv\n' });
    expect(created.statusCode, created.body).toBe(201);
    const url = `${base}/envs/${(created.json() as { stack: { id: string } }).stack.id}`;
    await control(cloud.app, 'clock/advance', { seconds: 3 });
    const prefix = async () => (((await call(cloud.app, cloud.demo, 'GET', url)).json() as { stack: { parameters: Row } }).stack.parameters.prefix);
    expect(await prefix()).toBe('fromenv');
    expect((await call(cloud.app, cloud.demo, 'PATCH', url, { environment: {}, parameters: {} })).statusCode).toBe(202);
    await control(cloud.app, 'clock/advance', { seconds: 3 });
    expect(await prefix()).toBe('fromenv');
    expect((await call(cloud.app, cloud.demo, 'PATCH', url, { environment: 'parameters:\n  prefix: second\n' })).statusCode).toBe(202);
    await control(cloud.app, 'clock/advance', { seconds: 3 });
    expect(await prefix()).toBe('second');
  });

  it('refuses a bad template or parameter with 400 and changes nothing', async () => {
    const s = await stackOf('kept', PORTS);
    const bad = await call(cloud.app, cloud.demo, 'PUT', s.url, { template: { ...PORTS, resources: { x: { type: 'OS::No::Such' } } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { type: 'ResourceTypeNotFound' } });
    const unknown = await call(cloud.app, cloud.demo, 'PATCH', s.url, { parameters: { nope: 1 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { message: 'The Parameter (nope) was not defined in template.' } });
    const noTemplate = await call(cloud.app, cloud.demo, 'PUT', s.url, { parameters: {} });
    expect(noTemplate.statusCode).toBe(400);
    expect(await s.show()).toMatchObject({ stack_status: 'CREATE_COMPLETE', updated_time: null });
  });

  it('renames a server in place and replaces it when its flavor changes; extends a volume; preview lists the changes', async () => {
    const template = (flavor: string, name: string, size: number) => ({
      heat_template_version: '2018-08-31',
      resources: {
        server: { type: 'OS::Nova::Server', properties: { flavor, image: 'cirros', name, networks: [{ network: 'private' }] } },
        volume: { type: 'OS::Cinder::Volume', properties: { size } },
      },
    });
    const s = await stackOf('vm', template('m1.nano', 'vm-one', 1));
    const first = await s.physical('server');
    const volume = await s.physical('volume');
    const server = async (id: string) => (await computeCall(cloud.app, cloud.demo, 'GET', `/servers/${id}`, undefined, '2.1')).json() as { server: Row };

    const preview = await call(cloud.app, cloud.demo, 'PUT', `${s.url}/preview`, { template: template('m1.tiny', 'vm-one', 2) });
    expect(preview.statusCode, preview.body).toBe(200);
    const changes = (preview.json() as { resource_changes: Record<string, Row[]> }).resource_changes;
    expect(Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.map((r) => r.resource_name)]))).toEqual({
      unchanged: [], updated: ['volume'], replaced: ['server'], added: [], deleted: [],
    });
    expect((await s.show()).stack_status).toBe('CREATE_COMPLETE');

    expect((await call(cloud.app, cloud.demo, 'PUT', s.url, { template: template('m1.nano', 'vm-renamed', 2) })).statusCode).toBe(202);
    await control(cloud.app, 'clock/advance', { seconds: 3 });
    expect(await s.show()).toMatchObject({ stack_status: 'UPDATE_COMPLETE', stack_status_reason: 'Stack UPDATE completed successfully' });
    expect(await s.physical('server')).toBe(first);
    expect((await server(first)).server.name).toBe('vm-renamed');
    const vol = (await call(cloud.app, cloud.demo, 'GET', `/volume/v3/${await projectOf(cloud.app, cloud.demo)}/volumes/${volume}`)).json() as { volume: Row };
    expect(vol.volume.size).toBe(2);

    expect((await call(cloud.app, cloud.demo, 'PUT', s.url, { template: template('m1.tiny', 'vm-renamed', 2) })).statusCode).toBe(202);
    await control(cloud.app, 'clock/advance', { seconds: 3 });
    const second = await s.physical('server');
    expect(second).not.toBe(first);
    expect((await server(second)).server).toMatchObject({ name: 'vm-renamed', flavor: expect.objectContaining({ id: expect.any(String) }) });
    await control(cloud.app, 'clock/advance', { seconds: 5 });
    expect((await computeCall(cloud.app, cloud.demo, 'GET', `/servers/${first}`, undefined, '2.1')).statusCode).toBe(404);

    const shrink = await call(cloud.app, cloud.demo, 'PUT', s.url, { template: template('m1.tiny', 'vm-renamed', 1) });
    expect(shrink.statusCode).toBe(202);
    await control(cloud.app, 'clock/advance', { seconds: 2 });
    expect(await s.show()).toMatchObject({ stack_status: 'UPDATE_FAILED', stack_status_reason: 'Resource UPDATE failed: NotSupported: resources.volume: Shrinking volume is not supported.' });
  });

  it('gives an alarm whose threshold changes its new rule (a new Aodh alarm, the old one deleted)', async () => {
    const alarm = (threshold: number) => ({
      heat_template_version: '2018-08-31',
      resources: {
        cpu: { type: 'OS::Aodh::Alarm', properties: { meter_name: 'cpu_util', statistic: 'avg', period: 60, evaluation_periods: 1, threshold, comparison_operator: 'gt' } },
      },
    });
    const s = await stackOf('alarmed', alarm(50));
    const first = await s.physical('cpu');
    expect((await call(cloud.app, cloud.demo, 'PUT', s.url, { template: alarm(80) })).statusCode).toBe(202);
    await control(cloud.app, 'clock/advance', { seconds: 2 });
    expect(await s.show()).toMatchObject({ stack_status: 'UPDATE_COMPLETE' });
    const second = await s.physical('cpu');
    expect(second).not.toBe(first);
    expect((await call(cloud.app, cloud.demo, 'GET', `/alarming/v2/alarms/${first}`)).statusCode).toBe(404);
    const shown = (await call(cloud.app, cloud.demo, 'GET', `/alarming/v2/alarms/${second}`)).json() as Row;
    expect(JSON.stringify(shown)).toContain('"threshold":80');
  });

  it('resizes an AutoScalingGroup whose desired_capacity changes', async () => {
    const group = (desired: number) => ({
      heat_template_version: '2018-08-31',
      resources: {
        group: {
          type: 'OS::Heat::AutoScalingGroup',
          properties: { min_size: 1, max_size: 3, desired_capacity: desired, resource: { type: 'OS::Neutron::Port', properties: { network: 'private' } } },
        },
      },
      outputs: { size: { value: { get_attr: ['group', 'current_size'] } } },
    });
    const s = await stackOf('asg', group(1));
    const size = async () => ((await call(cloud.app, cloud.demo, 'GET', `${s.url}/outputs/size`)).json() as { output: Row }).output.output_value;
    expect(await size()).toBe(1);
    expect((await call(cloud.app, cloud.demo, 'PUT', s.url, { template: group(3) })).statusCode).toBe(202);
    await control(cloud.app, 'clock/advance', { seconds: 5 });
    expect(await s.show()).toMatchObject({ stack_status: 'UPDATE_COMPLETE' });
    expect(await size()).toBe(3);
    const nested = (await call(cloud.app, cloud.demo, 'GET', `${s.url}/resources?nested_depth=1`)).json() as { resources: Row[] };
    expect(nested.resources.filter((r) => r.resource_type === 'OS::Neutron::Port')).toHaveLength(3);
  });
});
