// python-heatclient against the embedded cloud's Heat lifecycle: `openstack stack update` with a new
// template, an environment and parameters, `--existing`, `--dry-run`; `stack suspend/resume/check`;
// `orchestration resource type list/show` and `template version list`; and `stack create` refused
// on an unknown flavor with Heat's message. Other files share the cloud, so names are unique.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DEMO, openrcEnv, runOpenstack } from './cli';

const cloudUrl = inject('cloudUrl');
const asDemo = openrcEnv(cloudUrl, DEMO);

type Row = Record<string, unknown>;

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const work = mkdtempSync(join(tmpdir(), 'zenith-lifecycle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

async function openstack(args: string[], format = true): Promise<unknown> {
  const result = await runOpenstack(format ? [...args, '-f', 'json'] : args, asDemo);
  expect(result.code, result.stderr).toBe(0);
  return result.json;
}

const PORTS = `heat_template_version: 2018-08-31
parameters:
  prefix:
    type: string
    default: one
resources:
  port_a:
    type: OS::Neutron::Port
    properties:
      network: private
      name: {list_join: ['-', [{get_param: prefix}, a]]}
  port_b:
    type: OS::Neutron::Port
    properties:
      network: private
`;

/** The same template with port_b replaced by port_c. */
const PORTS_NEXT = PORTS.replace('port_b:', 'port_c:');

const portName = async (stack: string, resource: string) => {
  const res = (await openstack(['stack', 'resource', 'show', stack, resource])) as Row;
  const port = (await openstack(['port', 'show', String(res.physical_resource_id)])) as Row;
  return port.name;
};

describe('openstack stack update', () => {
  it('update -t -e --parameter --wait, --dry-run, then --existing --parameter', async () => {
    const name = unique('upd');
    const first = file(`${name}-1.yaml`, PORTS);
    expect((await runOpenstack(['stack', 'create', '-t', first, '--wait', name], asDemo)).code).toBe(0);
    expect(await portName(name, 'port_a')).toBe('one-a');

    const next = file(`${name}-2.yaml`, PORTS_NEXT);
    const dry = await runOpenstack(['stack', 'update', '--dry-run', '-t', next, name, '-f', 'json'], asDemo);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('port_c');
    expect(((await openstack(['stack', 'show', name])) as Row).stack_status).toBe('CREATE_COMPLETE');

    const env = file(`${name}-env.yaml`, 'parameters:\n  prefix: env\n');
    const update = await runOpenstack(['stack', 'update', '-t', next, '-e', env, '--wait', name], asDemo);
    expect(update.code, update.stderr).toBe(0);
    const shown = (await openstack(['stack', 'show', name])) as Row;
    expect(shown).toMatchObject({ stack_status: 'UPDATE_COMPLETE', stack_status_reason: 'Stack UPDATE completed successfully' });
    expect(shown.parameters).toMatchObject({ prefix: 'env' });
    const resources = (await openstack(['stack', 'resource', 'list', name])) as Row[];
    expect(resources.map((r) => r.resource_name).sort()).toEqual(['port_a', 'port_c']);
    expect(await portName(name, 'port_a')).toBe('env-a');

    const existing = await runOpenstack(['stack', 'update', '--existing', '--parameter', 'prefix=three', '--wait', name], asDemo);
    expect(existing.code, existing.stderr).toBe(0);
    expect(((await openstack(['stack', 'show', name])) as Row).parameters).toMatchObject({ prefix: 'three' });
    expect(await portName(name, 'port_a')).toBe('three-a');
    const events = (await openstack(['stack', 'event', 'list', name])) as Row[];
    expect(events.filter((e) => e.resource_name === name && e.resource_status === 'UPDATE_COMPLETE')).toHaveLength(2);

    await openstack(['stack', 'delete', '--yes', '--wait', name], false);
  });

  it('refuses an update with an unknown parameter and leaves the stack as it was', async () => {
    const name = unique('updbad');
    expect((await runOpenstack(['stack', 'create', '-t', file(`${name}.yaml`, PORTS), '--wait', name], asDemo)).code).toBe(0);
    const refused = await runOpenstack(['stack', 'update', '--existing', '--parameter', 'nope=1', name], asDemo);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('The Parameter (nope) was not defined in template.');
    expect(((await openstack(['stack', 'show', name])) as Row).stack_status).toBe('CREATE_COMPLETE');
    await openstack(['stack', 'delete', '--yes', '--wait', name], false);
  });
});

describe('openstack stack suspend, resume and check', () => {
  it('suspend --wait, resume --wait, check --wait with their events', async () => {
    const name = unique('act');
    expect((await runOpenstack(['stack', 'create', '-t', file(`${name}.yaml`, PORTS), '--wait', name], asDemo)).code).toBe(0);
    for (const [command, status] of [['suspend', 'SUSPEND_COMPLETE'], ['resume', 'RESUME_COMPLETE'], ['check', 'CHECK_COMPLETE']] as const) {
      const result = await runOpenstack(['stack', command, '--wait', name], asDemo);
      expect(result.code, result.stderr).toBe(0);
      expect(((await openstack(['stack', 'show', name])) as Row).stack_status).toBe(status);
    }
    const resources = (await openstack(['stack', 'resource', 'list', name])) as Row[];
    expect(resources.every((r) => r.resource_status === 'CHECK_COMPLETE')).toBe(true);
    const events = (await openstack(['stack', 'event', 'list', name])) as Row[];
    expect(events.filter((e) => e.resource_name === name).map((e) => e.resource_status)).toEqual([
      'CREATE_IN_PROGRESS', 'CREATE_COMPLETE',
      'SUSPEND_IN_PROGRESS', 'SUSPEND_COMPLETE',
      'RESUME_IN_PROGRESS', 'RESUME_COMPLETE',
      'CHECK_IN_PROGRESS', 'CHECK_COMPLETE',
    ]);
    await openstack(['stack', 'delete', '--yes', '--wait', name], false);
  });
});

describe('openstack orchestration resource type and template version', () => {
  it('resource type list (and --filter name=), resource type show, template version list', async () => {
    const types = (await openstack(['orchestration', 'resource', 'type', 'list'])) as Row[];
    expect(types.map((t) => t['Resource Type'])).toEqual(expect.arrayContaining(['OS::Nova::Server', 'OS::Heat::AutoScalingGroup', 'OS::Aodh::GnocchiAggregationByResourcesAlarm']));
    const neutron = (await openstack(['orchestration', 'resource', 'type', 'list', '--filter', 'name=OS::Neutron'])) as Row[];
    expect(neutron.length).toBeGreaterThan(0);
    expect(neutron.every((t) => String(t['Resource Type']).startsWith('OS::Neutron'))).toBe(true);
    const server = (await openstack(['orchestration', 'resource', 'type', 'show', 'OS::Nova::Server'])) as Row;
    expect(server.resource_type).toBe('OS::Nova::Server');
    expect((server.properties as Record<string, Row>).flavor).toMatchObject({ required: true });
    const versions = (await openstack(['orchestration', 'template', 'version', 'list'])) as Row[];
    expect(versions).toContainEqual(expect.objectContaining({ Version: 'heat_template_version.2018-08-31', Type: 'hot' }));
  });
});

describe('openstack stack create checks custom constraints', () => {
  it('refuses an unknown flavor with Heat’s message and creates nothing', async () => {
    const name = unique('noflavor');
    const template = file(`${name}.yaml`, `heat_template_version: 2018-08-31
resources:
  server:
    type: OS::Nova::Server
    properties:
      flavor: m9.huge
      image: cirros
      networks: [{network: private}]
`);
    const result = await runOpenstack(['stack', 'create', '-t', template, name], asDemo);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Property error: resources.server.properties.flavor: Error validating value 'm9.huge': The Flavor (m9.huge) could not be found.");
    const list = (await openstack(['stack', 'list'])) as Row[];
    expect(list.some((s) => s['Stack Name'] === name)).toBe(false);
  });
});
