import { expect, test } from '@playwright/test';

import { LoginPage } from './pages/login-page';
import { NetworksPage } from './pages/networks-page';
import { RoutersPage } from './pages/routers-page';
import { TopologyPage } from './pages/topology-page';
import { cloud } from './support/cloud';

test.beforeEach(async ({ page }) => {
  await cloud.reset('demo');
  await new LoginPage(page).loginAs('demo');
});

test('network, router, gateway and interface: seen on the topology, then deleted in the order Neutron needs', async ({ page }) => {
  const networks = new NetworksPage(page);
  const routers = new RoutersPage(page);
  const topology = new TopologyPage(page);

  await networks.goto();
  await networks.create({ name: 'e2e-net', subnet: { name: 'e2e-subnet', cidr: '10.80.0.0/24' } });
  await networks.done('Network e2e-net created');
  await topology.goto();
  await expect(topology.network('e2e-net')).toContainText('10.80.0.0/24');
  await expect(topology.node(/^Network e2e-net/)).toBeVisible();

  await routers.goto();
  await routers.create('e2e-router', null);
  await routers.done('Router e2e-router created');
  await expect(routers.row('e2e-router')).toContainText('No external gateway');
  await routers.open('e2e-router');
  await expect(page.getByText('This router has no external gateway')).toBeVisible();

  await routers.setGateway('public');
  await routers.done('Gateway set');
  const gateway = page.locator('section').filter({ has: page.getByRole('heading', { name: 'External gateway' }) });
  await expect(gateway.getByText(/^172\.24\.4\.\d+$/)).toBeVisible();

  await routers.addInterface(/e2e-net: e2e-subnet \(10\.80\.0\.0\/24\)/);
  await routers.done('Connected e2e-net: 10.80.0.0/24');
  await expect(routers.interfaces.getByRole('row').filter({ hasText: '10.80.0.0/24' })).toContainText('10.80.0.1');

  await topology.goto();
  await expect(topology.node('Router e2e-router')).toBeVisible();
  await expect(topology.network('e2e-net').getByRole('link', { name: 'e2e-router' })).toBeVisible();
  await expect(topology.network('public').getByRole('link', { name: 'e2e-router' })).toBeVisible();

  // The network still has the router's interface: Neutron refuses, and the dialog says what to do.
  await networks.goto();
  await page.getByRole('button', { name: 'Delete e2e-net', exact: true }).click();
  await networks.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(networks.dialog.getByText('The network still has ports in use')).toBeVisible();
  await networks.dialog.getByRole('button', { name: 'Cancel' }).click();

  await routers.goto();
  await page.getByRole('button', { name: 'Delete e2e-router', exact: true }).click();
  await expect(routers.dialog).toContainText('still has 1 interface');
  await routers.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(routers.dialog.getByText('The router still has interfaces: remove them first')).toBeVisible();
  await routers.dialog.getByRole('button', { name: 'Cancel' }).click();

  await routers.open('e2e-router');
  await page.getByRole('button', { name: 'Remove interface e2e-net: 10.80.0.0/24' }).click();
  await routers.dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await routers.done('Removed e2e-net: 10.80.0.0/24');
  await expect(page.getByText('No subnets are connected to this router.')).toBeVisible();
  await page.getByRole('button', { name: 'Delete router' }).click();
  await routers.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await routers.done('Router e2e-router deleted');
  await expect(page).toHaveURL(/\/project\/network\/routers$/);

  await networks.goto();
  await page.getByRole('button', { name: 'Delete e2e-net', exact: true }).click();
  await networks.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await networks.done('Network e2e-net deleted');
  await expect(networks.row('e2e-net')).toHaveCount(0);
});

test('static routes: a next hop outside the router’s subnets is refused at the field, one inside is saved', async ({ page }) => {
  const routers = new RoutersPage(page);
  await routers.goto();
  await routers.open('router1');
  await page.getByRole('button', { name: 'Edit routes' }).click();
  await routers.dialog.getByLabel('Static routes').fill('10.99.0.0/16,192.0.2.1');
  await routers.dialog.getByRole('button', { name: 'Save' }).click();
  await expect(routers.dialog.getByText('A next hop is outside every subnet this router is connected to.')).toBeVisible();
  const hint = await routers.dialog.getByText(/The next hop must be in a connected subnet/).textContent();
  // The first connected subnet the hint names (router1's interface on private); .50 is inside it.
  const prefix = /connected subnet: (\d+\.\d+\.\d+)\.0\/24/.exec(hint ?? '')?.[1];
  expect(prefix).toBeTruthy();
  const nexthop = `${prefix}.50`;
  await routers.dialog.getByLabel('Static routes').fill(`10.99.0.0/16,${nexthop}`);
  await routers.dialog.getByRole('button', { name: 'Save' }).click();
  await routers.done('Static routes saved');
  await expect(page.getByRole('table', { name: 'Static routes' })).toContainText(nexthop);
});
