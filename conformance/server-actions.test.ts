// python-openstackclient's server actions against the embedded Nova: stop/start, hard reboot,
// lock, console log, instance actions (`server event list`), resize with confirm, snapshot,
// server groups. Simulated time is moved on with /_emulator/clock/advance where the CLI does
// not wait by itself; a project of its own keeps quotas apart from the other files.

import { beforeAll, describe, expect, inject, it } from 'vitest';
import { advanceClock, ownProject, runOpenstack } from './cli';

const cloudUrl = inject('cloudUrl');
const { asMember, project, openstack, createProject } = ownProject(cloudUrl, 'actions');

type Row = Record<string, unknown>;

async function run(args: string[]): Promise<void> {
  const result = await runOpenstack(args, asMember);
  expect(result.code, result.stderr).toBe(0);
}

const advance = (seconds: number) => advanceClock(cloudUrl, seconds);

const status = async (name: string) => ((await openstack(['server', 'show', name, '-c', 'status'])) as Row).status;

beforeAll(async () => {
  await createProject();
});

describe('openstack server actions', () => {
  it('stop, start, reboot --hard, lock, console log, event list', async () => {
    await openstack(['server', 'create', '--flavor', 'm1.nano', '--image', 'cirros', '--wait', 'act-1']);
    await run(['server', 'stop', 'act-1']);
    await advance(5);
    expect(await status('act-1')).toBe('SHUTOFF');
    await run(['server', 'start', 'act-1']);
    await advance(5);
    expect(await status('act-1')).toBe('ACTIVE');
    await run(['server', 'reboot', '--hard', '--wait', 'act-1']);
    expect(await status('act-1')).toBe('ACTIVE');

    await run(['server', 'lock', 'act-1']);
    const refused = await runOpenstack(['server', 'stop', 'act-1'], asMember);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/Instance [0-9a-f-]+ is locked \(HTTP 409\)/);
    await run(['server', 'unlock', 'act-1']);

    const log = await runOpenstack(['console', 'log', 'show', '--lines', '3', 'act-1'], asMember);
    expect(log.code, log.stderr).toBe(0);
    expect(log.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(log.stdout).toContain('act-1 login:');

    const events = (await openstack(['server', 'event', 'list', 'act-1'])) as Row[];
    expect(events.map((e) => e.Action)).toEqual(['unlock', 'lock', 'reboot', 'start', 'stop', 'create']);
  });

  it('resize --wait to VERIFY_RESIZE, then confirm; image create --wait gives an active snapshot', async () => {
    await openstack(['server', 'create', '--flavor', 'm1.nano', '--image', 'cirros', '--wait', 'act-2']);
    await run(['server', 'resize', '--flavor', 'm1.tiny', '--wait', 'act-2']);
    expect(await openstack(['server', 'show', 'act-2', '-c', 'status', '-c', 'flavor'])).toEqual({ status: 'VERIFY_RESIZE', flavor: 'm1.tiny (1)' });
    await run(['server', 'resize', 'confirm', 'act-2']);
    expect(await status('act-2')).toBe('ACTIVE');
    const image = (await openstack(['server', 'image', 'create', '--name', `snap-${project}`, '--wait', 'act-2'])) as Row;
    expect(image).toMatchObject({ name: `snap-${project}`, status: 'active' });
  });

  it('server group create with a policy, and a boot into it', async () => {
    const group = (await openstack(['--os-compute-api-version', '2.64', 'server', 'group', 'create', '--policy', 'anti-affinity', 'spread'])) as Row;
    expect(group).toMatchObject({ name: 'spread', policy: 'anti-affinity', members: [] });
    await openstack(['server', 'create', '--flavor', 'm1.nano', '--image', 'cirros', '--hint', `group=${String(group.id)}`, 'grouped']);
    const shown = (await openstack(['server', 'group', 'show', 'spread'])) as Row;
    expect(shown.members).toEqual([expect.any(String)]);
  });
});
