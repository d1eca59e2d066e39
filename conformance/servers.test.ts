// python-openstackclient against the embedded Nova: boot with --wait, list, show, delete
// --wait, at the client's default microversion (2.1) and at 2.79 with --nic. Each test works in
// a project of its own, since other files share the cloud and its quotas.

import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ownProject, runOpenstack } from './cli';

const cloudUrl = inject('cloudUrl');
const { asMember, openstack, createProject } = ownProject(cloudUrl, 'servers');

type Row = Record<string, unknown>;

beforeAll(async () => {
  await createProject();
});

describe('openstack server', () => {
  it('server create --wait, list, show, delete --wait', async () => {
    const created = (await openstack(['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', '--wait', 'web-1'])) as Row;
    expect(created).toMatchObject({
      name: 'web-1',
      status: 'ACTIVE',
      flavor: 'm1.tiny (1)',
      image: expect.stringMatching(/^cirros \(/),
      // private is shared (demo seed), so other files' servers take addresses on it too.
      addresses: { private: [expect.stringMatching(/^10\.0\.0\.\d+$/)] },
      'OS-EXT-STS:vm_state': 'active',
      'OS-EXT-STS:power_state': 1,
    });
    expect(created.adminPass).toEqual(expect.any(String));

    const list = (await openstack(['server', 'list'])) as Row[];
    expect(list).toEqual([expect.objectContaining({ ID: created.id, Name: 'web-1', Status: 'ACTIVE', Image: 'cirros', Flavor: 'm1.tiny', Networks: created.addresses })]);

    const shown = (await openstack(['server', 'show', 'web-1'])) as Row;
    expect(shown).toMatchObject({ id: created.id, 'OS-EXT-AZ:availability_zone': 'nova', security_groups: [{ name: 'default' }], volumes_attached: [] });

    const deleted = await runOpenstack(['server', 'delete', '--wait', 'web-1'], asMember);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(await openstack(['server', 'list'])).toEqual([]);
  });

  it('at microversion 2.79: --nic none boots without an address, --nic auto with one', async () => {
    const none = (await openstack(['--os-compute-api-version', '2.79', 'server', 'create', '--flavor', 'm1.nano', '--image', 'cirros', '--nic', 'none', '--wait', 'no-net'])) as Row;
    // From 2.47 the flavor is embedded, and the CLI prints it as it comes.
    expect(none).toMatchObject({ status: 'ACTIVE', addresses: {}, flavor: { original_name: 'm1.nano', vcpus: 1, ram: 64, disk: 1 } });
    const auto = (await openstack(['--os-compute-api-version', '2.79', 'server', 'create', '--flavor', 'm1.nano', '--image', 'cirros', '--nic', 'auto', '--wait', 'auto-net'])) as Row;
    expect(auto).toMatchObject({ status: 'ACTIVE', addresses: { private: [expect.stringMatching(/^10\.0\.0\./)] } });
    const shown = (await openstack(['--os-compute-api-version', '2.79', 'server', 'show', 'auto-net'])) as Row;
    expect(shown).toMatchObject({ locked: false, description: null, tags: [] });
    for (const name of ['no-net', 'auto-net']) {
      const deleted = await runOpenstack(['server', 'delete', '--wait', name], asMember);
      expect(deleted.code, deleted.stderr).toBe(0);
    }
  });

  it('server create with an image too big for the flavor fails with Nova’s message', async () => {
    const result = await runOpenstack(['server', 'create', '--flavor', 'm1.tiny', '--image', 'RHEL 7', 'too-small'], asMember);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Flavor's memory is too small for requested image. (HTTP 400)");
  });
});
