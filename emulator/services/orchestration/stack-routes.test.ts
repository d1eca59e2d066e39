// Heat v1 stacks, resources and events through app.inject: create with a template document,
// environment and files as heatclient sends them, the clock-driven CREATE, redirects, outputs,
// validation errors as 400 before anything exists, and delete in reverse order.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, control, useTestCloud } from '../../testing/test-cloud';
import { ensureFixtureNames, projectOf } from './heat-test-support';
import { loadYaml } from './hot/yaml-load';

const cloud = useTestCloud({ resetBeforeEach: 'demo', login: true });
const FIXTURES = join(__dirname, 'hot', 'fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

type Row = Record<string, unknown>;

const SIMPLE = {
  heat_template_version: '2018-08-31',
  description: 'two ports',
  parameters: { net: { type: 'string', default: 'private' } },
  resources: {
    port_a: { type: 'OS::Neutron::Port', properties: { network: { get_param: 'net' } } },
    port_b: { type: 'OS::Neutron::Port', properties: { network: { get_param: 'net' }, name: { get_attr: ['port_a', 'name'] } } },
  },
  outputs: { a_id: { description: 'the first port', value: { get_resource: 'port_a' } } },
};

describe('Heat v1 stacks', () => {
  it('creates on the clock, redirects by name, shows outputs, resources and events, and deletes', async () => {
    await control(cloud.app, 'clock', { mode: 'manual' });
    const tenant = await projectOf(cloud.app, cloud.demo);
    const base = `/heat-api/v1/${tenant}/stacks`;
    const created = await call(cloud.app, cloud.demo, 'POST', base, { stack_name: 'two', template: SIMPLE, parameters: {} });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { stack: { id: string } }).stack.id;
    expect(created.headers.location).toMatch(new RegExp(`/heat-api/v1/${tenant}/stacks/two/${id}$`));

    const redirect = await call(cloud.app, cloud.demo, 'GET', `${base}/two?x=1`);
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toMatch(new RegExp(`/stacks/two/${id}\\?x=1$`));
    expect((await call(cloud.app, cloud.demo, 'GET', `${base}/${id}/resources`)).headers.location).toMatch(new RegExp(`/stacks/two/${id}/resources$`));

    const show = async () => ((await call(cloud.app, cloud.demo, 'GET', `${base}/two/${id}`)).json() as { stack: Row }).stack;
    expect(await show()).toMatchObject({ stack_status: 'CREATE_IN_PROGRESS', stack_name: 'two', description: 'two ports' });
    await control(cloud.app, 'clock/advance', { seconds: 2 });
    const done = await show();
    expect(done).toMatchObject({ stack_status: 'CREATE_COMPLETE', stack_status_reason: 'Stack CREATE completed successfully' });
    expect(done.parameters).toMatchObject({ net: 'private', 'OS::stack_name': 'two', 'OS::stack_id': id, 'OS::project_id': tenant });

    const resources = ((await call(cloud.app, cloud.demo, 'GET', `${base}/two/${id}/resources`)).json() as { resources: Row[] }).resources;
    expect(resources.map((r) => [r.resource_name, r.resource_status])).toEqual([['port_a', 'CREATE_COMPLETE'], ['port_b', 'CREATE_COMPLETE']]);
    expect(resources[0]!.required_by).toEqual(['port_b']);
    const output = (await call(cloud.app, cloud.demo, 'GET', `${base}/two/${id}/outputs/a_id`)).json() as { output: Row };
    expect(output.output.output_value).toBe(resources[0]!.physical_resource_id);
    const portUrl = `/networking/v2.0/ports/${String(resources[0]!.physical_resource_id)}`;
    const port = await call(cloud.app, cloud.demo, 'GET', portUrl);
    expect(port.statusCode, port.body).toBe(200);
    expect((port.json() as { port: Row }).port).toMatchObject({ name: expect.stringMatching(/^two-port_a-/), project_id: tenant });

    const events = ((await call(cloud.app, cloud.demo, 'GET', `${base}/two/${id}/events`)).json() as { events: Row[] }).events;
    expect(events.map((e) => `${e.resource_name} ${e.resource_status}`)).toEqual([
      'two CREATE_IN_PROGRESS', 'port_a CREATE_IN_PROGRESS', 'port_a CREATE_COMPLETE',
      'port_b CREATE_IN_PROGRESS', 'port_b CREATE_COMPLETE', 'two CREATE_COMPLETE',
    ]);
    expect(events[2]!.resource_status_reason).toBe('state changed');

    const template = (await call(cloud.app, cloud.demo, 'GET', `${base}/two/${id}/template`)).json();
    expect(template).toEqual(SIMPLE);
    const list = ((await call(cloud.app, cloud.demo, 'GET', `${base}?status=COMPLETE`)).json() as { stacks: Row[] }).stacks;
    expect(list.map((s) => s.stack_name)).toEqual(['two']);
    expect((await call(cloud.app, cloud.admin, 'GET', `${base}`)).statusCode).toBe(403);

    expect((await call(cloud.app, cloud.demo, 'DELETE', `${base}/two/${id}`)).statusCode).toBe(204);
    expect(await show()).toMatchObject({ stack_status: 'DELETE_IN_PROGRESS' });
    await control(cloud.app, 'clock/advance', { seconds: 1 });
    const mid = ((await call(cloud.app, cloud.demo, 'GET', `${base}/two/${id}/resources`)).json() as { resources: Row[] }).resources;
    expect(mid.map((r) => r.resource_name)).toEqual(['port_a']);
    await control(cloud.app, 'clock/advance', { seconds: 1 });
    expect((await call(cloud.app, cloud.demo, 'GET', portUrl)).statusCode).toBe(404);
    const gone = await call(cloud.app, cloud.demo, 'GET', `${base}/two/${id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ code: 404, error: { type: 'EntityNotFound', message: `The Stack (${id}) could not be found.` } });
  });

  it('creates the rhosp8-cpu scenario with its environment and nested file, and gives alarm_url', async () => {
    const tenant = await projectOf(cloud.app, cloud.demo);
    await ensureFixtureNames(cloud.app, cloud.demo);
    const base = `/heat-api/v1/${tenant}/stacks`;
    const created = await call(cloud.app, cloud.demo, 'POST', base, {
      stack_name: 'example',
      template: loadYaml(fixture('rhosp8-cpu/example.yaml'), 'template'),
      environment: loadYaml(fixture('rhosp8-cpu/environment.yaml'), 'environment'),
      files: { 'file:///etc/heat/templates/cirros.yaml': fixture('rhosp8-cpu/cirros.yaml') },
    });
    expect(created.statusCode, created.body).toBe(201);
    const again = await call(cloud.app, cloud.demo, 'POST', base, { stack_name: 'example', template: SIMPLE });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { type: 'StackExists' } });
    const id = (created.json() as { stack: { id: string } }).stack.id;
    const policy = (await call(cloud.app, cloud.demo, 'GET', `${base}/example/${id}/resources/scaleup_policy`)).json() as { resource: Row };
    expect(policy.resource.resource_type).toBe('OS::Heat::ScalingPolicy');
  });

  it('answers bad templates and names with 400 before creating anything', async () => {
    const tenant = await projectOf(cloud.app, cloud.demo);
    const base = `/heat-api/v1/${tenant}/stacks`;
    const badType = await call(cloud.app, cloud.demo, 'POST', base, {
      stack_name: 'bad',
      template: { heat_template_version: '2018-08-31', resources: { x: { type: 'OS::No::Such' } } },
    });
    expect(badType.statusCode).toBe(400);
    expect(badType.json()).toMatchObject({ code: 400, title: 'Bad Request', error: { type: 'ResourceTypeNotFound' } });
    const yaml = await call(cloud.app, cloud.demo, 'POST', base, { stack_name: 'bad', template: fixture('rhosp16-gnocchi/template.as-published.yaml') });
    expect(yaml.statusCode).toBe(400);
    const name = await call(cloud.app, cloud.demo, 'POST', base, { stack_name: '1bad', template: SIMPLE });
    expect(name.statusCode).toBe(400);
    expect(name.json()).toMatchObject({ error: { type: 'StackValidationFailed' } });
    const preview = await call(cloud.app, cloud.demo, 'POST', `${base}/preview`, { stack_name: 'pre', template: SIMPLE });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(((preview.json() as { stack: { resources: Row[] } }).stack.resources).map((r) => r.resource_name)).toEqual(['port_a', 'port_b']);
    const noNet = await call(cloud.app, cloud.demo, 'POST', base, {
      stack_name: 'nonet',
      // The custom constraint is checked against the cloud before anything is made (a resource
      // failing later leaves a CREATE_FAILED stack instead: stack-lifecycle.test.ts).
      template: { ...SIMPLE, parameters: { net: { type: 'string', default: 'nowhere', constraints: [{ custom_constraint: 'neutron.network' }] } } },
    });
    expect(noNet.statusCode).toBe(400);
    expect(noNet.json()).toMatchObject({ error: { message: expect.stringMatching(/Unable to find network with name or id 'nowhere'/) } });
    const list = (await call(cloud.app, cloud.demo, 'GET', base)).json() as { stacks: Row[] };
    expect(list.stacks).toEqual([]);
    const ports = (await call(cloud.app, cloud.demo, 'GET', '/networking/v2.0/ports')).json() as { ports: Row[] };
    expect(ports.ports.filter((p) => String(p.name).startsWith('nonet-'))).toEqual([]);
  });
});
