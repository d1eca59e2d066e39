// Nova's flavors, key pairs, availability zones and hypervisors through the real CLI.

import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { ADMIN, DEMO, openrcEnv, runOpenstack } from './cli';

const cloudUrl = inject('cloudUrl');
const asAdmin = openrcEnv(cloudUrl, ADMIN);
const asDemo = openrcEnv(cloudUrl, DEMO);

type Row = Record<string, unknown>;

describe('openstack flavor', () => {
  it('flavor list: the demo flavors with their sizes', async () => {
    const result = await runOpenstack(['flavor', 'list', '-f', 'json'], asDemo);
    expect(result.code, result.stderr).toBe(0);
    const rows = result.json as Row[];
    expect(rows.map((row) => row.Name)).toEqual(expect.arrayContaining(['m1.nano', 'm1.tiny', 'm1.small', 'm1.medium', 'm1.large', 'm1.xlarge', 'm2.tiny']));
    expect(rows.find((row) => row.Name === 'm1.nano')).toMatchObject({ ID: '42', RAM: 64, Disk: 1, VCPUs: 1, 'Is Public': true });
  });

  it('flavor create (admin), show with extra specs, delete', async () => {
    const name = `conf.${randomUUID().slice(0, 8)}`;
    const created = await runOpenstack(
      ['flavor', 'create', '--vcpus', '2', '--ram', '1024', '--disk', '10', '--property', 'hw:cpu_policy=dedicated', name, '-f', 'json'],
      asAdmin,
    );
    expect(created.code, created.stderr).toBe(0);
    const id = String((created.json as Row).id);

    const shown = await runOpenstack(['flavor', 'show', name, '-f', 'json'], asAdmin);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.json).toMatchObject({ id, name, vcpus: 2, ram: 1024, disk: 10 });
    expect(JSON.stringify((shown.json as Row).properties)).toContain('dedicated');

    const deleted = await runOpenstack(['flavor', 'delete', id], asAdmin);
    expect(deleted.code, deleted.stderr).toBe(0);
    const gone = await runOpenstack(['flavor', 'show', id], asAdmin);
    expect(gone.code).not.toBe(0);
  });

  it('flavor create is refused for a member', async () => {
    const result = await runOpenstack(['flavor', 'create', '--vcpus', '1', '--ram', '64', '--disk', '1', `nope.${randomUUID().slice(0, 8)}`], asDemo);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/403|Policy/);
  });
});

describe('openstack keypair', () => {
  it('keypair create prints a private key; keypair list shows it; keypair delete removes it', async () => {
    const name = `conf-${randomUUID().slice(0, 8)}`;
    const created = await runOpenstack(['keypair', 'create', name], asDemo);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/-----BEGIN (RSA )?PRIVATE KEY-----/);

    const listed = await runOpenstack(['keypair', 'list', '-f', 'json'], asDemo);
    expect(listed.code, listed.stderr).toBe(0);
    const row = (listed.json as Row[]).find((r) => r.Name === name);
    expect(row?.Fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    const otherUser = await runOpenstack(['keypair', 'list', '-f', 'json'], asAdmin);
    expect((otherUser.json as Row[]).map((r) => r.Name)).not.toContain(name);

    const deleted = await runOpenstack(['keypair', 'delete', name], asDemo);
    expect(deleted.code, deleted.stderr).toBe(0);
    const after = await runOpenstack(['keypair', 'list', '-f', 'json'], asDemo);
    expect((after.json as Row[]).map((r) => r.Name)).not.toContain(name);
  });
});

describe('openstack availability zone and hypervisor', () => {
  it('availability zone list --compute: zone nova is available', async () => {
    const result = await runOpenstack(['availability', 'zone', 'list', '--compute', '-f', 'json'], asDemo);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toEqual(expect.arrayContaining([expect.objectContaining({ 'Zone Name': 'nova', 'Zone Status': 'available' })]));
  });

  it('hypervisor list (admin): the five compute hosts, up', async () => {
    const result = await runOpenstack(['hypervisor', 'list', '-f', 'json'], asAdmin);
    expect(result.code, result.stderr).toBe(0);
    const rows = result.json as Row[];
    expect(rows.map((row) => row['Hypervisor Hostname'])).toEqual(
      expect.arrayContaining(['c01.example.com', 'c02.example.com', 'c03.example.com', 'c04.example.com', 'c05.example.com']),
    );
    expect(rows.every((row) => row.State === 'up')).toBe(true);
  });

  it('compute service list (admin): the controller and compute services, up', async () => {
    const result = await runOpenstack(['compute', 'service', 'list', '-f', 'json'], asAdmin);
    expect(result.code, result.stderr).toBe(0);
    const binaries = (result.json as Row[]).map((row) => row.Binary);
    expect(binaries).toEqual(expect.arrayContaining(['nova-scheduler', 'nova-conductor', 'nova-compute']));
  });
});
