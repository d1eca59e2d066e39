import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';

import { ConsolePage } from './pages/console-page';
import { LoginPage } from './pages/login-page';
import { E2E } from './support/env';
import { cloud } from './support/cloud';

test.beforeEach(async ({ page }) => {
  await cloud.reset('demo');
  await new LoginPage(page).loginAs('demo');
  await new ConsolePage(page).nav('API Access');
  await expect(page).toHaveURL(/\/project\/api-access$/);
});

test('lists every catalog endpoint', async ({ page }) => {
  const table = page.getByRole('table', { name: 'Service endpoints' });
  for (const type of ['identity', 'compute', 'network', 'block-storage', 'image', 'orchestration', 'cloudformation', 'alarming', 'metric']) {
    await expect(table.getByRole('cell', { name: type, exact: true }).first()).toBeVisible();
  }
  await expect(table).toContainText(`${E2E.cloudUrl}/compute/v2.1`);
  await expect(table.getByRole('cell', { name: 'internal' }).first()).toBeVisible();
});

test('downloads demo-openrc.sh with the project, asking for the password', async ({ page }) => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download openrc (v3)' }).click()]);
  expect(download.suggestedFilename()).toBe('demo-openrc.sh');
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toContain(`export OS_AUTH_URL='${E2E.cloudUrl}/identity'`);
  expect(text).toContain("export OS_PROJECT_NAME='demo'");
  expect(text).toContain("export OS_USERNAME='demo'");
  expect(text).toContain('read -sr OS_PASSWORD_INPUT');
  expect(text).not.toContain('secret');
});

test('downloads clouds.yaml without a password', async ({ page }) => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download clouds.yaml' }).click()]);
  expect(download.suggestedFilename()).toBe('clouds.yaml');
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toContain('project_name: demo');
  expect(text).toContain('identity_api_version: 3');
  expect(text).not.toContain('secret');
});
