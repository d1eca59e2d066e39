import { expect, test } from '@playwright/test';

import { LoginPage } from './pages/login-page';
import { TroubleshootPage } from './pages/troubleshoot-page';
import { cloud } from './support/cloud';
import { idByName, nova } from './support/compute';
import { neutron } from './support/neutron';

/** An instance on the demo seed's "private" network (default group only), booted. */
async function bootOnPrivate(name: string): Promise<string> {
  const { networks } = await neutron<{ networks: { id: string }[] }>('demo', 'GET', '/networks?name=private');
  const { server } = await nova<{ server: { id: string } }>('demo', 'POST', '/servers', {
    server: { name, imageRef: await idByName('demo', 'images', 'cirros'), flavorRef: await idByName('demo', 'flavors', 'm1.tiny'), networks: [{ uuid: networks[0]!.id }] },
  });
  return server.id;
}

test.beforeEach(async ({ page }) => {
  await cloud.reset('demo');
  await cloud.manualClock();
  await new LoginPage(page).loginAs('demo');
});

test('SSH from the internet: no floating IP, then no rule, then allowed by the suggested rule', async ({ page }) => {
  const serverId = await bootOnPrivate('web-1');
  await cloud.advance(120);

  // From the instance page: the destination and tcp/22 come pre-filled, and the check runs at once.
  await page.goto(`/project/compute/instances/${serverId}`);
  await page.getByRole('link', { name: 'Check connectivity' }).click();
  const ts = new TroubleshootPage(page);
  await expect(ts.verdict).toHaveText('Dropped at step “Floating IP”.');
  await expect(ts.step('Floating IP')).toContainText('dropped: no floating IP on the instance. The internet cannot reach a private address');
  await expect(ts.step('Router')).toContainText('Router router1 has a gateway on public');
  await expect(ts.step('Security groups (ingress)')).toContainText('dropped: no ingress rule allows tcp/22 from 203.0.113.5');

  // A floating IP, made outside the page; checking again finds the next obstacle.
  const { ports } = await neutron<{ ports: { id: string }[] }>('demo', 'GET', `/ports?device_id=${serverId}`);
  const { networks } = await neutron<{ networks: { id: string }[] }>('demo', 'GET', '/networks?name=public');
  const { floatingip } = await neutron<{ floatingip: { floating_ip_address: string } }>('demo', 'POST', '/floatingips', {
    floatingip: { floating_network_id: networks[0]!.id, port_id: ports[0]!.id },
  });
  await ts.checkAgain();
  await expect(ts.verdict).toHaveText('Dropped at step “Security groups (ingress)”.');
  await expect(ts.step('Floating IP')).toContainText(`Floating IP ${floatingip.floating_ip_address} is mapped to`);
  await expect(ts.step('Security groups (ingress)')).toContainText('dropped: no ingress rule allows tcp/22 from 203.0.113.5 (groups: default)');
  for (const title of ['Source', 'Floating IP', 'Router', 'Subnet', 'Destination port']) {
    await expect(ts.step(title).getByText('Pass', { exact: true })).toBeVisible();
  }
  await expect(page.getByTestId('trace-commands')).toContainText(`ovn-trace --summary neutron-`);

  // The narrowest rule is suggested; the wide one is offered only with a warning.
  await expect(ts.suggestion.getByTestId('suggested-rule')).toHaveText('TCP 22 (SSH) from 203.0.113.5/32');
  await ts.suggestion.getByLabel('Everyone (0.0.0.0/0)').check();
  await expect(ts.suggestion.getByText('Opening tcp/22 to the whole internet', { exact: false })).toBeVisible();
  await ts.suggestion.getByLabel('Only 203.0.113.5/32').check();
  await expect(ts.suggestion).toContainText('openstack security group rule create --ingress --protocol tcp --dst-port 22 --remote-ip 203.0.113.5/32');
  await ts.addSuggestedRule();

  await expect(ts.verdict).toHaveText('Allowed: tcp/22 from 203.0.113.5 reaches web-1.');
  await expect(ts.step('Security groups (ingress)')).toContainText('allowed by rule TCP 22 (SSH) from 203.0.113.5/32 of group default');
  await expect(ts.step('Reply')).toContainText('Group default is stateful');
  await expect(ts.suggestion).toHaveCount(0);
});

test('between two instances of the default group, and bad input named at its field', async ({ page }) => {
  const web = await bootOnPrivate('web-1');
  await bootOnPrivate('client-1');
  await cloud.advance(120);

  const ts = new TroubleshootPage(page);
  await ts.goto();
  await expect(page.getByText('Choose a destination instance and press Check.')).toBeVisible();
  await ts.form.getByLabel('Internet address').fill('203.0.113');
  await ts.form.getByLabel('Destination port').fill('70000');
  await ts.check();
  await expect(ts.form.getByText('Enter an IPv4 or IPv6 address, e.g. 203.0.113.5.')).toBeVisible();
  await expect(ts.form.getByText('Ports go from 1 to 65535.')).toBeVisible();
  await expect(ts.form.getByText('Choose the destination instance.')).toBeVisible();

  await ts.form.getByLabel('Another instance').check();
  await ts.form.getByLabel('Source instance').selectOption({ label: 'client-1 (ACTIVE)' });
  await ts.form.getByLabel('Destination instance').selectOption({ value: web });
  await ts.form.getByLabel('Destination port').fill('22');
  await ts.check();
  await expect(ts.verdict).toHaveText(/^Allowed: tcp\/22 from [\d.]+ reaches web-1\.$/);
  await expect(ts.step('Router')).toContainText('Both ends are on network private: no router on the way.');
  await expect(ts.step('Security groups (ingress)')).toContainText('of group default');
  await expect(page).toHaveURL(/source=instance/);
});
