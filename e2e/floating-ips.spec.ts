import { expect, test } from '@playwright/test';

import { FloatingIpsPage } from './pages/floating-ips-page';
import { LoginPage } from './pages/login-page';
import { cloud, keystone } from './support/cloud';
import { idByName, nova } from './support/compute';
import { neutron } from './support/neutron';

/** The demo project's network id by name, straight from Neutron (setting up, not under test). */
async function networkId(name: string): Promise<string> {
  const { networks } = await neutron<{ networks: { id: string }[] }>('demo', 'GET', `/networks?name=${encodeURIComponent(name)}`);
  if (!networks[0]) throw new Error(`no network ${name}`);
  return networks[0].id;
}

/** Boots an instance with one port on the named network, as `openstack server create --network` would. */
async function boot(name: string, network: string): Promise<string> {
  const { server } = await nova<{ server: { id: string } }>('demo', 'POST', '/servers', {
    server: { name, imageRef: await idByName('demo', 'images', 'cirros'), flavorRef: await idByName('demo', 'flavors', 'm1.tiny'), networks: [{ uuid: await networkId(network) }] },
  });
  await cloud.advance(120);
  return server.id;
}

test.beforeEach(async () => {
  await cloud.reset('demo');
  await cloud.manualClock();
});

test('allocate, associate from the instance page, see it there and in the list, disassociate, release', async ({ page }) => {
  const serverId = await boot('web-1', 'private');
  await new LoginPage(page).loginAs('demo');
  const fips = new FloatingIpsPage(page);
  await fips.goto();
  await expect(page.getByText('This project has no floating IPs. Allocate one from a pool.')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'From the operations guide' })).toContainText('openstack floating ip create public');

  const address = await fips.allocate('public');
  expect(address).toMatch(/^172\.24\.4\.\d+$/);
  await expect(fips.row(address)).toContainText('public');
  await expect(fips.row(address)).toContainText('Down');

  let section = await fips.openInstance(serverId);
  await expect(section).toContainText('No floating IP is associated with this instance.');
  await section.getByRole('button', { name: 'Associate floating IP' }).click();
  await expect(fips.dialog.getByLabel('Address', { exact: true })).toHaveValue(/.+/);
  await expect(fips.dialog.getByLabel('Address', { exact: true }).locator('option:checked')).toContainText(address);
  await expect(fips.dialog.getByLabel('Fixed IP')).toContainText('(private)');
  await fips.dialog.getByRole('button', { name: 'Associate', exact: true }).click();
  await fips.done(new RegExp(`${address.replaceAll('.', '\\.')} now maps to 10\\.`));
  await expect(section.getByRole('cell', { name: address, exact: true })).toBeVisible();
  // Nova's view of the instance lists the address too, as a floating one (NAT on the router, not on the NIC).
  await page.getByRole('tab', { name: 'Interfaces and IPs' }).click();
  await expect(page.getByRole('table', { name: 'Interfaces and IPs' }).getByRole('row').filter({ hasText: address })).toContainText('Floating');

  await fips.goto();
  await expect(fips.row(address).getByRole('link', { name: 'web-1' })).toBeVisible();
  await expect(fips.row(address)).toContainText(/10\.\d+\.\d+\.\d+/);

  section = await fips.openInstance(serverId);
  await section.getByRole('button', { name: `Disassociate ${address}` }).click();
  await fips.confirm('Disassociate');
  await fips.done(`${address} is no longer associated`);
  await expect(section).toContainText('No floating IP is associated with this instance.');

  await fips.goto();
  await expect(fips.row(address)).not.toContainText('web-1');
  await fips.row(address).getByRole('checkbox', { name: `Select ${address}` }).check();
  await page.getByRole('button', { name: 'Release selected (1)' }).click();
  await expect(fips.dialog).toContainText(address);
  await fips.confirm('Release');
  await fips.done(`Released ${address}`);
  await expect(page.getByText('This project has no floating IPs. Allocate one from a pool.')).toBeVisible();
});

test('a fixed IP no router joins to the pool is not offered, and the page says why', async ({ page }) => {
  const serverId = await boot('isolated-1', 'internal1');
  await new LoginPage(page).loginAs('demo');
  const fips = new FloatingIpsPage(page);
  const section = await fips.openInstance(serverId);
  await section.getByRole('button', { name: 'Associate floating IP' }).click();
  await expect(fips.dialog.getByLabel('Fixed IP')).toContainText('No fixed IP of this instance can reach this pool');
  await fips.dialog.getByText('1 fixed IP is not offered').click();
  await expect(fips.dialog).toContainText('ExternalGatewayForFloatingIPNotFound');
  await expect(fips.dialog).toContainText(/isolated-1: .* on internal1/);
});

test('from the instance page, a new address is allocated and associated in one step', async ({ page }) => {
  const serverId = await boot('web-2', 'private');
  await new LoginPage(page).loginAs('demo');
  const fips = new FloatingIpsPage(page);
  const section = await fips.openInstance(serverId);
  await section.getByRole('button', { name: 'Associate floating IP' }).click();
  // No free address in the project: the dialog starts on "a new address from a pool".
  await expect(fips.dialog.getByLabel('A new address from a pool')).toBeChecked();
  await fips.dialog.getByLabel('Pool (external network)').selectOption({ label: 'public' });
  await expect(fips.dialog.getByLabel('Fixed IP')).toContainText('(private)');
  await fips.dialog.getByRole('button', { name: 'Associate', exact: true }).click();
  await fips.done(/^172\.24\.4\.\d+ now maps to 10\./);
  await expect(section.getByRole('cell', { name: /^172\.24\.4\.\d+$/ })).toBeVisible();
  await fips.goto();
  await expect(fips.table.getByRole('row').filter({ hasText: 'web-2' })).toContainText('Active');
});

test('with the quota used up, allocating says so at the pool, and the quota is shown', async ({ page }) => {
  const { projects } = await keystone<{ projects: { id: string }[] }>('GET', '/projects?name=demo');
  await neutron('admin', 'PUT', `/quotas/${projects[0]!.id}`, { quota: { floatingip: 1 } });
  await neutron('demo', 'POST', '/floatingips', { floatingip: { floating_network_id: await networkId('public') } });
  await new LoginPage(page).loginAs('demo');
  const fips = new FloatingIpsPage(page);
  await fips.goto();
  await expect(page.getByText('1 of 1 floating IPs used').first()).toBeVisible();
  await page.getByRole('button', { name: 'Allocate IP' }).click();
  await fips.dialog.getByLabel('Pool (external network)').selectOption({ label: 'public' });
  await fips.dialog.getByRole('button', { name: 'Allocate IP' }).click();
  await expect(fips.dialog.getByText('floating IP quota is used up', { exact: false })).toBeVisible();
  await expect(fips.table.getByRole('row')).toHaveCount(2);
});

test('an admin sees every project’s addresses with their project, and only the admin project’s in the project view', async ({ page }) => {
  const { floatingip } = await neutron<{ floatingip: { floating_ip_address: string } }>('demo', 'POST', '/floatingips', { floatingip: { floating_network_id: await networkId('public') } });
  await new LoginPage(page).loginAs('admin');
  const fips = new FloatingIpsPage(page);
  await fips.goto();
  await expect(fips.row(floatingip.floating_ip_address)).toHaveCount(0);
  await page.getByRole('link', { name: 'All projects', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Floating IPs of all projects' })).toBeVisible();
  await expect(fips.row(floatingip.floating_ip_address)).toContainText('demo');
});
