// Stack actions (suspend, resume, check) on the clock, and a resource that fails at create:
// the phases' states and events, Nova's suspend/resume of the stack's server, check finding a
// server deleted behind Heat's back, and the custom constraints checked against the cloud.

import { describe, expect, it } from 'vitest';
import { call, computeCall, control, useTestCloud } from '../../testing/test-cloud';
import { projectOf } from './heat-test-support';

const cloud = useTestCloud({ resetBeforeEach: 'demo', login: true });

type Row = Record<string, unknown>;

const TEMPLATE = {
  heat_template_version: '2018-08-31',
  parameters: {
    flavor: { type: 'string', default: 'm1.nano', constraints: [{ custom_constraint: 'nova.flavor' }] },
    image: { type: 'string', default: 'cirros', constraints: [{ custom_constraint: 'glance.image' }] },
    key: { type: 'string', default: 'mykeypair', constraints: [{ custom_constraint: 'nova.keypair' }] },
  },
  resources: {
    port: { type: 'OS::Neutron::Port', properties: { network: 'private' } },
    server: {
      type: 'OS::Nova::Server',
      properties: { flavor: { get_param: 'flavor' }, image: { get_param: 'image' }, key_name: { get_param: 'key' }, networks: [{ port: { get_resource: 'port' } }] },
    },
  },
};

async function started() {
  await control(cloud.app, 'clock', { mode: 'manual' });
  const base = `/heat-api/v1/${await projectOf(cloud.app, cloud.demo)}/stacks`;
  const created = await call(cloud.app, cloud.demo, 'POST', base, { stack_name: 'life', template: TEMPLATE });
  expect(created.statusCode, created.body).toBe(201);
  const url = `${base}/life/${(created.json() as { stack: { id: string } }).stack.id}`;
  // The stack completes in 2 s; the server boots in 5.
  await control(cloud.app, 'clock/advance', { seconds: 10 });
  const show = async () => ((await call(cloud.app, cloud.demo, 'GET', url)).json() as { stack: Row }).stack;
  const resources = async () => ((await call(cloud.app, cloud.demo, 'GET', `${url}/resources`)).json() as { resources: Row[] }).resources;
  const serverId = String((await resources()).find((r) => r.resource_name === 'server')!.physical_resource_id);
  const server = async () => ((await computeCall(cloud.app, cloud.demo, 'GET', `/servers/${serverId}`, undefined, '2.1')).json() as { server: Row }).server;
  const act = (body: unknown) => call(cloud.app, cloud.demo, 'POST', `${url}/actions`, body);
  const events = async () => ((await call(cloud.app, cloud.demo, 'GET', `${url}/events`)).json() as { events: Row[] }).events;
  return { base, url, show, resources, server, serverId, act, events };
}

describe('Heat stack actions', () => {
  it('suspends the stack and its server in reverse order, then resumes them, with events', async () => {
    const s = await started();
    expect((await s.show()).stack_status).toBe('CREATE_COMPLETE');
    expect((await s.server()).status).toBe('ACTIVE');
    const suspended = await s.act({ suspend: null });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(await s.show()).toMatchObject({ stack_status: 'SUSPEND_IN_PROGRESS', stack_status_reason: 'Stack SUSPEND started' });
    expect((await s.act({ resume: null })).statusCode).toBe(409);
    await control(cloud.app, 'clock/advance', { seconds: 2 });
    expect(await s.show()).toMatchObject({ stack_status: 'SUSPEND_COMPLETE', stack_status_reason: 'Stack SUSPEND completed successfully' });
    expect((await s.resources()).map((r) => [r.resource_name, r.resource_status])).toEqual([['port', 'SUSPEND_COMPLETE'], ['server', 'SUSPEND_COMPLETE']]);
    expect((await s.server()).status).toBe('SUSPENDED');
    const suspendEvents = (await s.events()).filter((e) => String(e.resource_status).startsWith('SUSPEND'));
    expect(suspendEvents.map((e) => [e.resource_name, e.resource_status])).toEqual([
      ['life', 'SUSPEND_IN_PROGRESS'],
      ['server', 'SUSPEND_IN_PROGRESS'],
      ['server', 'SUSPEND_COMPLETE'],
      ['port', 'SUSPEND_IN_PROGRESS'],
      ['port', 'SUSPEND_COMPLETE'],
      ['life', 'SUSPEND_COMPLETE'],
    ]);
    const update = await call(cloud.app, cloud.demo, 'PATCH', s.url, { parameters: { flavor: 'm1.tiny' } });
    expect(update.statusCode).toBe(400);
    expect(update.json()).toMatchObject({ error: { type: 'NotSupported', message: 'Updating a stack when it is suspended is not supported.' } });

    expect((await s.act({ resume: null })).statusCode).toBe(200);
    await control(cloud.app, 'clock/advance', { seconds: 3 });
    expect(await s.show()).toMatchObject({ stack_status: 'RESUME_COMPLETE' });
    expect((await s.server()).status).toBe('ACTIVE');
  });

  it('fails a resume of a stack that is not suspended, with Heat’s reason', async () => {
    const s = await started();
    expect((await s.act({ resume: null })).statusCode).toBe(200);
    await control(cloud.app, 'clock/advance', { seconds: 1 });
    expect(await s.show()).toMatchObject({
      stack_status: 'RESUME_FAILED',
      stack_status_reason: "Resource RESUME failed: Error: resources.port: State ('CREATE', 'COMPLETE') invalid for resume",
    });
  });

  it('checks the physical objects: complete while they exist, CHECK_FAILED once the server is deleted', async () => {
    const s = await started();
    expect((await s.act({ check: null })).statusCode).toBe(200);
    await control(cloud.app, 'clock/advance', { seconds: 2 });
    expect(await s.show()).toMatchObject({ stack_status: 'CHECK_COMPLETE', stack_status_reason: 'Stack CHECK completed successfully' });
    expect((await computeCall(cloud.app, cloud.demo, 'DELETE', `/servers/${s.serverId}`, undefined, '2.1')).statusCode).toBe(204);
    await control(cloud.app, 'clock/advance', { seconds: 5 });
    expect((await s.act({ check: null })).statusCode).toBe(200);
    await control(cloud.app, 'clock/advance', { seconds: 2 });
    const reason = `NotFound: resources.server: Instance ${s.serverId} could not be found. (HTTP 404)`;
    expect(await s.show()).toMatchObject({ stack_status: 'CHECK_FAILED', stack_status_reason: `Resource CHECK failed: ${reason}` });
    const server = (await s.resources()).find((r) => r.resource_name === 'server')!;
    expect(server).toMatchObject({ resource_status: 'CHECK_FAILED', resource_status_reason: reason });
  });

  it('answers Heat’s 400 for an empty, unknown or double action body', async () => {
    const s = await started();
    const message = async (body: unknown) => ((await s.act(body)).json() as { error: { message: string } }).error.message;
    expect(await message({})).toBe('No action specified');
    expect(await message({ suspend: null, resume: null })).toBe('Multiple actions specified');
    expect(await message({ reboot: null })).toBe('Invalid action reboot specified');
    expect((await s.show()).stack_status).toBe('CREATE_COMPLETE');
  });
});

describe('custom constraints at create', () => {
  it('refuses an unknown flavor, image or key pair with Heat’s message before anything is made', async () => {
    const base = `/heat-api/v1/${await projectOf(cloud.app, cloud.demo)}/stacks`;
    const create = (parameters: Row) => call(cloud.app, cloud.demo, 'POST', base, { stack_name: 'constrained', template: TEMPLATE, parameters });
    const message = async (parameters: Row) => {
      const r = await create(parameters);
      expect(r.statusCode).toBe(400);
      return (r.json() as { error: { message: string; type: string } }).error;
    };
    expect(await message({ flavor: 'm9.huge' })).toEqual(expect.objectContaining({
      type: 'StackValidationFailed',
      message: "Parameter 'flavor' is invalid: Error validating value 'm9.huge': The Flavor (m9.huge) could not be found.",
    }));
    expect((await message({ image: 'nothing' })).message).toBe("Parameter 'image' is invalid: Error validating value 'nothing': The Image (nothing) could not be found.");
    expect((await message({ key: 'nokey' })).message).toBe("Parameter 'key' is invalid: Error validating value 'nokey': The Key (nokey) could not be found.");
    const list = (await call(cloud.app, cloud.demo, 'GET', base)).json() as { stacks: Row[] };
    expect(list.stacks).toEqual([]);
    // The seed's key pair of the guides, a flavor by id and the image by name pass.
    expect((await create({ key: 'mykeypair', flavor: 'm1.tiny' })).statusCode).toBe(201);
  });
});

describe('suspend with a scaling group', () => {
  it('suspends the group members’ servers through the nested stack and refuses signals until resumed', async () => {
    await control(cloud.app, 'clock', { mode: 'manual' });
    const base = `/heat-api/v1/${await projectOf(cloud.app, cloud.demo)}/stacks`;
    const template = {
      heat_template_version: '2018-08-31',
      resources: {
        group: {
          type: 'OS::Heat::AutoScalingGroup',
          properties: { min_size: 1, max_size: 2, resource: { type: 'OS::Nova::Server', properties: { flavor: 'm1.nano', image: 'cirros', networks: [{ network: 'private' }] } } },
        },
        up: { type: 'OS::Heat::ScalingPolicy', properties: { auto_scaling_group_id: { get_resource: 'group' }, adjustment_type: 'change_in_capacity', scaling_adjustment: 1 } },
      },
    };
    const created = await call(cloud.app, cloud.demo, 'POST', base, { stack_name: 'scaled', template });
    expect(created.statusCode, created.body).toBe(201);
    const url = `${base}/scaled/${(created.json() as { stack: { id: string } }).stack.id}`;
    await control(cloud.app, 'clock/advance', { seconds: 10 });
    const nested = (await call(cloud.app, cloud.demo, 'GET', `${url}/resources?nested_depth=1`)).json() as { resources: Row[] };
    const member = String(nested.resources.find((r) => r.resource_type === 'OS::Nova::Server')!.physical_resource_id);
    const status = async () => ((await computeCall(cloud.app, cloud.demo, 'GET', `/servers/${member}`, undefined, '2.1')).json() as { server: Row }).server.status;
    expect(await status()).toBe('ACTIVE');
    const signal = () => call(cloud.app, cloud.demo, 'POST', `${url}/resources/up/signal`, {});

    expect((await call(cloud.app, cloud.demo, 'POST', `${url}/actions`, { suspend: null })).statusCode).toBe(200);
    await control(cloud.app, 'clock/advance', { seconds: 3 });
    expect(await status()).toBe('SUSPENDED');
    const refused = await signal();
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { message: 'Signal resource during SUSPEND is not supported.' } });

    expect((await call(cloud.app, cloud.demo, 'POST', `${url}/actions`, { resume: null })).statusCode).toBe(200);
    await control(cloud.app, 'clock/advance', { seconds: 3 });
    expect(await status()).toBe('ACTIVE');
    expect((await signal()).statusCode).toBe(200);
  });
});
