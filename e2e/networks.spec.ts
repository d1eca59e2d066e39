import { expect, test } from '@playwright/test';

import { LoginPage } from './pages/login-page';
import { NetworksPage } from './pages/networks-page';
import { cloud } from './support/cloud';

test.beforeEach(async ({ page }) => {
  await cloud.reset('demo');
  await new LoginPage(page).loginAs('demo');
});

test('create a network with its first subnet, see it listed with its CIDR, and open it', async ({ page }) => {
  const networks = new NetworksPage(page);
  await networks.goto();
  await expect(networks.row('private')).toBeVisible();
  await expect(networks.row('public')).toContainText('Yes');

  await networks.create({ name: 'e2e-net', subnet: { name: 'e2e-subnet', cidr: '10.50.0.0/24' } });
  await networks.done('Network e2e-net created');
  await expect(networks.row('e2e-net')).toContainText('10.50.0.0/24');

  await networks.open('e2e-net');
  const subnets = page.getByRole('table', { name: 'Subnets' });
  await expect(subnets).toContainText('10.50.0.1');
  await expect(subnets.getByRole('meter')).toBeVisible();
  await expect(page.getByText('openstack network show')).toBeVisible();
});

test('bad subnets are refused at the field: an overlapping CIDR, a broadcast address as gateway, host bits', async ({ page }) => {
  const networks = new NetworksPage(page);
  await networks.goto();
  await networks.create({ name: 'e2e-net', subnet: { name: 'a', cidr: '10.60.0.5/24' } });
  await expect(networks.dialog.getByText('Host bits are set after the prefix')).toBeVisible();
  await networks.dialog.getByLabel('Network address (CIDR)').fill('10.60.0.0/24');
  await networks.dialog.getByLabel('Gateway', { exact: true }).selectOption({ label: 'An address I choose' });
  await networks.dialog.getByLabel('Gateway IP').fill('10.60.0.255');
  await networks.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(networks.dialog.getByText('The network and broadcast addresses cannot be the gateway.')).toBeVisible();
  await networks.dialog.getByLabel('Gateway IP').fill('10.60.0.1');
  await networks.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await networks.done('Network e2e-net created');

  await networks.open('e2e-net');
  await networks.addSubnet({ name: 'b', cidr: '10.60.0.128/25' });
  await expect(networks.dialog.getByText('This CIDR overlaps another subnet of this network.')).toBeVisible();
  await networks.dialog.getByLabel('Network address (CIDR)').fill('10.60.1.0/24');
  await networks.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await networks.done('Subnet b created');
  await expect(page.getByRole('table', { name: 'Subnets' })).toContainText('10.60.1.0/24');
});

test('a port with a fixed address the subnet does not hold gets Neutron’s refusal at the address; a good one is created and deleted', async ({ page }) => {
  const networks = new NetworksPage(page);
  await networks.goto();
  await networks.create({ name: 'e2e-net', subnet: { name: 'e2e-subnet', cidr: '10.70.0.0/24' } });
  await networks.done('Network e2e-net created');
  await networks.open('e2e-net');

  await page.getByRole('button', { name: 'Create port' }).click();
  await networks.dialog.getByLabel('Name', { exact: true }).fill('vip');
  await networks.dialog.getByLabel('Fixed IP address (optional)').fill('10.71.0.9');
  await networks.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  // Zenith does not know which subnets the address may come from without one chosen: Neutron says no, at the field.
  await expect(networks.dialog.getByText(/10\.71\.0\.9/).last()).toBeVisible();
  await expect(networks.dialog.getByLabel('Fixed IP address (optional)')).toHaveAttribute('aria-invalid', 'true');
  await networks.dialog.getByLabel('Fixed IP address (optional)').fill('10.70.0.9');
  await networks.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await networks.done('Port vip created');

  const ports = page.getByRole('table', { name: 'Ports' });
  await expect(ports.getByRole('row').filter({ hasText: '10.70.0.9' })).toContainText(/fa:16:3e/);
  await page.getByRole('button', { name: 'Delete vip', exact: true }).click();
  await networks.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await networks.done('Port vip deleted');
  await expect(ports.getByRole('row').filter({ hasText: '10.70.0.9' })).toHaveCount(0);
});

test('edit a network’s name and admin state, then delete it from its page', async ({ page }) => {
  const networks = new NetworksPage(page);
  await networks.goto();
  await networks.create({ name: 'e2e-old' });
  await networks.done('Network e2e-old created');
  await page.getByRole('button', { name: 'Edit e2e-old', exact: true }).click();
  await networks.dialog.getByLabel('Name', { exact: true }).fill('e2e-new');
  await networks.dialog.getByLabel('Admin state up').uncheck();
  await networks.dialog.getByRole('button', { name: 'Save' }).click();
  await networks.done('Network e2e-new saved');
  await expect(networks.row('e2e-new')).toContainText('Down');

  await networks.open('e2e-new');
  await page.getByRole('button', { name: 'Delete network' }).click();
  await networks.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await networks.done('Network e2e-new deleted');
  await expect(page).toHaveURL(/\/project\/network\/networks$/);
  await expect(networks.row('e2e-new')).toHaveCount(0);
});

test('an admin sees every project’s networks with a project column when asking for all projects', async ({ page }) => {
  await page.context().clearCookies();
  await new LoginPage(page).loginAs('admin');
  const networks = new NetworksPage(page);
  await networks.goto();
  await expect(networks.table.getByRole('columnheader', { name: 'Project' })).toHaveCount(0);
  await page.getByLabel('All projects').check();
  await expect(page).toHaveURL(/\?all=1$/);
  await expect(networks.table.getByRole('columnheader', { name: 'Project' })).toBeVisible();
  await expect(networks.row('private')).toContainText('demo');
});
