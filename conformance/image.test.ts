// Glance through the real CLI: listing, and creating an image from a file, which
// openstacksdk does by reading /v2/schemas/image, POSTing the image and PUTting the bytes.

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ADMIN, DEMO, openrcEnv, runOpenstack } from './cli';

const cloudUrl = inject('cloudUrl');
const asDemo = openrcEnv(cloudUrl, DEMO);
const asAdmin = openrcEnv(cloudUrl, ADMIN);

type Row = Record<string, unknown>;

const dir = mkdtempSync(join(tmpdir(), 'zenith-image-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openstack image', () => {
  it('image list: the demo images, all active', async () => {
    const result = await runOpenstack(['image', 'list', '-f', 'json'], asDemo);
    expect(result.code, result.stderr).toBe(0);
    const rows = result.json as Row[];
    expect(rows.map((row) => row.Name)).toEqual(expect.arrayContaining(['cirros', 'Cirros 0.3.4', 'RHEL 7', 'ubuntu-24.04']));
    expect(rows.filter((row) => ['cirros', 'RHEL 7'].includes(String(row.Name))).every((row) => row.Status === 'active')).toBe(true);
  });

  it('image create --file, then image show: active, with the file’s size and checksum; image delete', async () => {
    const data = randomBytes(4096);
    const file = join(dir, 'disk.qcow2');
    writeFileSync(file, data);
    const name = `conformance-${randomUUID().slice(0, 8)}`;
    const created = await runOpenstack(
      ['image', 'create', '--file', file, '--disk-format', 'qcow2', '--container-format', 'bare', '--property', 'os_distro=cirros', name, '-f', 'json'],
      asDemo,
    );
    expect(created.code, created.stderr).toBe(0);
    const id = String((created.json as Row).id);

    const shown = await runOpenstack(['image', 'show', id, '-f', 'json'], asDemo);
    expect(shown.code, shown.stderr).toBe(0);
    const image = shown.json as Row;
    expect(image).toMatchObject({ name, status: 'active', size: data.length, disk_format: 'qcow2', container_format: 'bare' });
    expect(image.checksum).toBe(createHash('md5').update(data).digest('hex'));
    expect(JSON.stringify(image.properties)).toContain('os_distro');

    const deleted = await runOpenstack(['image', 'delete', id], asDemo);
    expect(deleted.code, deleted.stderr).toBe(0);
    const gone = await runOpenstack(['image', 'show', id], asDemo);
    expect(gone.code).not.toBe(0);
  });

  it('image create --public is refused for a member, allowed for an admin', async () => {
    const name = `public-${randomUUID().slice(0, 8)}`;
    const refused = await runOpenstack(['image', 'create', '--public', '--disk-format', 'raw', '--container-format', 'bare', name], asDemo);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/403|publicize_image/);
    const allowed = await runOpenstack(['image', 'create', '--public', '--disk-format', 'raw', '--container-format', 'bare', name, '-f', 'json'], asAdmin);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect((allowed.json as Row).visibility).toBe('public');
    const cleanup = await runOpenstack(['image', 'delete', String((allowed.json as Row).id)], asAdmin);
    expect(cleanup.code, cleanup.stderr).toBe(0);
  });
});
