import { expect, test } from '@playwright/test';

import { ConsolePage } from './pages/console-page';
import { FlavorsPage } from './pages/flavors-page';
import { LoginPage } from './pages/login-page';
import { cloud } from './support/cloud';

// The demo seed's project "demo".
const DEMO_PROJECT_ID = 'a0000000000000000000000000000002';

test.beforeEach(async () => {
  await cloud.reset('demo');
});

test('members see every flavor with its extra specs, and no way to change them', async ({ page }) => {
  await new LoginPage(page).loginAs('demo');
  await new ConsolePage(page).nav('Flavors');
  const flavors = new FlavorsPage(page);
  await expect(flavors.row('m1.small')).toContainText('2048 MB');
  await expect(flavors.row('m2.tiny')).toContainText('quota:disk_read_iops_sec=1000');
  await expect(page.getByText(/Only administrators can create or delete flavors/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create flavor' })).toHaveCount(0);
});

test('an admin creates a flavor with extra specs, replaces it (new ID, said twice), and deletes it', async ({ page }) => {
  await new LoginPage(page).loginAs('admin');
  const flavors = new FlavorsPage(page);
  await flavors.goto();

  await page.getByRole('button', { name: 'Create flavor' }).click();
  await flavors.fill({ name: 'm1.custom', vcpus: 2, ramMb: 1024, diskGb: 10, extraSpecs: 'hw:cpu_policy=dedicated' });
  await flavors.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await flavors.toast('Flavor m1.custom created');
  await expect(flavors.row('m1.custom')).toContainText('hw:cpu_policy=dedicated');
  const oldId = (await flavors.row('m1.custom').getByRole('cell').nth(1).textContent())!;

  await page.getByRole('button', { name: 'Edit m1.custom' }).click();
  await expect(flavors.dialog).toContainText('Nova cannot change a flavor once it exists');
  await flavors.fill({ vcpus: 4 });
  await flavors.dialog.getByRole('button', { name: 'Replace flavor' }).click();
  await expect(flavors.dialog).toContainText(`Flavor ${oldId} will be deleted and a new flavor with a new ID created in its place`);
  await flavors.dialog.getByRole('button', { name: 'Replace flavor' }).click();
  await flavors.toast(/Flavor m1.custom replaced; its new ID is/);
  await expect(flavors.row('m1.custom').getByRole('cell').nth(2)).toHaveText('4');
  await expect(flavors.row('m1.custom').getByRole('cell').nth(1)).not.toHaveText(oldId);
  await expect(flavors.row('m1.custom')).toContainText('hw:cpu_policy=dedicated');

  await page.getByRole('button', { name: 'Delete m1.custom' }).click();
  await flavors.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await flavors.toast('Flavor m1.custom deleted');
  await expect(flavors.row('m1.custom')).toHaveCount(0);
});

test('a malformed extra spec and a taken name are named next to their fields', async ({ page }) => {
  await new LoginPage(page).loginAs('admin');
  const flavors = new FlavorsPage(page);
  await flavors.goto();
  await page.getByRole('button', { name: 'Create flavor' }).click();
  await flavors.fill({ name: 'm1.bad', extraSpecs: 'hw:cpu_policy dedicated' });
  await flavors.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(flavors.dialog.getByText(/Write one key=value per line/)).toBeVisible();

  await flavors.fill({ name: 'm1.small', extraSpecs: '' });
  await flavors.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(flavors.dialog.getByText('A flavor with this name already exists.')).toBeVisible();
});

test('a private flavor shared with a project is seen by its members', async ({ page }) => {
  await new LoginPage(page).loginAs('admin');
  const flavors = new FlavorsPage(page);
  await flavors.goto();
  await page.getByRole('button', { name: 'Create flavor' }).click();
  await flavors.fill({ name: 'demo.only', vcpus: 1, ramMb: 256, diskGb: 1 });
  await flavors.dialog.getByLabel('Public').uncheck();
  await flavors.dialog.getByLabel('Projects that may use it (IDs)').fill(DEMO_PROJECT_ID);
  await flavors.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await flavors.toast('Flavor demo.only created');
  await expect(flavors.row('demo.only')).toContainText('No');

  await new ConsolePage(page).logout('admin');
  await new LoginPage(page).loginAs('demo');
  await flavors.goto();
  await expect(flavors.row('demo.only')).toBeVisible();
});
