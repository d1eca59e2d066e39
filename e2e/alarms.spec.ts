import { expect, test } from '@playwright/test';

import { AlarmsPage } from './pages/alarms-page';
import { LoginPage } from './pages/login-page';
import { cloud } from './support/cloud';
import { idByName, nova } from './support/compute';
import { E2E } from './support/env';
import { projectToken } from './support/keystone-token';

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

/** An alarm made straight through Aodh as demo, to set up a list (not what the spec tests). */
async function aodhAlarm(name: string): Promise<void> {
  const token = await projectToken(`${E2E.cloudUrl}/identity/v3`, 'demo', 'secret', 'demo');
  const response = await fetch(`${E2E.cloudUrl}/alarming/v2/alarms`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token },
    body: JSON.stringify({
      name,
      type: 'gnocchi_resources_threshold',
      gnocchi_resources_threshold_rule: { metric: 'cpu_util', resource_id: 'no-such-server', resource_type: 'instance', aggregation_method: 'mean', threshold: 50, comparison_operator: 'gt' },
    }),
  });
  expect(response.status).toBe(201);
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
  await expect(page.getByTestId('alarm-rule')).toHaveText('cpu_util > 50 during 1 × 60 s for instance busy-1');
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

test('bulk disable and delete on the list, and Aodh refusing a taken name at the Name field', async ({ page }) => {
  await aodhAlarm('first');
  await aodhAlarm('second');
  await new LoginPage(page).loginAs('demo');
  const alarms = new AlarmsPage(page);
  await alarms.goto();
  await expect(alarms.row('first')).toBeVisible();
  await expect(alarms.row('second')).toBeVisible();

  await page.getByRole('checkbox', { name: 'Select all alarms' }).check();
  await page.getByRole('button', { name: 'Disable (2)' }).click();
  await expect(page.getByText('2 alarms disabled')).toBeVisible();
  await expect(page.getByRole('switch', { name: 'first enabled' })).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByRole('switch', { name: 'second enabled' })).toHaveAttribute('aria-checked', 'false');

  await page.getByRole('link', { name: 'Create alarm' }).click();
  await page.getByLabel('Name', { exact: true }).fill('first');
  await page.getByLabel('Resource ID').fill('no-such-server');
  await page.getByRole('button', { name: 'Create alarm' }).click();
  await expect(page.getByText("Alarm with name='first' exists")).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await alarms.goto();
  await alarms.row('first').getByRole('checkbox').check();
  await alarms.row('second').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete (2)' }).click();
  await expect(alarms.dialog.getByRole('listitem')).toHaveText(['first', 'second']);
  await alarms.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText('2 alarms deleted')).toBeVisible();
  await expect(page.getByText('No alarms in this project yet.')).toBeVisible();
});
