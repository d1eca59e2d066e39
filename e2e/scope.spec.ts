import { expect, test } from '@playwright/test';

import { ConsolePage } from './pages/console-page';
import { LoginPage } from './pages/login-page';
import { cloud } from './support/cloud';

test('admin switches from project admin to demo and the page reloads for the new scope', async ({ page }) => {
  await cloud.reset('demo');
  await new LoginPage(page).loginAs('admin');
  const shell = new ConsolePage(page);
  await expect(shell.heading).toHaveText('Project admin');
  await expect(shell.projectSelect.locator('option')).toHaveText(['admin', 'demo']);

  await shell.switchProject('demo');
  await expect(shell.heading).toHaveText('Project demo');
  await expect(shell.projectSelect.locator('option:checked')).toHaveText('demo');

  // The BFF now acts in project demo: the credentials it hands out name it.
  await shell.nav('API Access');
  await expect(page.getByText('Project name').locator('xpath=following-sibling::dd[1]')).toHaveText('demo');

  // A reload keeps the choice: it lives in the session, not in the page.
  await page.reload();
  await expect(shell.projectSelect.locator('option:checked')).toHaveText('demo');
});

test('admin sees the Admin section; a member does not', async ({ page }) => {
  await cloud.reset('demo');
  await new LoginPage(page).loginAs('admin');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByText('Admin', { exact: true })).toBeVisible();
  await new ConsolePage(page).nav('Cloud overview');
  await expect(page).toHaveURL(/\/admin\/overview$/);
  await expect(page.getByRole('region', { name: 'Users' })).toContainText('2');

  await new ConsolePage(page).logout('admin');
  await new LoginPage(page).loginAs('demo');
  await expect(nav.getByText('Admin', { exact: true })).toHaveCount(0);
  const response = await page.request.get('/api/admin/overview');
  expect(response.status()).toBe(403);
  await page.goto('/admin/overview');
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
});

test('with several regions, the region switcher moves the session to the chosen region', async ({ page }) => {
  await cloud.reset('demo', ['RegionOne', 'RegionTwo']);
  await new LoginPage(page).loginAs('demo');
  const shell = new ConsolePage(page);
  await expect(shell.regionSelect.locator('option')).toHaveText(['RegionOne', 'RegionTwo']);
  await expect(shell.regionSelect).toHaveValue('RegionOne');

  await shell.switchRegion('RegionTwo');
  await expect(page.getByText('Region', { exact: true }).locator('xpath=following-sibling::dd[1]')).toHaveText('RegionTwo');
  await page.reload();
  await expect(shell.regionSelect).toHaveValue('RegionTwo');
});

test('a single-region catalog shows no region switcher', async ({ page }) => {
  await cloud.reset('demo');
  await new LoginPage(page).loginAs('demo');
  await expect(new ConsolePage(page).regionSelect).toHaveCount(0);
});
