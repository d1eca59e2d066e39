import { expect, test } from '@playwright/test';

import { AlarmsPage } from './pages/alarms-page';
import { LoginPage } from './pages/login-page';
import { cloud } from './support/cloud';
import { idByName, nova } from './support/compute';
import { E2E } from './support/env';

test.beforeEach(async () => {
  await cloud.reset('demo');
  await cloud.manualClock();
});

/** The guides' `dd if=/dev/zero`: the embedded cloud's load control. */
async function putLoad(serverId: string, cpuPercent: number): Promise<void> {
  const response = await fetch(`${E2E.cloudUrl}/_emulator/load`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ server_id: serverId, cpu_percent: cpuPercent }),
  });
  expect(response.ok).toBe(true);
}

test('an alarm on an instance’s cpu_util: created in the UI, fires under load with its reason, edited, disabled and deleted', async ({ page }) => {
  test.setTimeout(120_000);
  const { server } = await nova<{ server: { id: string } }>('demo', 'POST', '/servers', {
    server: { name: 'busy-1', imageRef: await idByName('demo', 'images', 'cirros'), flavorRef: await idByName('demo', 'flavors', 'm1.tiny'), networks: 'auto' },
  });
  await cloud.advance(120);
  await cloud.advance(300);
  await new LoginPage(page).loginAs('demo');
  const alarms = new AlarmsPage(page);
  await alarms.goto();
  await expect(page.getByText('No alarms in this project yet.')).toBeVisible();

  await alarms.createCpuAlarm('cpu_high', 'busy-1', 50);
  await expect(page.getByTestId('alarm-rule')).toHaveText(`cpu_util > 50 during 1 × 60 s for instance ${server.id}`);
  await expect(alarms.historyEntry('Created')).toBeVisible();

  await putLoad(server.id, 100);
  await cloud.advance(180);
  await alarms.goto();
  // The list polls: the state turns to alarm without a reload of the page's data by hand.
  await expect(alarms.row('cpu_high').getByText('alarm', { exact: true })).toBeVisible();
  await expect(alarms.list.getByRole('columnheader', { name: 'Rule' })).toBeVisible();
  await expect(alarms.row('cpu_high')).toContainText('cpu_util > 50 during 1 × 60 s');
  await page.getByLabel('State', { exact: true }).selectOption('alarm');
  await expect(page).toHaveURL(/state=alarm/);
  await expect(alarms.row('cpu_high')).toBeVisible();

  await alarms.row('cpu_high').getByRole('link', { name: 'cpu_high' }).click();
  const fired = alarms.historyEntry('State changed').filter({ hasText: 'Transition to alarm due to 1 samples outside threshold' });
  await expect(fired).toBeVisible();

  await alarms.editThreshold(95);
  await expect(page.getByTestId('alarm-rule')).toContainText('cpu_util > 95');
  const ruleChange = alarms.historyEntry('Rule changed');
  await expect(ruleChange).toContainText('threshold');
  await expect(ruleChange).toContainText('50 → 95');

  const toggle = page.getByRole('switch', { name: 'cpu_high enabled' });
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await toggle.click();
  await expect(page.getByText('Alarm cpu_high disabled')).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await alarms.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alarms' })).toBeVisible();
  await expect(page.getByText('Alarm cpu_high deleted')).toBeVisible();
  await expect(page.getByText('No alarms in this project yet.')).toBeVisible();
});

test('the form shows a bad threshold and a non-http action at their fields, and nothing is created', async ({ page }) => {
  await new LoginPage(page).loginAs('demo');
  await page.goto('/project/orchestration/alarms/create');
  await page.getByLabel('Name', { exact: true }).fill('x');
  await page.getByLabel('Threshold', { exact: true }).fill('lots');
  const actions = page.getByRole('group', { name: 'When it goes to alarm' });
  await actions.getByLabel('Or paste a URL').fill('ftp://example.com/x');
  await actions.getByRole('button', { name: 'Add URL' }).click();
  await expect(actions.getByText('Enter an http:// or https:// URL.')).toBeVisible();
  await page.getByRole('button', { name: 'Create alarm' }).click();
  await expect(page.getByText('Enter a number.')).toBeVisible();
  await expect(page.getByText('Choose the instance to watch.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Create an alarm' })).toBeVisible();
});
