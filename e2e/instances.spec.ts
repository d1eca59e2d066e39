import { expect, test } from '@playwright/test';

import { InstancesPage } from './pages/instances-page';
import { LoginPage } from './pages/login-page';
import { VolumesPage } from './pages/volumes-page';
import { cloud } from './support/cloud';
import { idByName, nova } from './support/compute';
import { neutron } from './support/neutron';

test.beforeEach(async () => {
  await cloud.reset('demo');
  await cloud.manualClock();
});

test('launch an instance: it shows as building, then active once the cloud has booted it', async ({ page }) => {
  await new LoginPage(page).loginAs('demo');
  const instances = new InstancesPage(page);
  await instances.launch({ name: 'web-1', image: /^cirros /, flavor: /^m1\.tiny/ });
  await expect(page).toHaveURL(/\/project\/compute\/instances$/);
  await expect(instances.row('web-1')).toContainText('Building');
  await cloud.advance(120);
  // The list refreshes itself while a row is in transition: no reload here.
  await expect(instances.row('web-1')).toContainText('Active', { timeout: 15_000 });
  await expect(instances.row('web-1')).toContainText('cirros');
  await expect(instances.row('web-1')).toContainText('m1.tiny');
});

test('launch on two networks with a group that lets SSH in: one NIC per network, and no warning once something gets in', async ({ page }) => {
  const { security_group: ssh } = await neutron<{ security_group: { id: string } }>('demo', 'POST', '/security-groups', { security_group: { name: 'ssh-in', description: '' } });
  await neutron('demo', 'POST', '/security-group-rules', {
    security_group_rule: { security_group_id: ssh.id, direction: 'ingress', protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0' },
  });
  await new LoginPage(page).loginAs('demo');
  await page.goto('/project/compute/instances/launch');
  const networks = page.getByRole('group', { name: 'Networks' });
  const groups = page.getByRole('group', { name: 'Security groups' });
  // External networks are not offered; the project's first own network is ticked.
  await expect(networks.getByRole('checkbox')).toHaveCount(2);
  await expect(networks.getByRole('checkbox', { name: /^internal1/ })).toBeChecked();
  await networks.getByRole('checkbox', { name: /^private/ }).check();
  await expect(networks.getByText('private (NIC 2)')).toBeVisible();

  await expect(groups.getByRole('checkbox', { name: /^default/ })).toBeChecked();
  await expect(page.getByText(/None of the chosen security groups lets anything in/)).toBeVisible();
  await expect(groups.getByText('Lets in from outside: TCP 22', { exact: true })).toBeVisible();
  await groups.getByRole('checkbox', { name: /^ssh-in/ }).check();
  await expect(page.getByText(/None of the chosen security groups lets anything in/)).toHaveCount(0);

  await page.getByLabel('Instance name').fill('two-nics');
  const image = page.getByLabel('Image', { exact: true });
  await image.selectOption((await image.locator('option').filter({ hasText: /^cirros / }).first().getAttribute('value'))!);
  const flavor = page.getByLabel('Flavor', { exact: true });
  await flavor.selectOption((await flavor.locator('option').filter({ hasText: /^m1\.tiny/ }).first().getAttribute('value'))!);
  await page.getByRole('button', { name: /^Launch/ }).click();
  await expect(page).toHaveURL(/\/project\/compute\/instances$/);
  await cloud.advance(120);
  const instances = new InstancesPage(page);
  await expect(instances.row('two-nics')).toContainText('Active', { timeout: 15_000 });
  await expect(instances.row('two-nics')).toContainText(/10\.10\.10\.\d+, 10\.0\.0\.\d+|10\.0\.0\.\d+, 10\.10\.10\.\d+/);
  await expect(instances.row('two-nics')).toContainText(/default, ssh-in|ssh-in, default/);
});

test('actions follow the state: shut off asks first, then start comes back', async ({ page }) => {
  await nova('demo', 'POST', '/servers', {
    server: { name: 'app-1', imageRef: await idByName('demo', 'images', 'cirros'), flavorRef: await idByName('demo', 'flavors', 'm1.tiny'), networks: 'auto' },
  });
  await cloud.advance(120);
  await new LoginPage(page).loginAs('demo');
  const instances = new InstancesPage(page);
  await instances.goto();
  await expect(instances.row('app-1')).toContainText('Active');

  await instances.row('app-1').getByRole('button', { name: 'Actions for app-1' }).click();
  await expect(page.getByRole('menuitem', { name: 'Start', exact: true })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await instances.act('app-1', 'Shut off', true);
  // Advance the cloud's clock only once Nova has taken the request.
  await expect(instances.row('app-1')).toContainText('powering-off');
  await cloud.advance(60);
  await expect(instances.row('app-1')).toContainText('Shut off', { timeout: 15_000 });

  await instances.act('app-1', 'Start');
  await expect(instances.row('app-1')).toContainText('powering-on');
  await cloud.advance(60);
  await expect(instances.row('app-1')).toContainText('Active', { timeout: 15_000 });
});

test('the detail page shows the fields, and the console log only when asked', async ({ page }) => {
  const { server } = await nova<{ server: { id: string } }>('demo', 'POST', '/servers', {
    server: { name: 'db-1', imageRef: await idByName('demo', 'images', 'cirros'), flavorRef: await idByName('demo', 'flavors', 'm1.tiny'), networks: 'auto', metadata: { role: 'db' } },
  });
  await cloud.advance(120);
  await new LoginPage(page).loginAs('demo');
  await page.goto(`/project/compute/instances/${server.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('db-1');
  await expect(page.getByRole('tabpanel')).toContainText('role=db');
  await expect(page.getByRole('tabpanel')).toContainText('m1.tiny');
  await page.getByRole('tab', { name: 'Console log' }).click();
  await expect(page.getByLabel('Console output')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the last 100 lines' }).click();
  await expect(page.getByLabel('Console output')).toContainText('login');
});

test('an instance no host can take shows Nova’s fault and what it means', async ({ page }) => {
  const { flavor } = await nova<{ flavor: { id: string } }>('admin', 'POST', '/flavors', { flavor: { name: 'huge.disk', vcpus: 1, ram: 512, disk: 100_000 } });
  const { server } = await nova<{ server: { id: string } }>('demo', 'POST', '/servers', {
    server: { name: 'too-big', imageRef: await idByName('demo', 'images', 'cirros'), flavorRef: flavor.id, networks: 'auto' },
  });
  await cloud.advance(120);
  await new LoginPage(page).loginAs('demo');
  await page.goto(`/project/compute/instances/${server.id}`);
  const fault = page.getByRole('alert').filter({ hasText: 'No valid host was found' });
  await expect(fault).toContainText('scheduler found no compute host');
});

test('the launch form names bad fields and marks flavors the quota cannot hold', async ({ page }) => {
  await new LoginPage(page).loginAs('demo');
  await page.goto('/project/compute/instances/launch');
  await page.getByRole('button', { name: /^Launch/ }).click();
  await expect(page.getByText('Give the instance a name.')).toBeVisible();
  await expect(page.getByText('Choose an image.')).toBeVisible();
  await expect(page.getByText('Choose a flavor.')).toBeVisible();

  await page.getByLabel('Count').fill('11');
  await expect(page.getByLabel('Flavor', { exact: true }).locator('option', { hasText: 'over your instance quota' })).not.toHaveCount(0);
  await page.getByLabel('Count').fill('6');
  await expect(page.getByLabel('Flavor', { exact: true }).locator('option', { hasText: /^m1\.large.*over your vCPU quota/ })).toHaveCount(1);
  await expect(page.getByLabel('Flavor', { exact: true }).locator('option', { hasText: /^m1\.tiny.*vCPU, 512 MiB RAM, 1 GB disk$/ })).toHaveCount(1);
});

test('search and status filters live in the URL; pages follow Nova’s markers', async ({ page }) => {
  await nova('admin', 'PUT', '/os-quota-sets/a0000000000000000000000000000001', { quota_set: { instances: 100, cores: 200, ram: 512_000 } });
  await nova('admin', 'POST', '/servers', {
    server: { name: 'batch', imageRef: await idByName('admin', 'images', 'cirros'), flavorRef: await idByName('admin', 'flavors', 'm1.nano'), networks: 'none', min_count: 25, max_count: 25 },
  });
  await cloud.advance(120);
  await new LoginPage(page).loginAs('admin');
  const instances = new InstancesPage(page);
  await instances.goto('?limit=20');
  await expect(instances.table.getByRole('row')).toHaveCount(21);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(instances.table.getByRole('row')).toHaveCount(6);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(instances.table.getByRole('row')).toHaveCount(21);

  await page.getByLabel('Name contains').fill('batch-1');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/name=batch-1/);
  await expect(instances.table.getByRole('row')).not.toHaveCount(21);
  await page.getByLabel('Status').selectOption('ERROR');
  await expect(page).toHaveURL(/status=ERROR/);
  await expect(page.getByText('No instance matches this search.')).toBeVisible();

  await page.goto('/project/compute/instances?all=1');
  await expect(instances.table.getByRole('columnheader', { name: 'Host' })).toBeVisible();
  await expect(instances.table.getByRole('columnheader', { name: 'Project' })).toBeVisible();
});

test('the overview charts quota usage and lists the newest instances', async ({ page }) => {
  await nova('demo', 'POST', '/servers', {
    server: { name: 'fresh-1', imageRef: await idByName('demo', 'images', 'cirros'), flavorRef: await idByName('demo', 'flavors', 'm1.small'), networks: 'none' },
  });
  await cloud.advance(120);
  await new LoginPage(page).loginAs('demo');
  await expect(page.getByRole('img', { name: 'Instances: 1 used of 10' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'RAM: 2048 used of 51200' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Volumes: 0 used of 10' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'fresh-1' })).toBeVisible();
});

test('rename, snapshot, and a volume attached then detached from the instance page', async ({ page }) => {
  const { server } = await nova<{ server: { id: string } }>('demo', 'POST', '/servers', {
    server: { name: 'ops-1', imageRef: await idByName('demo', 'images', 'cirros'), flavorRef: await idByName('demo', 'flavors', 'm1.tiny'), networks: 'none' },
  });
  await cloud.advance(120);
  await new LoginPage(page).loginAs('demo');
  await page.goto(`/project/compute/instances/${server.id}`);

  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name').fill('ops-renamed');
  await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Renamed ops-1' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'ops-renamed' })).toBeVisible();

  await page.getByRole('button', { name: 'Create snapshot' }).click();
  await expect(page.getByRole('dialog')).toContainText('fsfreeze');
  await page.getByRole('dialog').getByRole('button', { name: 'Create snapshot' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Creating a snapshot' })).toBeVisible();

  await page.goto('/project/volumes');
  const volumes = new VolumesPage(page);
  await volumes.create({ name: 'data-1', sizeGb: 1 });
  await expect(volumes.row('data-1')).toContainText('Creating');
  await cloud.advance(60);
  await expect(volumes.row('data-1')).toContainText('Available');
  await page.goto(`/project/compute/instances/${server.id}`);
  await page.getByRole('button', { name: 'Attach volume' }).click();
  const picker = page.getByLabel('Volume', { exact: true });
  await picker.selectOption({ label: 'data-1 (1 GB)' });
  await page.getByRole('dialog').getByRole('button', { name: 'Attach' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Attaching the volume to ops-renamed' })).toBeVisible();
  await cloud.advance(60);
  await page.getByRole('tab', { name: /Volumes/ }).click();
  await expect(page.getByRole('tabpanel')).toContainText(/[0-9a-f-]{36}/);
  await page.getByRole('tabpanel').getByRole('button', { name: 'Detach' }).click();
  await expect(page.getByRole('dialog')).toContainText('Unmount the volume inside the instance first');
  await page.getByRole('dialog').getByRole('button', { name: 'Detach' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Detaching the volume' })).toBeVisible();
});
