import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import type { GroupMetricsView } from '../lib/bff/metrics-group-model';

import { LoginPage } from './pages/login-page';
import { BffClient } from './support/bff-client';
import { cloud } from './support/cloud';
import { idByName, nova } from './support/compute';
import { E2E } from './support/env';
import { projectToken } from './support/keystone-token';
import { neutron } from './support/neutron';

const DEMO_PROJECT = 'a0000000000000000000000000000002';

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

// The Japanese guide's scenario, created through Heat's API as the demo user (its launch is stacks.spec's).
async function createGuideStack(): Promise<string> {
  const fixtures = path.resolve('emulator/services/orchestration/hot/fixtures/rhosp16-gnocchi');
  for (const name of ['admin', 'mykeypair']) await nova('demo', 'POST', '/os-keypairs', { keypair: { name } }).catch(() => undefined);
  for (const name of ['all', 'base']) await neutron('demo', 'POST', '/security-groups', { security_group: { name } }).catch(() => undefined);
  const token = await projectToken(`${E2E.cloudUrl}/identity/v3`, 'demo', 'secret', 'demo');
  const response = await fetch(`${E2E.cloudUrl}/heat-api/v1/${DEMO_PROJECT}/stacks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token },
    body: JSON.stringify({
      stack_name: 'example1',
      template: readFileSync(path.join(fixtures, 'template.yaml'), 'utf8'),
      environment: { resource_registry: { 'OS::Nova::Server::Cirros': 'file:///home/demo/stacks/example1/cirros.yaml' } },
      files: { 'file:///home/demo/stacks/example1/cirros.yaml': readFileSync(path.join(fixtures, 'cirros.yaml'), 'utf8') },
    }),
  });
  if (response.status !== 201) throw new Error(`stack create answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { stack: { id: string } }).stack.id;
}

test('a stack group: members, the mean CPU against the alarm thresholds, and load that fires the high alarm and grows the group', async ({ page }) => {
  test.setTimeout(60_000);
  // The guide's high alarm reads one-second granularity: samples every second, set before anything boots.
  await fetch(`${E2E.cloudUrl}/_emulator/load/sample-period`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ seconds: 1 }) });
  const stackId = await createGuideStack();
  await cloud.advance(120);
  const bff = new BffClient(E2E.dashboardUrl);
  expect((await bff.login('demo')).ok).toBe(true);
  const metrics = () => bff.json<GroupMetricsView>('GET', `/api/stacks/${stackId}/metrics`);

  const first = await metrics();
  expect(first.group?.name).toBe('scaleup_group');
  expect(first.members).toHaveLength(1);
  expect(first.thresholds.map((t) => [t.alarmName, t.operator, t.percent])).toEqual(
    expect.arrayContaining([
      [expect.stringContaining('cpu_alarm_high'), 'gt', 80],
      [expect.stringContaining('cpu_alarm_low'), 'lt', 0.03],
    ]),
  );
  const aggregate = (view: GroupMetricsView) => view.series.find((s) => s.key === 'aggregate')!.measures;
  expect(aggregate(first).length).toBeGreaterThan(0);
  expect(aggregate(first).at(-1)!.value).toBeLessThan(10);

  for (const member of first.members) {
    expect((await bff.request('POST', `/api/servers/${member.serverId}/load`, { cpuPercent: 100 })).status).toBe(200);
  }
  // Load for a few minutes of cloud time: the high alarm fires and signals the scale-up policy.
  for (let i = 0; i < 4; i++) await cloud.advance(60);
  await expect.poll(async () => [...new Set((await metrics()).markers.map((m) => m.kind))].sort()).toEqual(['alarm', 'scaled']);
  // The new member boots on the clock, then counts.
  await cloud.advance(120);
  await expect.poll(async () => (await metrics()).members.length).toBe(2);
  const grown = await metrics();
  expect(grown.series.find((s) => s.key === 'members')!.measures.at(-1)!.value).toBe(2);
  expect(grown.series.filter((s) => s.key.startsWith('server:'))).toHaveLength(2);

  // The stack page's scaling tab draws it, and keeps it live.
  await new LoginPage(page).loginAs('demo');
  await page.goto(`/project/orchestration/stacks/${stackId}`);
  await page.getByRole('tab', { name: 'Scaling' }).click();
  const panel = page.getByTestId('group-metrics-panel');
  const chart = panel.getByTestId('metric-chart');
  await expect(chart.locator('canvas')).toBeVisible();
  await expect(chart.locator('thead')).toContainText('Mean CPU of members');
  await expect(chart.locator('thead')).toContainText('Members');
  await expect(chart).toContainText('cpu_alarm_high > 80%');
  await expect(chart).toContainText('cpu_alarm_high → alarm');
  await expect(chart).toContainText('scaleup_policy signalled');
  await expect(panel.getByTestId('live-indicator')).toHaveAttribute('data-status', 'live');
  await expect(panel.getByRole('button', { name: 'Put 100% CPU on every member (2)' })).toBeVisible();
  const before = await chart.getAttribute('data-last-time');
  await cloud.advance(120);
  await expect(chart).not.toHaveAttribute('data-last-time', before ?? '');
});
