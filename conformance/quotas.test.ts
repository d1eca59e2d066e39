// python-openstackclient against Nova's quotas and limits: `limits show --absolute`, `quota set`
// and `quota list --compute`, and a boot past the quota refused with Nova's 403. A project of
// its own keeps the quota changes away from the other files sharing the cloud.
// `openstack quota show` also asks Neutron for its quotas, which arrive with issue 4.

import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ownProject, runOpenstack } from './cli';

const cloudUrl = inject('cloudUrl');
const { asAdmin, asMember, project, openstack, createProject } = ownProject(cloudUrl, 'quotas');
let projectId = '';

type Row = Record<string, unknown>;

beforeAll(async () => {
  projectId = (await createProject()).id as string;
});

const limit = (rows: Row[], name: string) => rows.find((row) => row.Name === name)?.Value;

describe('openstack quotas and limits', () => {
  it('limits show --absolute: Nova’s defaults and usage', async () => {
    const rows = (await openstack(['limits', 'show', '--absolute'])) as Row[];
    expect(limit(rows, 'maxTotalInstances')).toBe(10);
    expect(limit(rows, 'maxTotalCores')).toBe(20);
    expect(limit(rows, 'maxTotalRAMSize')).toBe(51200);
    expect(limit(rows, 'totalInstancesUsed')).toBe(0);
  });

  it('quota set, quota list --compute, and a boot past the quota fails with 403', async () => {
    const set = await runOpenstack(['quota', 'set', '--instances', '1', '--cores', '4', project], asAdmin);
    expect(set.code, set.stderr).toBe(0);
    const quotas = (await openstack(['quota', 'list', '--compute'], asAdmin)) as Row[];
    expect(quotas).toEqual(expect.arrayContaining([expect.objectContaining({ 'Project ID': projectId, Instances: 1, Cores: 4, Ram: 51200 })]));

    const first = (await openstack(['server', 'create', '--flavor', 'm1.nano', '--image', 'cirros', '--wait', 'q-1'])) as Row;
    expect(first.status).toBe('ACTIVE');
    const refused = await runOpenstack(['server', 'create', '--flavor', 'm1.nano', '--image', 'cirros', 'q-2'], asMember);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('Quota exceeded for instances: Requested 1, but already used 1 of 1 instances (HTTP 403)');
    const rows = (await openstack(['limits', 'show', '--absolute'])) as Row[];
    expect(limit(rows, 'totalInstancesUsed')).toBe(1);
    expect(((await openstack(['server', 'list'])) as Row[]).map((row) => row.Name)).toEqual(['q-1']);
    const deleted = await runOpenstack(['server', 'delete', '--wait', 'q-1'], asMember);
    expect(deleted.code, deleted.stderr).toBe(0);
  });
});
