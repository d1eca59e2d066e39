import { expect, test } from '@playwright/test';

import { ConsolePage } from './pages/console-page';
import { ImagesPage } from './pages/images-page';
import { LoginPage } from './pages/login-page';
import { cloud } from './support/cloud';

// The demo seed's project "admin".
const ADMIN_PROJECT_ID = 'a0000000000000000000000000000001';
const DEMO_PROJECT_ID = 'a0000000000000000000000000000002';

test.beforeEach(async ({ page }) => {
  await cloud.reset('demo');
  await new LoginPage(page).loginAs('demo');
});

test('upload an image, see its properties, protect it, and delete it once unprotected', async ({ page }) => {
  await new ConsolePage(page).nav('Images');
  const images = new ImagesPage(page);
  await expect(images.row('cirros')).toContainText('Public');
  await expect(page.getByText(/Only administrators can make an image public/)).toBeVisible();

  await images.createFromFile('my-disk', Buffer.alloc(64 * 1024, 7));
  await expect(images.toast('Image my-disk created')).toBeVisible();
  await expect(images.row('my-disk')).toContainText('Private');
  await expect(images.row('my-disk')).toContainText('Active');
  await expect(images.row('my-disk')).toContainText('64.0 KiB');

  await page.getByRole('button', { name: 'Edit my-disk' }).click();
  // The public choice is not offered to a member, and the form says why.
  await expect(images.dialog.getByLabel('Visibility').locator('option', { hasText: 'Public' })).toHaveCount(0);
  await expect(images.dialog.getByText(/only administrators may publish images/)).toBeVisible();
  await images.dialog.getByLabel('Protected').check();
  await images.dialog.getByRole('button', { name: 'Save' }).click();
  await expect(images.row('my-disk')).toContainText('Yes');

  await page.getByRole('button', { name: 'Delete my-disk' }).click();
  await expect(images.dialog).toContainText('This image is protected');
  await images.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(images.toast('This image is protected: turn protection off before deleting it.')).toBeVisible();

  await images.row('my-disk').getByRole('link', { name: 'my-disk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'my-disk' })).toBeVisible();
  await expect(page.getByText('qcow2').first()).toBeVisible();
  await page.getByRole('link', { name: 'Back to images' }).click();

  await page.getByRole('button', { name: 'Edit my-disk' }).click();
  await images.dialog.getByLabel('Protected').uncheck();
  await images.dialog.getByRole('button', { name: 'Save' }).click();
  await expect(images.row('my-disk')).toContainText('No');
  await page.getByRole('button', { name: 'Delete my-disk' }).click();
  await images.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(images.toast('Image my-disk deleted')).toBeVisible();
  await expect(images.row('my-disk')).toHaveCount(0);
});

test('an image’s detail page lists its properties', async ({ page }) => {
  const images = new ImagesPage(page);
  await images.goto();
  await images.row('ubuntu-24.04').getByRole('link').click();
  const properties = page.getByRole('table', { name: 'Properties' });
  await expect(properties.getByRole('row', { name: /os_distro ubuntu/ })).toBeVisible();
});

test('an owner edits an image’s tags and properties, and a reserved name is refused at the form', async ({ page }) => {
  const images = new ImagesPage(page);
  await images.goto();
  await images.createFromFile('tagged', Buffer.alloc(1024, 1));
  await expect(images.row('tagged')).toContainText('Active');

  await page.getByRole('button', { name: 'Edit tagged' }).click();
  await images.dialog.getByLabel('Tags (comma-separated)').fill('web, prod');
  await images.dialog.getByRole('button', { name: 'Add property' }).click();
  await images.dialog.getByLabel('Property key 1').fill('min_ram');
  await images.dialog.getByLabel('Property value 1').fill('512');
  await images.dialog.getByRole('button', { name: 'Save' }).click();
  await expect(images.dialog.getByText('That name belongs to Glance itself; choose another.')).toBeVisible();

  await images.dialog.getByLabel('Property key 1').fill('os_distro');
  await images.dialog.getByLabel('Property value 1').fill('debian');
  await images.dialog.getByRole('button', { name: 'Save' }).click();
  await expect(images.dialog).toHaveCount(0);

  await images.row('tagged').getByRole('link', { name: 'tagged' }).click();
  const properties = page.getByRole('table', { name: 'Properties' });
  await expect(properties.getByRole('row', { name: /os_distro debian/ })).toBeVisible();
  await expect(page.getByText(/^(web, prod|prod, web)$/)).toBeVisible();
});

test('the visibility filter lives in the URL', async ({ page }) => {
  const images = new ImagesPage(page);
  await images.goto();
  await images.createFromFile('mine', Buffer.alloc(1024, 1));
  await expect(images.row('mine')).toBeVisible();
  await page.getByLabel('Show').selectOption('public');
  await expect(page).toHaveURL(/visibility=public/);
  await expect(images.row('cirros')).toBeVisible();
  await expect(images.row('mine')).toHaveCount(0);
});

test('a URL that is not http(s) is refused next to the field, and no image is created', async ({ page }) => {
  const images = new ImagesPage(page);
  await images.goto();
  await images.createFromUrl('from-ftp', 'ftp://example.com/disk.img');
  await expect(images.dialog.getByText('Enter an http:// or https:// URL.')).toBeVisible();
  await images.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(images.row('from-ftp')).toHaveCount(0);
});

test('create from a URL: Glance fetches the data itself, and the row settles by itself', async ({ page }) => {
  await cloud.manualClock();
  const images = new ImagesPage(page);
  await images.goto();
  await images.createFromUrl('jammy', 'https://cloud-images.example.org/jammy.img');
  await expect(images.toast('Image jammy created; Glance is fetching its data')).toBeVisible();
  await expect(images.row('jammy')).toContainText('Importing');
  await cloud.advance(60);
  await expect(images.row('jammy')).toContainText('Active');
});

test('share an image with another project, which accepts it', async ({ page }) => {
  const images = new ImagesPage(page);
  await images.goto();
  await images.createFromFile('golden', Buffer.alloc(2048, 3));
  await expect(images.row('golden')).toContainText('Active');
  await page.getByRole('button', { name: 'Edit golden' }).click();
  await images.dialog.getByLabel('Visibility').selectOption('shared');
  await images.dialog.getByRole('button', { name: 'Save' }).click();
  await expect(images.row('golden')).toContainText('Shared');

  await images.row('golden').getByRole('link', { name: 'golden' }).click();
  const sharing = page.locator('section', { has: page.getByRole('heading', { name: 'Sharing', exact: true }) });
  await sharing.getByLabel('Project ID to share with').fill('not an id!');
  await sharing.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(sharing.getByText('Project IDs use only letters, digits, hyphens and underscores.')).toBeVisible();
  await sharing.getByLabel('Project ID to share with').fill(ADMIN_PROJECT_ID);
  await sharing.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(sharing.getByRole('row', { name: new RegExp(`${ADMIN_PROJECT_ID} Pending`) })).toBeVisible();

  const imageUrl = page.url();
  await new ConsolePage(page).logout('demo');
  await new LoginPage(page).loginAs('admin');
  // The admin lands in the project used last on this browser (demo): answer as the admin project.
  const consolePage = new ConsolePage(page);
  await expect(consolePage.projectSelect).toHaveValue(DEMO_PROJECT_ID);
  await consolePage.switchProject('admin');
  await expect(consolePage.projectSelect).toHaveValue(ADMIN_PROJECT_ID);
  await page.goto(imageUrl);
  await expect(sharing).toContainText('This image was shared with your project');
  await sharing.getByRole('button', { name: 'Accept' }).click();
  await expect(sharing).toContainText('Accepted');
});
