import { expect, test } from '@playwright/test';

import { ConsolePage } from './pages/console-page';
import { LoginPage } from './pages/login-page';
import { VolumesPage } from './pages/volumes-page';
import { cloud } from './support/cloud';

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
  await cloud.advance(60);
  await expect(volumes.row('data-1')).toContainText('3 GB');
  await expect(volumes.row('data-1')).toContainText('Available');

  await volumes.act('Snapshot', 'data-1');
  await volumes.dialog.getByLabel('Name').fill('data-1-snap');
  await volumes.dialog.getByRole('button', { name: 'Create snapshot' }).click();
  await cloud.advance(60);
  const snapshot = volumes.snapshots.getByRole('row').filter({ hasText: 'data-1-snap' });
  await expect(snapshot).toContainText('Available');

  await page.getByRole('button', { name: 'Delete data-1-snap', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await cloud.advance(60);
  await expect(page.getByText('No volume snapshots.')).toBeVisible();

  await volumes.act('Delete', 'data-1');
  await expect(page.getByRole('dialog')).toContainText('deleted for good');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
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
