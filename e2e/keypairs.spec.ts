import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';

import { ConsolePage } from './pages/console-page';
import { KeyPairsPage } from './pages/key-pairs-page';
import { LoginPage } from './pages/login-page';
import { cloud } from './support/cloud';

const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl laptop';

test.beforeEach(async ({ page }) => {
  await cloud.reset('demo');
  await new LoginPage(page).loginAs('demo');
});

test('create a key pair: the private key is offered once, then only the public part remains', async ({ page }) => {
  await new ConsolePage(page).nav('Key Pairs');
  const keys = new KeyPairsPage(page);
  await expect(page.getByText(/Key pairs belong to you \(demo\), not to the project/)).toBeVisible();

  await page.getByRole('button', { name: 'Create key pair' }).click();
  await keys.dialog.getByLabel('Name').fill('deploy');
  await keys.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(keys.dialog).toContainText('This is the only time it is offered');
  const [download] = await Promise.all([page.waitForEvent('download'), keys.dialog.getByRole('link', { name: 'Download private key' }).click()]);
  expect(download.suggestedFilename()).toBe('deploy.pem');
  expect(readFileSync(await download.path(), 'utf8')).toMatch(/^-----BEGIN [A-Z ]*PRIVATE KEY-----/);
  await keys.dialog.getByRole('button', { name: 'Done' }).click();
  await expect(keys.row('deploy')).toBeVisible();

  // Reloading shows the pair, never its private key again.
  await page.reload();
  await expect(keys.row('deploy')).toBeVisible();
  await expect(page.getByText('PRIVATE KEY')).toHaveCount(0);

  await page.getByRole('button', { name: 'Delete deploy' }).click();
  await keys.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(keys.row('deploy')).toHaveCount(0);
});

test('import a public key; a pasted private key or a mangled line is refused at the field', async ({ page }) => {
  const keys = new KeyPairsPage(page);
  await keys.goto();
  await keys.importKey('oops', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----');
  await expect(keys.dialog.getByText('This is a private key. Paste the public key (the .pub file) instead.')).toBeVisible();
  await keys.dialog.getByLabel('Public key').fill('ssh-ed25519 not-base64!');
  await keys.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(keys.dialog.getByText(/This is not an OpenSSH public key line/)).toBeVisible();

  await keys.dialog.getByLabel('Public key').fill(PUBLIC_KEY);
  await keys.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(keys.row('oops')).toContainText('ssh');
  await expect(keys.dialog).toHaveCount(0);
});
