import { expect, test } from '@playwright/test';

import { ConsolePage } from './pages/console-page';
import { LoginPage } from './pages/login-page';
import { NetworkAgentsPage } from './pages/network-agents-page';
import { cloud } from './support/cloud';

test.beforeEach(async () => {
  await cloud.reset('demo');
});

test('an admin sees the agents, the down one called out first, and disables one', async ({ page }) => {
  await new LoginPage(page).loginAs('admin');
  await new ConsolePage(page).nav('Network agents');
  const agents = new NetworkAgentsPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Network agents' })).toBeVisible();

  const alert = page.getByRole('alert').filter({ hasText: 'agent is down' });
  await expect(alert).toContainText('1 agent is down');
  await expect(alert).toContainText(/OVN Metadata agent on \S+: last heartbeat \d+ (s|min|h|d) ago/);
  // Down agents come first in the table.
  await expect(agents.table.getByRole('row').nth(1)).toContainText('Down');
  await expect(agents.rows('OVN Controller agent').first()).toContainText('Up');
  await expect(page.getByRole('complementary', { name: 'Which agent does what' })).toContainText('openstack network agent list');

  const gateway = agents.rows('OVN Controller Gateway agent').first();
  await gateway.getByRole('button', { name: /^Disable OVN Controller Gateway agent on / }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disable', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /OVN Controller Gateway agent on \S+ is disabled/ })).toBeVisible();
  await expect(gateway).toContainText('Disabled');

  await page.getByLabel('Type', { exact: true }).selectOption('OVN Metadata agent');
  await expect(agents.rows('OVN Controller agent')).toHaveCount(0);
  await expect(agents.rows('OVN Metadata agent').first()).toBeVisible();
});

test('a project member gets the not-found page and a 403 from the API', async ({ page }) => {
  await new LoginPage(page).loginAs('demo');
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Network agents' })).toHaveCount(0);
  const response = await page.request.get('/api/admin/network-agents');
  expect(response.status()).toBe(403);
  await page.goto('/admin/network');
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
});
