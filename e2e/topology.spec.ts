import { expect, test } from '@playwright/test';

import { LoginPage } from './pages/login-page';
import { TopologyPage } from './pages/topology-page';
import { cloud } from './support/cloud';
import { nova } from './support/compute';
import { E2E } from './support/env';
import { projectToken } from './support/keystone-token';

// The demo seed's cirros image.
const CIRROS_ID = '10000000-0000-0000-0000-000000000001';

test.beforeEach(async ({ page }) => {
  await cloud.reset('demo');
  await cloud.manualClock();
  await new LoginPage(page).loginAs('demo');
});

async function networkId(name: string): Promise<string> {
  const token = await projectToken(`${E2E.cloudUrl}/identity/v3`, 'demo', 'secret', 'demo');
  const response = await fetch(`${E2E.cloudUrl}/networking/v2.0/networks?name=${encodeURIComponent(name)}`, { headers: { 'X-Auth-Token': token } });
  const body = (await response.json()) as { networks: { id: string }[] };
  return body.networks[0]!.id;
}

test('the demo seed drawn: public on top, router1 joining it to private, an instance on private with its address', async ({ page }) => {
  await nova('demo', 'POST', '/servers', {
    server: { name: 'web-1', imageRef: CIRROS_ID, flavorRef: '1', networks: [{ uuid: await networkId('private') }] },
  });
  await cloud.advance(120);

  const topology = new TopologyPage(page);
  await topology.goto();
  const publicBar = topology.node(/^External network public/);
  const router = topology.node('Router router1');
  const privateBar = topology.node(/^Network private/);
  await expect(publicBar).toBeVisible();
  const [pub, rtr, priv] = await Promise.all([publicBar.boundingBox(), router.boundingBox(), privateBar.boundingBox()]);
  expect(pub!.y).toBeLessThan(rtr!.y);
  expect(rtr!.y).toBeLessThan(priv!.y);

  const instance = topology.node(/^Instance web-1 /);
  await expect(instance).toBeVisible();
  await expect(topology.network('private').getByRole('link', { name: 'web-1' })).toBeVisible();

  // Nodes are links in the tab order: focus the router and follow it with the keyboard.
  await router.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/project\/network\/routers\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'router1' })).toBeVisible();
});
