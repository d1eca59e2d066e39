import { expect, test } from '@playwright/test';

import { FloatingIpsPage } from './pages/floating-ips-page';
import { LoginPage } from './pages/login-page';
import { cloud } from './support/cloud';
import { idByName, nova } from './support/compute';
import { E2E } from './support/env';
import { projectToken } from './support/keystone-token';

/** The demo project's network id by name, straight from Neutron (setting up, not under test). */
async function networkId(name: string): Promise<string> {
  const token = await projectToken(`${E2E.cloudUrl}/identity/v3`, 'demo', 'secret', 'demo');
  const response = await fetch(`${E2E.cloudUrl}/networking/v2.0/networks?name=${encodeURIComponent(name)}`, { headers: { 'X-Auth-Token': token } });
  const body = (await response.json()) as { networks: { id: string }[] };
  if (!body.networks[0]) throw new Error(`no network ${name}: ${response.status}`);
  return body.networks[0].id;
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
