import { expect, test } from '@playwright/test';

import { LoginPage } from './pages/login-page';
import { BffClient } from './support/bff-client';
import { cloud } from './support/cloud';
import { idByName, nova } from './support/compute';
import { E2E } from './support/env';

test.beforeEach(async () => {
  await cloud.reset('demo');
  await cloud.manualClock();
});

test('instance page: the CPU chart shows Gnocchi points, and simulated load brings higher points without a reload', async ({ page }) => {
  const { server } = await nova<{ server: { id: string } }>('demo', 'POST', '/servers', {
    server: { name: 'busy-1', imageRef: await idByName('demo', 'images', 'cirros'), flavorRef: await idByName('demo', 'flavors', 'm1.tiny'), networks: 'auto' },
  });
  // Boot, then five sample periods of idle CPU.
  await cloud.advance(120);
  await cloud.advance(300);
  await new LoginPage(page).loginAs('demo');
  await page.goto(`/project/compute/instances/${server.id}`);

  const panel = page.getByTestId('instance-cpu-panel');
  const chart = panel.getByTestId('metric-chart');
  const latest = chart.locator('tbody tr').first();
  await expect(chart.locator('canvas')).toBeVisible();
  await expect(chart.locator('tbody tr')).not.toHaveCount(0);
  // Idle: a few percent.
  await expect(latest.locator('td')).toHaveText(/^\d(\.\d+)?%$/);
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-status', 'live');
  await expect(panel.getByText('dd if=/dev/zero of=/dev/null')).toBeVisible();
  const before = await chart.getAttribute('data-last-time');

  await panel.getByRole('button', { name: 'Put 100% CPU on this instance' }).click();
  await expect(page.getByText('Load set on the instance')).toBeVisible();
  await cloud.advance(180);
  // Pushed by the BFF's stream: the page is not reloaded.
  await expect(chart).not.toHaveAttribute('data-last-time', before ?? '');
  await expect(latest.locator('td')).toHaveText(/^(9\d|100)(\.\d+)?%$/);

  await panel.getByRole('button', { name: 'Remove load' }).click();
  await expect(page.getByText('Load removed from the instance')).toBeVisible();
  await cloud.advance(120);
  await expect(latest.locator('td')).toHaveText(/^\d(\.\d+)?%$/);
});

test('the load control refuses what is not a percentage and servers the user cannot see', async () => {
  const { server } = await nova<{ server: { id: string } }>('admin', 'POST', '/servers', {
    server: { name: 'admins-own', imageRef: await idByName('admin', 'images', 'cirros'), flavorRef: await idByName('admin', 'flavors', 'm1.tiny'), networks: 'auto' },
  });
  const bff = new BffClient(E2E.dashboardUrl);
  expect((await bff.login('demo')).ok).toBe(true);
  const tooMuch = await bff.request('POST', `/api/servers/${server.id}/load`, { cpuPercent: 250 });
  expect(tooMuch.status).toBe(400);
  expect((await tooMuch.json()).error.fields).toEqual({ cpuPercent: 'out_of_range' });
  // The control API takes no token; the BFF asks Nova as the user first, and demo cannot see admin's server.
  const hidden = await bff.request('POST', `/api/servers/${server.id}/load`, { cpuPercent: 100 });
  expect(hidden.status).toBe(404);
  const load = await (await fetch(`${E2E.cloudUrl}/_emulator/load`)).json();
  expect(load.loads).toEqual([]);
});
