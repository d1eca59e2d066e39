import { expect, test } from '@playwright/test';

import { LoginPage } from './pages/login-page';
import { SecurityGroupsPage } from './pages/security-groups-page';
import { cloud, keystone } from './support/cloud';
import { idByName, nova } from './support/compute';
import { neutron } from './support/neutron';

test.beforeEach(async ({ page }) => {
  await cloud.reset('demo');
  await cloud.manualClock();
  await new LoginPage(page).loginAs('demo');
});

test('the default group is explained in the list and on its page, and cannot be deleted', async ({ page }) => {
  const groups = new SecurityGroupsPage(page);
  await groups.goto();
  await expect(page.getByText('How the default group works')).toBeVisible();
  await expect(page.getByText('So nothing from outside (not SSH, not ping) reaches an instance until a rule lets it in.')).toBeVisible();
  await expect(groups.row('default').getByRole('button', { name: 'Delete default' })).toBeDisabled();
  await expect(groups.row('default')).toContainText('The default group cannot be deleted');
  await expect(page.getByText('openstack security group create web')).toBeVisible();

  await groups.openGroup('default');
  await expect(page.getByText('Traffic comes in only from instances that are members of the default group too.')).toBeVisible();
  await expect(groups.ingress).toContainText('any protocol (IPv4) from members of this group');
  await expect(groups.egress).toContainText('any protocol (IPv4) to anywhere (0.0.0.0/0)');
});

test('rules: SSH from a CIDR by template, a duplicate refused, an ICMP rule, bad input at the field, several deleted at once', async ({ page }) => {
  const groups = new SecurityGroupsPage(page);
  await groups.goto();
  await groups.createGroup('web', 'Web servers');

  // SSH open to the internet is warned about before anything is sent.
  await groups.openRuleEditor();
  await expect(groups.dialog.getByText('Ethertype: IPv4, from the CIDR')).toBeVisible();
  await expect(groups.dialog.getByText('This opens SSH to the whole internet.', { exact: false })).toBeVisible();
  await groups.dialog.getByLabel('Source CIDR').fill('203.0.113.0/24');
  await expect(groups.dialog.getByText('This opens SSH to the whole internet.', { exact: false })).toHaveCount(0);
  await expect(groups.dialog).toContainText('openstack security group rule create --ingress --protocol tcp --dst-port 22 --remote-ip 203.0.113.0/24 web');
  await groups.submitRule();
  await groups.accepted('Rule added');
  await expect(groups.ingress).toContainText('TCP 22 (SSH) from 203.0.113.0/24');

  // The same rule again: refused in the form, naming the rule it repeats; nothing is sent.
  await groups.openRuleEditor();
  await groups.dialog.getByLabel('Source CIDR').fill('203.0.113.0/24');
  await groups.submitRule();
  await expect(groups.dialog.getByText('The group already has this rule:')).toBeVisible();
  await expect(groups.dialog).toContainText('Ingress · TCP 22 (SSH) from 203.0.113.0/24');

  // Custom rules: bad input is named at its field.
  await groups.template('Custom rule');
  await groups.dialog.getByLabel('Ports').selectOption('range');
  await groups.dialog.getByLabel('From port').fill('9000');
  await groups.dialog.getByLabel('To port').fill('8000');
  await groups.submitRule();
  await expect(groups.dialog.getByText('The range must not end before it starts.')).toBeVisible();
  await groups.dialog.getByLabel('To port').fill('70000');
  await groups.submitRule();
  await expect(groups.dialog.getByText('Ports go from 1 to 65535.')).toBeVisible();
  await groups.dialog.getByLabel('Protocol').selectOption('icmp');
  await groups.dialog.getByLabel('ICMP code').fill('0');
  await groups.submitRule();
  await expect(groups.dialog.getByText('An ICMP code needs an ICMP type.')).toBeVisible();
  await groups.dialog.getByLabel('Source CIDR').fill('10.0.0.0/33');
  await groups.submitRule();
  await expect(groups.dialog.getByText('Not a CIDR.', { exact: false })).toBeVisible();

  // An ICMP echo rule from anywhere.
  await groups.dialog.getByLabel('Source CIDR').fill('');
  await groups.dialog.getByLabel('ICMP type').fill('8');
  await groups.submitRule();
  // (The first "Rule added" toast may still be up: the dialog closing and the new row are the signal here.)
  await expect(groups.dialog).toHaveCount(0);
  await expect(groups.ingress).toContainText('ICMP type 8 (echo request) code 0 from anywhere (0.0.0.0/0)');

  // Both deleted at once, after a confirmation that lists them.
  await groups.selectRule('TCP 22 (SSH) from 203.0.113.0/24');
  await groups.selectRule('ICMP type 8 (echo request) code 0 from anywhere (0.0.0.0/0)');
  await page.getByRole('button', { name: 'Delete selected (2)' }).click();
  await expect(groups.dialog).toContainText('Ingress · TCP 22 (SSH) from 203.0.113.0/24');
  await groups.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await groups.accepted('2 rules deleted');
  await expect(page.getByText('No ingress rules: nothing can reach the instances through this group.')).toBeVisible();
});

test('an instance’s groups: listed with what they let in, one added and one removed on the running instance', async ({ page }) => {
  const { security_group: ssh } = await neutron<{ security_group: { id: string } }>('demo', 'POST', '/security-groups', { security_group: { name: 'ssh-in', description: '' } });
  await neutron('demo', 'POST', '/security-group-rules', {
    security_group_rule: { security_group_id: ssh.id, direction: 'ingress', protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '198.51.100.0/24' },
  });
  const { networks } = await neutron<{ networks: { id: string }[] }>('demo', 'GET', '/networks?name=private');
  const { server } = await nova<{ server: { id: string } }>('demo', 'POST', '/servers', {
    server: { name: 'web-1', imageRef: await idByName('demo', 'images', 'cirros'), flavorRef: await idByName('demo', 'flavors', 'm1.tiny'), networks: [{ uuid: networks[0]!.id }] },
  });
  await cloud.advance(120);

  await page.goto(`/project/compute/instances/${server.id}`);
  const section = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'Security groups', exact: true }) });
  const applied = section.getByRole('list', { name: 'Security groups of this instance' });
  await expect(applied.getByRole('link', { name: 'default' })).toBeVisible();
  await expect(applied).toContainText('any protocol (IPv4) from members of this group');

  await section.getByLabel('Add a security group').selectOption({ label: 'ssh-in' });
  await section.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Security group ssh-in added' })).toBeVisible();
  await expect(applied.getByRole('link', { name: 'ssh-in' })).toBeVisible();
  await expect(applied).toContainText('TCP 22 (SSH) from 198.51.100.0/24');

  // A group in use: the list says where, and Neutron's refusal to delete it is explained.
  const groups = new SecurityGroupsPage(page);
  await groups.goto();
  await expect(groups.row('ssh-in')).toContainText('1 port · 1 instance');
  await groups.row('ssh-in').getByRole('button', { name: 'Delete ssh-in' }).click();
  await expect(groups.dialog).toContainText('It is still on 1 port (1 instance).');
  await groups.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Neutron refused: the group is still on the ports of some instances.' })).toBeVisible();
  await expect(groups.row('ssh-in')).toBeVisible();

  await page.goto(`/project/compute/instances/${server.id}`);

  await section.getByRole('button', { name: 'Remove default' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Security group default removed' })).toBeVisible();
  await expect(applied.getByRole('link', { name: 'default' })).toHaveCount(0);
  await expect(section.getByLabel('Add a security group').locator('option', { hasText: 'default' })).toHaveCount(1);
});

test('Neutron’s own refusal (rule quota used up) is shown in the form with its request ID', async ({ page }) => {
  const { security_group: group } = await neutron<{ security_group: { id: string } }>('demo', 'POST', '/security-groups', { security_group: { name: 'tight', description: '' } });
  const { projects } = await keystone<{ projects: { id: string }[] }>('GET', '/projects?name=demo');
  const { security_group_rules: rules } = await neutron<{ security_group_rules: unknown[] }>('demo', 'GET', `/security-group-rules?project_id=${projects[0]!.id}`);
  await neutron('admin', 'PUT', `/quotas/${projects[0]!.id}`, { quota: { security_group_rule: rules.length } });

  await page.goto(`/project/network/security-groups/${group.id}`);
  const groups = new SecurityGroupsPage(page);
  await groups.openRuleEditor();
  await groups.template('HTTPS');
  await groups.submitRule();
  await expect(groups.dialog.getByText('Neutron refused: the project\'s security group rule quota is used up.', { exact: false })).toBeVisible();
  await expect(groups.dialog.getByText(/^Request ID: req-/)).toBeVisible();
});
