// python-openstackclient against the embedded Neutron's quotas: `quota show` (which reads
// Nova, Cinder and Neutron at once), `quota set` with network quotas, `quota list --network`
// and `--detail` (Neutron's quota_details), and a creation past the limit refused with 409.
// A project of its own keeps the quota changes apart from the other files.

import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ownProject, runOpenstack } from './cli';

const cloudUrl = inject('cloudUrl');
const { asAdmin, asMember, project, openstack, createProject } = ownProject(cloudUrl, 'netquota');
let projectId = '';

type Row = Record<string, unknown>;

beforeAll(async () => {
  projectId = (await createProject()).id as string;
});

describe('openstack quota with Neutron', () => {
  it("quota show reads Nova's, Cinder's and Neutron's defaults together", async () => {
    const quota = (await openstack(['quota', 'show', project], asAdmin)) as Row;
    expect(quota).toMatchObject({
      // Nova
      instances: 10,
      cores: 20,
      ram: 51200,
      // Cinder
      volumes: 10,
      gigabytes: 1000,
      // Neutron (neutron/conf/quota.py)
      networks: 100,
      subnets: 100,
      ports: 500,
      routers: 10,
      'floating-ips': 50,
      secgroups: 10,
      'secgroup-rules': 100,
      rbac_policies: 10,
      subnet_pools: -1,
    });
    const defaults = (await openstack(['quota', 'show', '--default', project], asAdmin)) as Row;
    expect(defaults).toMatchObject({ networks: 100, ports: 500, secgroups: 10 });
  });

  it('quota set changes network limits; quota list --network shows the project', async () => {
    const set = await runOpenstack(
      ['quota', 'set', '--networks', '20', '--ports', '30', '--secgroups', '2', '--secgroup-rules', '50', project],
      asAdmin,
    );
    expect(set.code, set.stderr).toBe(0);
    expect(await openstack(['quota', 'show', project], asAdmin)).toMatchObject({
      networks: 20,
      ports: 30,
      secgroups: 2,
      'secgroup-rules': 50,
      routers: 10,
    });
    const listed = (await openstack(['quota', 'list', '--network'], asAdmin)) as Row[];
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ 'Project ID': projectId, Networks: 20, Ports: 30, 'Security Groups': 2, 'Security Group Rules': 50 }),
      ]),
    );
  });

  it('refuses a group past the limit with OverQuota, and --detail counts what is used', async () => {
    await openstack(['security', 'group', 'create', 'first']);
    const refused = await runOpenstack(['security', 'group', 'create', 'second'], asMember);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("Quota exceeded for resources: ['security_group'].");

    const detail = (await openstack(['quota', 'list', '--detail', '--network', '--project', project], asAdmin)) as Row[];
    const row = (resource: string) => detail.find((entry) => entry.Resource === resource);
    // The default group (4 rules) and "first" (2 egress rules).
    expect(row('security_groups')).toEqual({ Resource: 'security_groups', 'In Use': 2, Reserved: 0, Limit: 2 });
    expect(row('security_group_rules')).toEqual({ Resource: 'security_group_rules', 'In Use': 6, Reserved: 0, Limit: 50 });
    expect(row('networks')).toMatchObject({ Limit: 20 });
  });
});
