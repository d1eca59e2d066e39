// The guides' autoscaling walkthroughs end to end with the real CLI: `openstack stack create -t … -e …`
// with the seed templates, load set with /_emulator/load, the manual clock moved on; the alarms
// fire (`openstack alarm list`, `alarm-history show`), the group grows to max_size with real
// servers (`openstack stack resource list --nested-depth 2`, `server list`) and, where the guide's
// low alarm can fire, shrinks back to min_size; a POST to the scale-up alarm_url adds a member.
// The file runs its own embedded cloud (manual clock, its own sample period), so other files'
// servers and clock moves do not reach its alarms.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationOf } from '../emulator/sim/alarm-evaluator-runtime';
import { DEMO, openrcEnv, runOpenstack, startEmulator, type RunningCloud } from './cli';

const FIXTURES = join(__dirname, '..', 'emulator', 'services', 'orchestration', 'hot', 'fixtures');
type Row = Record<string, unknown>;

let cloud: RunningCloud;
let env: Record<string, string>;
const work = mkdtempSync(join(tmpdir(), 'zenith-autoscaling-'));

beforeAll(async () => {
  cloud = await startEmulator();
  env = openrcEnv(cloud.url, DEMO);
  await control('clock', { mode: 'manual' });
});
afterAll(async () => {
  await cloud.close();
  rmSync(work, { recursive: true, force: true });
});

async function control(path: string, body: unknown): Promise<Row> {
  const response = await fetch(`${cloud.url}/_emulator/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Row;
}

async function openstack(args: string[]): Promise<unknown> {
  const result = await runOpenstack([...args, '-f', 'json'], env);
  expect(result.code, result.stderr).toBe(0);
  return result.json;
}

/** Moves the clock on, then lets the evaluator run what is due and deliver its actions. */
async function advance(seconds: number): Promise<void> {
  await control('clock/advance', { seconds });
  const evaluation = evaluationOf(cloud.app)!;
  await evaluation.settle();
  await evaluation.idle();
}

/** The group's member servers: OS::Nova::Server rows of the nested stacks (oldest first by creation). */
async function memberServers(stack: string): Promise<string[]> {
  const rows = (await openstack(['stack', 'resource', 'list', '--nested-depth', '2', stack])) as Row[];
  return rows
    .filter((r) => r.resource_type === 'OS::Nova::Server' && r.resource_status === 'CREATE_COMPLETE')
    .map((r) => String(r.physical_resource_id));
}

async function setLoad(servers: string[], cpuPercent: number): Promise<void> {
  for (const id of servers) await control('load', { server_id: id, cpu_percent: cpuPercent });
}

/** Keeps every member at `cpuPercent` while the clock runs a minute at a time, until `done`. */
async function runUntil(stack: string, cpuPercent: number, done: (members: string[]) => boolean): Promise<string[]> {
  let members = await memberServers(stack);
  for (let minute = 0; minute < 30 && !done(members); minute++) {
    await setLoad(members, cpuPercent);
    await advance(60);
    members = await memberServers(stack);
  }
  return members;
}

/** Deletes the stack; its servers and alarms go with it, so the next scenario's alarms see only its own. */
async function deleteStack(name: string): Promise<void> {
  const result = await runOpenstack(['stack', 'delete', '--yes', name], env);
  expect(result.code, result.stderr).toBe(0);
  await advance(60);
  const servers = (await openstack(['server', 'list'])) as Row[];
  expect(servers.filter((s) => String(s.Name).startsWith(`${name}-`))).toEqual([]);
  expect(((await openstack(['alarm', 'list'])) as Row[]).filter((a) => String(a.name).startsWith(`${name}-`))).toEqual([]);
}

async function alarmNamed(prefix: string): Promise<Row> {
  const alarms = (await openstack(['alarm', 'list'])) as Row[];
  const alarm = alarms.find((a) => String(a.name).startsWith(prefix));
  expect(alarm, JSON.stringify(alarms)).toBeDefined();
  return alarm!;
}

async function transitions(alarmId: string): Promise<string[]> {
  const history = (await openstack(['alarm-history', 'show', alarmId])) as Row[];
  return history.filter((h) => h.type === 'state transition').map((h) => String((JSON.parse(String(h.detail)) as Row).state));
}

describe('the guides’ autoscaling with the real CLI', () => {
  it('rhosp16-gnocchi: the by-resources alarm on the server_group fires and the group grows to max_size', async () => {
    // heatclient reads the environment's ~/stacks/example1/cirros.yaml relative to the environment
    // file (it does not expand ~): point it at the copy beside it.
    const dir = join(work, 'gnocchi');
    cpSync(join(FIXTURES, 'rhosp16-gnocchi'), dir, { recursive: true });
    const environment = join(dir, 'environment.yaml');
    writeFileSync(environment, readFileSync(environment, 'utf8').replace('~/stacks/example1/cirros.yaml', 'cirros.yaml'));
    // The alarm's granularity is 1 s: samples every second, set before the servers boot.
    await control('load/sample-period', { seconds: 1 });
    const created = (await openstack(['stack', 'create', '-t', join(dir, 'template.yaml'), '-e', environment, 'jp'])) as Row;
    await advance(60);
    const first = await memberServers('jp');
    expect(first).toHaveLength(1);
    const server = (await openstack(['server', 'show', first[0]!])) as Row;
    expect(JSON.stringify(server.properties)).toMatch(new RegExp(`metering\\.server_group.*${String(created.id)}`));

    const members = await runUntil('jp', 100, (m) => m.length === 3);
    expect(members).toHaveLength(3);
    expect(members[0]).toBe(first[0]);
    const high = await alarmNamed('jp-cpu_alarm_high-');
    expect(await transitions(String(high.alarm_id))).toContain('alarm');
    const group = (await openstack(['stack', 'resource', 'show', 'jp', 'scaleup_group'])) as Row;
    expect(group.attributes).toMatchObject({ current_size: 3 });
    const servers = (await openstack(['server', 'list'])) as Row[];
    expect(servers.filter((s) => String(s.Name).startsWith('jp-scaleup_group-'))).toHaveLength(3);
    await deleteStack('jp');
    await control('load/sample-period', { seconds: 60 });
  }, 600_000);

  it('rhosp8-webapp: the Ceilometer alarms on metering.stack grow the group under load and shrink it when the load goes', async () => {
    const dir = join(work, 'webapp');
    cpSync(join(FIXTURES, 'rhosp8-webapp'), dir, { recursive: true });
    // heatclient reads the member template from disk: point its file:// type at the copy here.
    const template = join(dir, 'lb-webserver-rhel7.yaml');
    writeFileSync(template, readFileSync(template, 'utf8').replace('file:///etc/heat/templates/lb-env.yaml', 'lb-env.yaml'));
    await openstack(['stack', 'create', '-t', template, 'web']);
    await advance(60);
    expect(await memberServers('web')).toHaveLength(1);

    const grown = await runUntil('web', 100, (m) => m.length === 3);
    expect(grown).toHaveLength(3);
    const high = await alarmNamed('web-cpu_alarm_high-');
    expect(await transitions(String(high.alarm_id))).toContain('alarm');

    const shrunk = await runUntil('web', 0, (m) => m.length === 1);
    expect(shrunk).toEqual([grown[2]]);
    const low = await alarmNamed('web-cpu_alarm_low-');
    expect(low.state).toBe('alarm');

    // The output the guide gives as the scale-up webhook: a POST with no body and no token.
    const url = String(((await openstack(['stack', 'output', 'show', 'web', 'scale_up_url'])) as Row).output_value);
    await advance(61);
    const response = await fetch(url, { method: 'POST' });
    expect(response.status).toBe(200);
    await advance(5);
    expect(await memberServers('web')).toHaveLength(2);
    await deleteStack('web');
  }, 600_000);

  it('rhosp8-cpu: the cpu_util alarm grows the group to max_size; the scale-down alarm_url shrinks it', async () => {
    const dir = join(work, 'cpu');
    cpSync(join(FIXTURES, 'rhosp8-cpu'), dir, { recursive: true });
    const environment = join(dir, 'environment.yaml');
    writeFileSync(environment, readFileSync(environment, 'utf8').replace('file:///etc/heat/templates/cirros.yaml', 'cirros.yaml'));
    await openstack(['stack', 'create', '-t', join(dir, 'example.yaml'), '-e', environment, 'cpu']);
    await advance(60);
    const grown = await runUntil('cpu', 100, (m) => m.length === 3);
    expect(grown).toHaveLength(3);
    expect((await alarmNamed('cpu-cpu_alarm_high-')).state).toBe('alarm');

    const policy = (await openstack(['stack', 'resource', 'show', 'cpu', 'scaledown_policy'])) as Row;
    const url = String((policy.attributes as Row).alarm_url);
    await setLoad(grown, 0);
    await advance(61);
    expect((await fetch(url, { method: 'POST' })).status).toBe(200);
    await advance(5);
    expect(await memberServers('cpu')).toEqual(grown.slice(1));
    await deleteStack('cpu');
  }, 600_000);
});
