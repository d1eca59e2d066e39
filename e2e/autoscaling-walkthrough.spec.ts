import { readFileSync } from 'node:fs';

import { type Page, expect, test } from '@playwright/test';
import { parse } from 'yaml';

import { LoginPage } from './pages/login-page';
import { StackDetailPage } from './pages/stack-detail-page';
import { StacksPage, heatFixture } from './pages/stacks-page';
import { cloud } from './support/cloud';
import { E2E } from './support/env';
import { projectToken } from './support/keystone-token';

// The English guide's web farm, end to end in the browser on the embedded cloud: the template and the
// member template it names are uploaded unchanged, load on every member fires the high alarm until
// the group reaches max_size (3), removing it lets the low alarm shrink the group back to min_size (1),
// and the scale-up URL output adds a member by hand. The manual clock moves the cloud's time on.

test.beforeEach(async () => {
  await cloud.reset('demo');
  await cloud.manualClock();
});

/** Moves the cloud's clock a minute at a time (the alarms' period) until the page shows `count` members. */
async function advanceUntilMembers(page: Page, count: number): Promise<void> {
  const members = page.getByRole('table', { name: 'Members of group webserver' }).locator('tbody tr');
  await expect(async () => {
    await cloud.advance(60);
    await expect(members).toHaveCount(count, { timeout: 12_000 });
  }).toPass({ timeout: 150_000 });
  await expect(page.getByRole('table', { name: 'Members of group webserver' })).not.toContainText('BUILD', { timeout: 30_000 });
}

/** The load control of the group: every member listed now gets 100 % CPU, or none. */
async function setGroupLoad(page: Page, on: boolean, members: number): Promise<void> {
  const control = page.getByTestId('simulate-load');
  const put = members === 1 ? 'Put 100% CPU on this instance' : `Put 100% CPU on every member (${members})`;
  await control.getByRole('button', { name: on ? put : 'Remove load' }).click({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: on ? 'Load set on' : 'Load removed from' }).last()).toBeVisible();
}

test('the web farm guide: load grows the group to max_size, no load shrinks it to min_size, the scale-up URL adds a member', async ({ page }) => {
  test.setTimeout(600_000);
  await new LoginPage(page).loginAs('demo');
  const stacks = new StacksPage(page);
  await stacks.goto();
  await stacks.startLaunch();
  await stacks.uploadTemplate('rhosp8-webapp/lb-webserver-rhel7.yaml');
  await stacks.uploadFiles(['rhosp8-webapp/lb-env.yaml']);
  await expect(stacks.reference('file:///etc/heat/templates/lb-env.yaml')).toContainText('found');
  await stacks.next();
  await stacks.preview('webfarm');
  await stacks.create();
  await stacks.created();
  const stackUrl = page.url();
  await cloud.advance(120);

  const stack = new StackDetailPage(page);
  await expect(page.getByTestId('stack-status')).toContainText('CREATE', { timeout: 20_000 });
  await stack.tab('Scaling');
  const members = page.getByRole('table', { name: 'Members of group webserver' }).locator('tbody tr');
  await expect(members).toHaveCount(1, { timeout: 20_000 });

  // The guide runs dd in each web server; here the load control stands in for it. A new member starts
  // idle and pulls the average under the 95 % threshold, so the load goes on every member again.
  await setGroupLoad(page, true, 1);
  await advanceUntilMembers(page, 2);
  await setGroupLoad(page, true, 2);
  await advanceUntilMembers(page, 3);
  await setGroupLoad(page, true, 3);
  for (let i = 0; i < 3; i++) await cloud.advance(60);
  await expect(members).toHaveCount(3);

  await page.goto('/project/orchestration/alarms');
  await page.getByRole('row').filter({ hasText: 'webfarm-cpu_alarm_high' }).getByRole('link').first().click();
  await expect(page.getByTestId('alarm-history')).toContainText('Transition to alarm');

  await page.goto(stackUrl);
  await stack.tab('Scaling');
  await setGroupLoad(page, false, 3);
  await advanceUntilMembers(page, 1);

  await stack.tab('Outputs');
  const result = await stack.signal('scale_up_url', 'Scale up', /\/heat-api-cfn\/v1\/signal\/arn%3Aopenstack%3Aheat%3A%3A/);
  await expect(result).toHaveText(/Group webserver: 1 → 2 members/);
  await stack.tab('Scaling');
  await advanceUntilMembers(page, 2);
});

test("the Japanese guide's alarms read as shares of a vCPU, and its low alarm is flagged as one that will not fire", async ({ page }) => {
  const token = await projectToken(`${E2E.cloudUrl}/identity/v3`, 'demo', 'secret', 'demo');
  const created = await fetch(`${E2E.cloudUrl}/heat-api/v1/a0000000000000000000000000000002/stacks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token },
    body: JSON.stringify({
      stack_name: 'example1',
      template: readFileSync(heatFixture('rhosp16-gnocchi/template.yaml'), 'utf8'),
      environment: parse(readFileSync(heatFixture('rhosp16-gnocchi/environment.yaml'), 'utf8')),
      files: { '~/stacks/example1/cirros.yaml': readFileSync(heatFixture('rhosp16-gnocchi/cirros.yaml'), 'utf8') },
    }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  await cloud.advance(120);
  await new LoginPage(page).loginAs('demo');

  await page.goto('/project/orchestration/alarms');
  await page.getByRole('row').filter({ hasText: 'example1-cpu_alarm_high' }).getByRole('link').first().click();
  await expect(page.getByTestId('alarm-rule')).toContainText('rate:mean of cpu > 800000000 over 3 × 1 s');
  await expect(page.getByTestId('alarm-cpu-share')).toContainText('80 % of one vCPU per 1 s');
  await expect(page.getByTestId('alarm-cpu-share')).not.toContainText('unlikely ever to fire');

  await page.goto('/project/orchestration/alarms');
  await page.getByRole('row').filter({ hasText: 'example1-cpu_alarm_low' }).getByRole('link').first().click();
  await expect(page.getByTestId('alarm-cpu-share')).toContainText('0.033 % of one vCPU per 600 s');
  await expect(page.getByTestId('alarm-cpu-share')).toContainText('unlikely ever to fire');
});

test("the English guide's scale-down alarm, written without comparison_operator, is flagged as comparing with =", async ({ page }) => {
  const token = await projectToken(`${E2E.cloudUrl}/identity/v3`, 'demo', 'secret', 'demo');
  const created = await fetch(`${E2E.cloudUrl}/heat-api/v1/a0000000000000000000000000000002/stacks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token },
    body: JSON.stringify({
      stack_name: 'cpu',
      template: readFileSync(heatFixture('rhosp8-cpu/example.yaml'), 'utf8'),
      environment: parse(readFileSync(heatFixture('rhosp8-cpu/environment.yaml'), 'utf8')),
      files: { 'file:///etc/heat/templates/cirros.yaml': readFileSync(heatFixture('rhosp8-cpu/cirros.yaml'), 'utf8') },
    }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  await cloud.advance(120);
  await new LoginPage(page).loginAs('demo');
  await page.goto('/project/orchestration/alarms');
  await page.getByRole('row').filter({ hasText: 'cpu-cpu_alarm_low' }).getByRole('link').first().click();
  await expect(page.getByTestId('alarm-rule')).toContainText('cpu_util = 10');
  await expect(page.getByTestId('alarm-eq-note')).toContainText('leaves comparison_operator out');
  await page.goto('/project/orchestration/alarms');
  await page.getByRole('row').filter({ hasText: 'cpu-cpu_alarm_high' }).getByRole('link').first().click();
  await expect(page.getByTestId('alarm-rule')).toContainText('cpu_util > 50');
  await expect(page.getByTestId('alarm-eq-note')).toHaveCount(0);
});
