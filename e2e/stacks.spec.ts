import { expect, test } from '@playwright/test';

import { LoginPage } from './pages/login-page';
import { StacksPage } from './pages/stacks-page';
import { cloud } from './support/cloud';

// A small template with parameters, for the update: two ports whose names come from a parameter.
const PORTS = [
  'heat_template_version: 2018-08-31',
  'description: two named ports',
  'parameters:',
  '  prefix:',
  '    type: string',
  '    default: web',
  '    constraints:',
  '      - allowed_pattern: "[a-z]+"',
  '        description: Lower-case letters only',
  '  net:',
  '    type: string',
  '    default: private',
  '    constraints: [{custom_constraint: neutron.network}]',
  'resources:',
  '  a: {type: OS::Neutron::Port, properties: {network: {get_param: net}, name: {list_join: ["-", [{get_param: prefix}, a]]}}}',
  '  b: {type: OS::Neutron::Port, properties: {network: {get_param: net}, name: {list_join: ["-", [{get_param: prefix}, b]]}}}',
].join('\n');

test.beforeEach(async ({ page }) => {
  await cloud.reset('demo');
  await cloud.manualClock();
  await new LoginPage(page).loginAs('demo');
});

test('a YAML error shows its line and column and the offending line', async ({ page }) => {
  const stacks = new StacksPage(page);
  await stacks.goto();
  await expect(page.getByText('This project has no stacks yet.')).toBeVisible();
  await stacks.startLaunch();
  await stacks.uploadTemplate('rhosp16-gnocchi/template.as-published.yaml');
  await stacks.next();
  await expect(page.getByText(/line 2, column 3/).first()).toBeVisible();
  await expect(page.getByTestId('yaml-error-line')).toContainText('Line 2, column 3:');
  await expect(page.getByTestId('yaml-error-line')).toContainText('description: Example auto scale group, policy and alarm');
});

test('launch the Japanese guide’s scenario with its environment and file, then suspend, resume and delete it', async ({ page }) => {
  const stacks = new StacksPage(page);
  await stacks.goto();
  await stacks.startLaunch();
  await stacks.uploadTemplate('rhosp16-gnocchi/template.yaml');
  await stacks.uploadEnvironment('rhosp16-gnocchi/environment.yaml');
  await expect(stacks.reference('~/stacks/example1/cirros.yaml')).toContainText('missing');
  await stacks.uploadFiles(['rhosp16-gnocchi/cirros.yaml']);
  await expect(stacks.reference('~/stacks/example1/cirros.yaml')).toContainText('found');
  await stacks.next();
  await expect(page.getByText('The template has no parameters.')).toBeVisible();
  await stacks.preview('example1');
  await expect(page.getByTestId('stack-preview')).toContainText('OS::Heat::AutoScalingGroup');
  await expect(page.getByTestId('stack-preview')).toContainText('OS::Aodh::GnocchiAggregationByResourcesAlarm × 2');
  await stacks.create();
  await stacks.created();

  await stacks.goto();
  await expect(stacks.row('example1')).toContainText(/CREATE (in progress|complete)/);
  await cloud.advance(120);
  // The list polls while a stack is in progress.
  await expect(stacks.row('example1')).toContainText('CREATE complete');

  await stacks.act('example1', 'Suspend');
  await stacks.accepted('Suspend of example1 started');
  await cloud.advance(60);
  await page.reload();
  await expect(stacks.row('example1')).toContainText('SUSPEND complete');

  await stacks.act('example1', 'Resume');
  await stacks.accepted('Resume of example1 started');
  await cloud.advance(60);
  await page.reload();
  await expect(stacks.row('example1')).toContainText('RESUME complete');

  await stacks.act('example1', 'Delete');
  await stacks.accepted('Deletion of example1 started');
  await cloud.advance(120);
  await page.reload();
  await expect(page.getByText('This project has no stacks yet.')).toBeVisible();
});

test('parameters are checked at the field; updates change a parameter of the current template, then give a new template', async ({ page }) => {
  const stacks = new StacksPage(page);
  await stacks.goto();
  await stacks.startLaunch();
  await page.getByLabel('Template (YAML or JSON)').fill(PORTS);
  await expect(page.getByText('The template and environment reference no other files.')).toBeVisible();
  await stacks.next();
  await page.getByLabel('prefix', { exact: true }).fill('Web1');
  await page.getByLabel('Stack name').fill('1ports');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByText('Lower-case letters only')).toBeVisible();
  await expect(page.getByText('Start with a letter; then use letters, digits, “_”, “-” or “.”.')).toBeVisible();
  await page.getByLabel('prefix', { exact: true }).fill('web');
  await expect(page.getByLabel('net', { exact: true })).toHaveValue('private');
  await stacks.preview('ports');
  await expect(page.getByTestId('stack-preview')).toContainText('OS::Neutron::Port × 2');
  await stacks.create();
  await stacks.created();
  await cloud.advance(60);

  await stacks.goto();
  await expect(stacks.row('ports')).toContainText('CREATE complete');
  const id = (await stacks.row('ports').getByRole('link', { name: 'ports', exact: true }).getAttribute('href'))!.split('/').pop()!;
  await page.goto(`/project/orchestration/stacks/${id}/update`);
  await expect(page.getByRole('heading', { level: 1, name: 'Update stack ports' })).toBeVisible();
  await expect(page.getByLabel('prefix', { exact: true })).toHaveValue('web');
  await page.getByLabel('prefix', { exact: true }).fill('app');
  await page.getByRole('button', { name: 'Preview changes' }).click();
  await expect(page.getByTestId('update-changes')).toContainText(/(Updated|Replaced)\s*a, b/);
  await page.getByRole('button', { name: 'Update stack' }).click();
  await expect(page).toHaveURL(new RegExp(`/project/orchestration/stacks/${id}$`));
  await cloud.advance(60);

  await stacks.goto();
  await expect(stacks.row('ports')).toContainText('UPDATE complete');

  // A new template: the same ports and a third one.
  await page.goto(`/project/orchestration/stacks/${id}/update`);
  await page.getByLabel('A new template').check();
  await page.getByLabel('Template (YAML or JSON)').fill(`${PORTS}\n  c: {type: OS::Neutron::Port, properties: {network: {get_param: net}}}`);
  await stacks.next();
  await expect(page.getByLabel('prefix', { exact: true })).toHaveValue('app');
  await page.getByRole('button', { name: 'Preview changes' }).click();
  await expect(page.getByTestId('update-changes')).toContainText(/Added\s*c/);
  await page.getByRole('button', { name: 'Update stack' }).click();
  await expect(page).toHaveURL(new RegExp(`/project/orchestration/stacks/${id}$`));
  await cloud.advance(60);
  await stacks.goto();
  await expect(stacks.row('ports')).toContainText('UPDATE complete');
  await stacks.act('ports', 'Check');
  await stacks.accepted('Check of ports started');
  await cloud.advance(60);
  await page.reload();
  await expect(stacks.row('ports')).toContainText('CHECK complete');
});

test('launch the English guide’s scenarios unchanged: a file:// registry entry, and a group whose member type is a file URL', async ({ page }) => {
  const stacks = new StacksPage(page);
  await stacks.goto();
  await stacks.startLaunch();
  await stacks.uploadTemplate('rhosp8-cpu/example.yaml');
  await stacks.uploadEnvironment('rhosp8-cpu/environment.yaml');
  await stacks.uploadFiles(['rhosp8-cpu/cirros.yaml']);
  await expect(stacks.reference('file:///etc/heat/templates/cirros.yaml')).toContainText('found');
  await stacks.next();
  await stacks.preview('cpu');
  await stacks.create();
  await stacks.created();

  await stacks.goto();
  await stacks.startLaunch();
  await stacks.uploadTemplate('rhosp8-webapp/lb-webserver-rhel7.yaml');
  await expect(stacks.reference('file:///etc/heat/templates/lb-env.yaml')).toContainText('missing');
  await stacks.uploadFiles(['rhosp8-webapp/lb-env.yaml']);
  await expect(stacks.reference('file:///etc/heat/templates/lb-env.yaml')).toContainText('found');
  await stacks.next();
  // Parameters start from the template's defaults, and the web farm deploys with them unchanged.
  await expect(page.getByLabel('image', { exact: true })).toHaveValue('RHEL 7');
  await expect(page.getByLabel('key_name', { exact: true })).toHaveValue('admin');
  await expect(page.getByLabel('flavor', { exact: true })).toHaveValue('m2.tiny');
  await stacks.preview('webfarm');
  await expect(page.getByTestId('stack-preview')).toContainText('OS::Heat::AutoScalingGroup');
  await stacks.create();
  await stacks.created();

  await stacks.goto();
  await cloud.advance(120);
  await expect(stacks.row('cpu')).toContainText('CREATE complete');
  await expect(stacks.row('webfarm')).toContainText('CREATE complete');
});
