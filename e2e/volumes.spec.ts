import { expect, test } from '@playwright/test';

import { ConsolePage } from './pages/console-page';
import { LoginPage } from './pages/login-page';
import { VolumesPage } from './pages/volumes-page';
import { cloud } from './support/cloud';
import { E2E } from './support/env';
import { projectToken } from './support/keystone-token';

// The demo seed's cirros image.
const CIRROS_ID = '10000000-0000-0000-0000-000000000001';

test.beforeEach(async ({ page }) => {
  await cloud.reset('demo');
  await cloud.manualClock();
  await new LoginPage(page).loginAs('demo');
});

test('create a volume, watch it settle, extend it, snapshot it, delete both', async ({ page }) => {
  await new ConsolePage(page).nav('Volumes');
  const volumes = new VolumesPage(page);
  await expect(page.getByText('This project has no volumes.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Volume types' }).getByRole('cell', { name: 'ssd', exact: true })).toBeVisible();

  await volumes.create({ name: 'data-1', sizeGb: 2 });
  await expect(volumes.row('data-1')).toContainText('Creating');
  // The page polls while a volume is in a transitional state; the cloud's clock decides when it settles.
  await cloud.advance(60);
  await expect(volumes.row('data-1')).toContainText('Available');
  await expect(volumes.row('data-1')).toContainText('2 GB');

  await volumes.act('Extend', 'data-1');
  await volumes.dialog.getByLabel('New size (GB)').fill('3');
  await volumes.dialog.getByRole('button', { name: 'Extend', exact: true }).click();
  await volumes.accepted('Volume data-1 is growing to 3 GB');
  await cloud.advance(60);
  await expect(volumes.row('data-1')).toContainText('3 GB');
  await expect(volumes.row('data-1')).toContainText('Available');

  await volumes.act('Snapshot', 'data-1');
  await volumes.dialog.getByLabel('Name').fill('data-1-snap');
  await volumes.dialog.getByRole('button', { name: 'Create snapshot' }).click();
  await volumes.accepted('Snapshot data-1-snap is being created');
  await cloud.advance(60);
  const snapshot = volumes.snapshots.getByRole('row').filter({ hasText: 'data-1-snap' });
  await expect(snapshot).toContainText('Available');

  await page.getByRole('button', { name: 'Delete data-1-snap', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await volumes.accepted('Deleting data-1-snap');
  await cloud.advance(60);
  await expect(page.getByText('No volume snapshots.')).toBeVisible();

  await volumes.act('Delete', 'data-1');
  await expect(page.getByRole('dialog')).toContainText('deleted for good');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await volumes.accepted(/Deleting data-1(?!-snap)/);
  await cloud.advance(60);
  await expect(page.getByText('This project has no volumes.')).toBeVisible();
});

test('a volume smaller than its image needs is refused next to the size, and nothing is created', async ({ page }) => {
  const volumes = new VolumesPage(page);
  await volumes.goto();
  await volumes.create({ name: 'rhel-root', sizeGb: 5, image: 'RHEL 7' });
  await expect(volumes.dialog.getByText(/The volume is smaller than the image needs\. The minimum here is 10 GB\./)).toBeVisible();
  await volumes.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('This project has no volumes.')).toBeVisible();
});

/** A server booted through Nova directly, as the CLI would; the spec is about volumes, not launching. */
async function bootServer(name: string): Promise<void> {
  const token = await projectToken(`${E2E.cloudUrl}/identity/v3`, 'demo', 'secret', 'demo');
  const response = await fetch(`${E2E.cloudUrl}/compute/v2.1/servers`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token, 'OpenStack-API-Version': 'compute 2.79' },
    body: JSON.stringify({ server: { name, imageRef: CIRROS_ID, flavorRef: '1', networks: 'none' } }),
  });
  if (response.status !== 202) throw new Error(`boot ${name}: ${response.status} ${await response.text()}`);
  await cloud.advance(120);
}

test('attach to an instance, snapshot only with force (and why), detach after the unmount warning', async ({ page }) => {
  await bootServer('db-1');
  const volumes = new VolumesPage(page);
  await volumes.goto();
  await volumes.create({ name: 'db-data', sizeGb: 1 });
  await volumes.accepted('Volume db-data is being created');
  await cloud.advance(60);
  await expect(volumes.row('db-data')).toContainText('Available');

  await volumes.act('Attach', 'db-data');
  await volumes.dialog.getByLabel('Instance').selectOption({ label: 'db-1 (ACTIVE)' });
  await volumes.dialog.getByRole('button', { name: 'Attach', exact: true }).click();
  await volumes.accepted('Attaching db-data to db-1');
  await cloud.advance(60);
  await expect(volumes.row('db-data')).toContainText('In use');
  await expect(volumes.row('db-data').getByRole('link', { name: 'db-1' })).toBeVisible();

  await volumes.act('Snapshot', 'db-data');
  await expect(volumes.dialog).toContainText('fsfreeze -f');
  await volumes.dialog.getByRole('button', { name: 'Create snapshot' }).click();
  await expect(volumes.dialog.getByText('The volume is attached: tick the box to take the snapshot anyway.')).toBeVisible();
  await volumes.dialog.getByLabel(/force/).check();
  await volumes.dialog.getByRole('button', { name: 'Create snapshot' }).click();
  await volumes.accepted('Snapshot db-data-snapshot is being created');
  await cloud.advance(60);
  await expect(volumes.snapshots.getByRole('row').filter({ hasText: 'db-data-snapshot' })).toContainText('Available');

  await volumes.act('Detach', 'db-data');
  await expect(page.getByRole('dialog')).toContainText('Unmount the file system inside db-1 first');
  await page.getByRole('dialog').getByRole('button', { name: 'Detach', exact: true }).click();
  await volumes.accepted('Detaching db-data');
  await cloud.advance(60);
  await expect(volumes.row('db-data')).toContainText('Available');
  await expect(volumes.row('db-data').getByRole('link', { name: 'db-1' })).toHaveCount(0);
});

test('a volume from a snapshot starts at the snapshot’s size, and a smaller one is refused at the field', async ({ page }) => {
  const volumes = new VolumesPage(page);
  await volumes.goto();
  await volumes.create({ name: 'origin', sizeGb: 2 });
  await volumes.accepted('Volume origin is being created');
  await cloud.advance(60);
  await volumes.act('Snapshot', 'origin');
  await volumes.dialog.getByRole('button', { name: 'Create snapshot' }).click();
  await volumes.accepted('Snapshot origin-snapshot is being created');
  await cloud.advance(60);

  await page.getByRole('button', { name: 'Create a volume from origin-snapshot' }).click();
  await expect(volumes.dialog.getByLabel('Size (GB)')).toHaveValue('2');
  await volumes.dialog.getByLabel('Name').fill('restored');
  await volumes.dialog.getByLabel('Size (GB)').fill('1');
  await volumes.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(volumes.dialog.getByText('The volume is smaller than the snapshot. The minimum here is 2 GB.')).toBeVisible();
  await volumes.dialog.getByLabel('Size (GB)').fill('2');
  await volumes.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await volumes.accepted('Volume restored is being created');
  await cloud.advance(60);
  await expect(volumes.row('restored')).toContainText('Available');
});
