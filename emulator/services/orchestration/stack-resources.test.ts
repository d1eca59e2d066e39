// Stack resources that are real objects of the other services: a server booted through Nova's
// create logic on a port the stack made, both gone again when the stack is deleted.

import { describe, expect, it } from 'vitest';
import { call, computeCall, control, useTestCloud } from '../../testing/test-cloud';
import { projectOf } from './heat-test-support';

const cloud = useTestCloud({ resetBeforeEach: 'demo', login: true });

type Row = Record<string, unknown>;

const TEMPLATE = {
  heat_template_version: '2018-08-31',
  resources: {
    port: { type: 'OS::Neutron::Port', properties: { network: 'private' } },
    server: {
      type: 'OS::Nova::Server',
      properties: { flavor: 'm1.nano', image: 'cirros', networks: [{ port: { get_resource: 'port' } }] },
    },
  },
  outputs: { server_id: { value: { get_resource: 'server' } } },
};

describe('Heat resources in the other services', () => {
  it('boots a server on the stack’s port, and deletes both with the stack', async () => {
    await control(cloud.app, 'clock', { mode: 'manual' });
    const base = `/heat-api/v1/${await projectOf(cloud.app, cloud.demo)}/stacks`;
    const created = await call(cloud.app, cloud.demo, 'POST', base, { stack_name: 'web', template: TEMPLATE });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { stack: { id: string } }).stack.id;
    await control(cloud.app, 'clock/advance', { seconds: 2 });
    const resources = ((await call(cloud.app, cloud.demo, 'GET', `${base}/web/${id}/resources`)).json() as { resources: Row[] }).resources;
    const [portId, serverId] = ['port', 'server'].map((n) => String(resources.find((r) => r.resource_name === n)!.physical_resource_id));

    const server = async () => computeCall(cloud.app, cloud.demo, 'GET', `/servers/${serverId}`, undefined, '2.1');
    expect((await server()).json()).toMatchObject({ server: { status: 'BUILD', name: expect.stringMatching(/^web-server-/) } });
    await control(cloud.app, 'clock/advance', { seconds: 10 });
    expect((await server()).json()).toMatchObject({ server: { status: 'ACTIVE' } });
    const port = (await call(cloud.app, cloud.demo, 'GET', `/networking/v2.0/ports/${portId}`)).json() as { port: Row };
    expect(port.port.device_id).toBe(serverId);

    expect((await call(cloud.app, cloud.demo, 'DELETE', `${base}/web/${id}`)).statusCode).toBe(204);
    await control(cloud.app, 'clock/advance', { seconds: 10 });
    expect((await server()).statusCode).toBe(404);
    expect((await call(cloud.app, cloud.demo, 'GET', `/networking/v2.0/ports/${portId}`)).statusCode).toBe(404);
  });

  it('creates a volume that becomes available on the clock and goes with the stack', async () => {
    await control(cloud.app, 'clock', { mode: 'manual' });
    const tenant = await projectOf(cloud.app, cloud.demo);
    const base = `/heat-api/v1/${tenant}/stacks`;
    const template = { heat_template_version: '2018-08-31', resources: { data: { type: 'OS::Cinder::Volume', properties: { size: 1, name: 'data-vol' } } } };
    const created = await call(cloud.app, cloud.demo, 'POST', base, { stack_name: 'vol', template });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { stack: { id: string } }).stack.id;
    await control(cloud.app, 'clock/advance', { seconds: 30 });
    const res = (await call(cloud.app, cloud.demo, 'GET', `${base}/vol/${id}/resources/data`)).json() as { resource: Row };
    const volumeUrl = `/volume/v3/${tenant}/volumes/${String(res.resource.physical_resource_id)}`;
    expect((await call(cloud.app, cloud.demo, 'GET', volumeUrl)).json()).toMatchObject({ volume: { name: 'data-vol', size: 1, status: 'available' } });
    expect((await call(cloud.app, cloud.demo, 'DELETE', `${base}/vol/${id}`)).statusCode).toBe(204);
    expect((await call(cloud.app, cloud.demo, 'GET', volumeUrl)).statusCode).toBe(404);
  });

  it('allocates a floating IP on the external network and associates it with the stack’s port', async () => {
    const base = `/heat-api/v1/${await projectOf(cloud.app, cloud.demo)}/stacks`;
    const template = {
      heat_template_version: '2018-08-31',
      resources: {
        port: { type: 'OS::Neutron::Port', properties: { network: 'private' } },
        fip: { type: 'OS::Neutron::FloatingIP', properties: { floating_network: 'public' } },
        assoc: {
          type: 'OS::Neutron::FloatingIPAssociation',
          properties: { floatingip_id: { get_resource: 'fip' }, port_id: { get_resource: 'port' } },
        },
      },
      outputs: { fip: { value: { get_resource: 'fip' } }, port: { value: { get_resource: 'port' } } },
    };
    const created = await call(cloud.app, cloud.demo, 'POST', base, { stack_name: 'fip', template });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { stack: { id: string } }).stack.id;
    await control(cloud.app, 'clock/advance', { seconds: 5 });
    const outputs = ((await call(cloud.app, cloud.demo, 'GET', `${base}/fip/${id}`)).json() as { stack: { outputs: Row[] } }).stack.outputs;
    const value = (key: string) => String(outputs.find((o) => o.output_key === key)!.output_value);
    const fipUrl = `/networking/v2.0/floatingips/${value('fip')}`;
    expect((await call(cloud.app, cloud.demo, 'GET', fipUrl)).json()).toMatchObject({ floatingip: { port_id: value('port'), status: 'ACTIVE' } });
    expect((await call(cloud.app, cloud.demo, 'DELETE', `${base}/fip/${id}`)).statusCode).toBe(204);
    expect((await call(cloud.app, cloud.demo, 'GET', fipUrl)).statusCode).toBe(404);
  });

  it('refuses an unknown flavor before anything is made; keeps the stack CREATE_FAILED when Nova refuses the server, the port made before it staying until delete', async () => {
    await control(cloud.app, 'clock', { mode: 'manual' });
    const tenant = await projectOf(cloud.app, cloud.demo);
    const base = `/heat-api/v1/${tenant}/stacks`;
    const withFlavor = (flavor: string) => ({ ...TEMPLATE, resources: { ...TEMPLATE.resources, server: { ...TEMPLATE.resources.server, properties: { ...TEMPLATE.resources.server.properties, flavor } } } });
    const unknown = await call(cloud.app, cloud.demo, 'POST', base, { stack_name: 'bad', template: withFlavor('m9.huge') });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: { type: 'StackValidationFailed', message: "Property error: resources.server.properties.flavor: Error validating value 'm9.huge': The Flavor (m9.huge) could not be found." },
    });
    const ports = async () => ((await call(cloud.app, cloud.demo, 'GET', '/networking/v2.0/ports')).json() as { ports: Row[] }).ports.filter((p) => String(p.name).startsWith('bad-'));
    expect(await ports()).toEqual([]);

    const quota = await computeCall(cloud.app, cloud.admin, 'PUT', `/os-quota-sets/${tenant}`, { quota_set: { instances: 0 } }, '2.1');
    expect(quota.statusCode, quota.body).toBe(200);
    const refused = await call(cloud.app, cloud.demo, 'POST', base, { stack_name: 'bad', template: withFlavor('m1.nano') });
    expect(refused.statusCode, refused.body).toBe(201);
    const id = (refused.json() as { stack: { id: string } }).stack.id;
    await control(cloud.app, 'clock/advance', { seconds: 2 });
    const stack = ((await call(cloud.app, cloud.demo, 'GET', `${base}/bad/${id}`)).json() as { stack: Row }).stack;
    expect(stack).toMatchObject({ stack_status: 'CREATE_FAILED', stack_status_reason: expect.stringMatching(/^Resource CREATE failed: \w+: resources.server: Quota exceeded for instances/) });
    const server = ((await call(cloud.app, cloud.demo, 'GET', `${base}/bad/${id}/resources/server`)).json() as { resource: Row }).resource;
    expect(server).toMatchObject({ resource_status: 'CREATE_FAILED', physical_resource_id: '' });
    expect(await ports()).toHaveLength(1);
    expect((await call(cloud.app, cloud.demo, 'DELETE', `${base}/bad/${id}`)).statusCode).toBe(204);
    expect(await ports()).toEqual([]);
  });
});
