// python-heatclient (`openstack stack ...`) against the embedded cloud's Heat: create with a
// template, an environment and a nested file as heatclient sends them (the rhosp16-gnocchi
// scenario), list, show, resources, events, outputs, a policy signal, template, environment, delete.
// Other files share the cloud, so names are unique.

import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DEMO, openrcEnv, runOpenstack } from './cli';

const cloudUrl = inject('cloudUrl');
const asDemo = openrcEnv(cloudUrl, DEMO);
const FIXTURES = join(__dirname, '..', 'emulator', 'services', 'orchestration', 'hot', 'fixtures');

type Row = Record<string, unknown>;

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const work = mkdtempSync(join(tmpdir(), 'zenith-stack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function openstack(args: string[], format = true): Promise<unknown> {
  const result = await runOpenstack(format ? [...args, '-f', 'json'] : args, asDemo);
  expect(result.code, result.stderr).toBe(0);
  return result.json;
}

/** A working copy of a scenario; the environment's nested template path points at the copy beside it. */
function scenario(name: string): string {
  const dir = join(work, name);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  const env = join(dir, 'environment.yaml');
  writeFileSync(env, readFileSync(env, 'utf8').replace(/(~\/stacks\/example1\/|file:\/\/\/etc\/heat\/templates\/)cirros\.yaml/, 'cirros.yaml'));
  return dir;
}

describe('openstack stack', () => {
  it('create --wait, list, show, resources, events, outputs, template, environment and delete', async () => {
    const name = unique('gnocchi');
    const dir = scenario('rhosp16-gnocchi');
    // --wait prints the events it polled, then the stack as JSON.
    const create = await runOpenstack(
      ['stack', 'create', '-t', join(dir, 'template.yaml'), '-e', join(dir, 'environment.yaml'), '--wait', name, '-f', 'json'],
      asDemo,
    );
    expect(create.code, create.stderr).toBe(0);
    expect(create.stdout).toContain(`[${name}.scaleup_group]: CREATE_COMPLETE  state changed`);
    const created = JSON.parse(create.stdout.slice(create.stdout.indexOf('\n{') + 1)) as Row;
    expect(created).toMatchObject({ stack_name: name, stack_status: 'CREATE_COMPLETE' });

    const list = (await openstack(['stack', 'list'])) as Row[];
    expect(list.find((s) => s['Stack Name'] === name)).toMatchObject({ 'Stack Status': 'CREATE_COMPLETE' });

    const shown = (await openstack(['stack', 'show', name])) as Row;
    expect(shown).toMatchObject({ id: created.id, stack_status_reason: 'Stack CREATE completed successfully' });
    expect(shown.parameters).toMatchObject({ 'OS::stack_name': name, 'OS::stack_id': created.id });

    const resources = (await openstack(['stack', 'resource', 'list', name])) as Row[];
    expect(resources.map((r) => r.resource_name).sort()).toEqual(
      ['cpu_alarm_high', 'cpu_alarm_low', 'scaledown_policy', 'scaleup_group', 'scaleup_policy'],
    );
    expect(resources.every((r) => r.resource_status === 'CREATE_COMPLETE')).toBe(true);
    const policy = (await openstack(['stack', 'resource', 'show', name, 'scaleup_policy'])) as Row;
    expect(policy).toMatchObject({ resource_type: 'OS::Heat::ScalingPolicy', resource_status_reason: 'state changed' });

    const events = (await openstack(['stack', 'event', 'list', name])) as Row[];
    expect(events[0]).toMatchObject({ resource_name: name, resource_status: 'CREATE_IN_PROGRESS' });
    expect(events.at(-1)).toMatchObject({ resource_name: name, resource_status: 'CREATE_COMPLETE' });
    expect(events.filter((e) => e.resource_status === 'CREATE_COMPLETE')).toHaveLength(6);

    const output = (await openstack(['stack', 'output', 'show', name, 'scaleup_policy_signal_url'])) as Row;
    expect(output.output_value).toBe(
      `${cloudUrl}/heat-api/v1/${String(shown.parameters && (shown.parameters as Row)['OS::project_id'])}/stacks/${name}/${String(created.id)}/resources/scaleup_policy/signal`,
    );
    await openstack(['stack', 'resource', 'signal', name, 'scaleup_policy'], false);
    const group = (await openstack(['stack', 'resource', 'show', name, 'scaleup_group'])) as Row;
    expect(group.attributes).toMatchObject({ current_size: 2 });
    const signals = (await openstack(['stack', 'event', 'list', name, '--resource', 'scaleup_policy'])) as Row[];
    expect(signals.at(-1)).toMatchObject({ resource_status: 'SIGNAL_COMPLETE', resource_status_reason: 'No signal details provided' });

    const template = (await openstack(['stack', 'template', 'show', name])) as Row;
    expect(template.heat_template_version).toBe('2016-10-14');
    const env = (await openstack(['stack', 'environment', 'show', name])) as Row;
    expect(env.resource_registry).toMatchObject({ 'OS::Nova::Server::Cirros': expect.stringMatching(/cirros\.yaml$/) });

    await openstack(['stack', 'delete', '--yes', '--wait', name], false);
    const gone = await runOpenstack(['stack', 'show', name], asDemo);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toMatch(/not found/i);
    // 15 CLI calls, two of them waiting on the real clock: past 60 s on a busy machine.
  }, 180_000);

  it('refuses a template the engine rejects, before anything is created', async () => {
    const name = unique('bad');
    const file = join(work, `${name}.yaml`);
    writeFileSync(file, 'heat_template_version: 2018-08-31\nresources:\n  x:\n    type: OS::No::Such\n');
    const result = await runOpenstack(['stack', 'create', '-t', file, name], asDemo);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/OS::No::Such/);
    const list = (await openstack(['stack', 'list'])) as Row[];
    expect(list.some((s) => s['Stack Name'] === name)).toBe(false);
  });
});
