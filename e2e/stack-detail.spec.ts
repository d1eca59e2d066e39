import { expect, test } from '@playwright/test';

import { LoginPage } from './pages/login-page';
import { StackDetailPage, createStackAs } from './pages/stack-detail-page';
import { BffClient } from './support/bff-client';
import { cloud } from './support/cloud';
import { E2E } from './support/env';

const TEMPLATE = `heat_template_version: 2016-10-14
description: Stack detail e2e
parameters:
  db_password: {type: string, hidden: true, default: s3cret}
resources:
  web:
    type: OS::Nova::Server
    properties: {image: cirros, flavor: m1.tiny, networks: [{network: private}]}
  data:
    type: OS::Cinder::Volume
    properties: {size: 1}
  asg:
    type: OS::Heat::AutoScalingGroup
    properties:
      min_size: 1
      max_size: 3
      cooldown: 60
      resource:
        type: OS::Nova::Server
        properties: {image: cirros, flavor: m1.tiny, networks: [{network: private}]}
  scale_up:
    type: OS::Heat::ScalingPolicy
    properties: {auto_scaling_group_id: {get_resource: asg}, adjustment_type: change_in_capacity, scaling_adjustment: 1, cooldown: 60}
  scale_down:
    type: OS::Heat::ScalingPolicy
    properties: {auto_scaling_group_id: {get_resource: asg}, adjustment_type: change_in_capacity, scaling_adjustment: -1}
outputs:
  scale_up_url: {value: {get_attr: [scale_up, signal_url]}}
  scale_down_url: {value: {get_attr: [scale_down, alarm_url]}}
  server_info: {value: {get_attr: [web, show]}}
  docs_link: {value: 'https://docs.openstack.org/heat/latest/'}
  note: {value: 'javascript:alert(1)'}
  foreign_url: {value: 'http://evil.example/heat-api/v1/x/stacks/a/b/resources/scale_up/signal'}
`;

test.beforeEach(async () => {
  await cloud.reset('demo');
  await cloud.manualClock();
});

test('stack page: tabs, links to what the stack built, outputs by kind, Scale up 1 → 2 then in cooldown', async ({ page }) => {
  const id = await createStackAs('demo', 'e2e-web', TEMPLATE);
  await cloud.advance(120);
  await new LoginPage(page).loginAs('demo');
  const stack = new StackDetailPage(page);
  await stack.goto(id, 'e2e-web');
  await expect(page.getByTestId('stack-status')).toContainText('CREATE');

  const overview = page.getByRole('tabpanel', { name: 'Overview' });
  await expect(overview.getByRole('row', { name: /db_password/ })).toContainText('Hidden');
  await expect(overview).not.toContainText('s3cret');

  const resources = await stack.tab('Resources');
  const links = resources.getByRole('table', { name: 'Resources of the stack' });
  await expect(links.getByRole('row', { name: /^web / }).getByRole('link')).toHaveAttribute('href', /^\/project\/compute\/instances\/[0-9a-f-]{36}$/);
  await expect(links.getByRole('row', { name: /^data / }).getByRole('link')).toHaveAttribute('href', /^\/project\/volumes\/[0-9a-f-]{36}$/);
  await expect(links.getByRole('row', { name: /^asg / }).getByRole('link')).toHaveAttribute('href', /^\/project\/orchestration\/stacks\/[0-9a-f-]{36}$/);
  await resources.getByLabel('Nested depth').selectOption('2');
  await expect(links.getByText('In nested stack', { exact: false })).toHaveCount(1);

  const topology = await stack.tab('Topology');
  await expect(topology.getByTestId('topology-list').getByRole('listitem').filter({ hasText: 'scale_up' })).toContainText('needs asg');
  await topology.getByRole('link', { name: /^web, OS::Nova::Server/ }).focus();
  await expect(topology.getByRole('link', { name: /^web, OS::Nova::Server/ })).toBeFocused();

  const events = await stack.tab('Events');
  await expect(events.getByRole('table', { name: /Events of the stack/ }).locator('tbody tr[data-event-status]').first()).toBeVisible();
  await events.getByLabel('Resource').selectOption('data');
  await expect(events.locator('tbody tr[data-event-status]')).toHaveCount(2);
  await expect(events.locator('tbody tr[data-event-status]').first()).toHaveAttribute('data-event-status', 'CREATE_COMPLETE');

  const template = await stack.tab('Template');
  await expect(template.getByRole('heading', { name: /^Template · \d+ lines$/ })).toBeVisible();
  await expect(template.getByRole('button', { name: 'Copy' }).first()).toBeVisible();
  await expect(template).toContainText('description: Stack detail e2e');

  await stack.tab('Outputs');
  await expect(stack.output('docs_link').getByRole('link')).toHaveAttribute('target', '_blank');
  await expect(stack.output('docs_link').getByRole('link')).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(stack.output('note').getByRole('link')).toHaveCount(0);
  await expect(stack.output('note')).toContainText('javascript:alert(1)');
  await expect(stack.output('server_info')).toHaveAttribute('data-kind', 'json');
  await expect(stack.output('server_info')).toContainText('"name": "web"');
  await expect(stack.output('foreign_url').getByRole('button')).toHaveCount(0);
  await expect(stack.output('foreign_url')).toContainText('another host than your cloud');
  await expect(stack.output('scale_down_url').getByRole('button', { name: 'Scale down' })).toBeVisible();

  const result = await stack.signal('scale_up_url', 'Scale up', /^POST http:\/\/127\.0\.0\.1:\d+\/heat-api\/v1\/\w+\/stacks\/e2e-web\/[0-9a-f-]+\/resources\/scale_up\/signal$/);
  await expect(result).toHaveText(/Group asg: 1 → 2 members/);
  const again = await stack.signal('scale_up_url', 'Scale up', /resources\/scale_up\/signal$/);
  await expect(again).toHaveText(/In cooldown until \d{1,2}:\d{2}:\d{2}/);

  await cloud.advance(120);
  const scaling = await stack.tab('Scaling');
  const group = scaling.locator('[data-group="asg"]');
  await expect(group.getByRole('table', { name: 'Members of group asg' }).locator('tbody tr')).toHaveCount(2);
  await expect(group.getByRole('table', { name: 'Members of group asg' })).toContainText('ACTIVE');
  const policies = group.getByRole('table', { name: 'Scaling policies' });
  await expect(policies.getByRole('row', { name: /^scale_up / })).toContainText('scale_up_url');
  await expect(policies.getByRole('row', { name: /^scale_up / })).toContainText('change_in_capacity: +1');
});

test('a signal the guard refuses is never sent: the BFF answers 403 for a foreign URL output', async () => {
  const id = await createStackAs('demo', 'e2e-foreign', TEMPLATE);
  await cloud.advance(120);
  const bff = new BffClient(E2E.dashboardUrl);
  expect((await bff.login('demo')).ok).toBe(true);
  const response = await bff.request('POST', `/api/stacks/${id}/outputs/foreign_url/signal`);
  expect(response.status).toBe(403);
  expect(((await response.json()) as { error: { fields: { url: string } } }).error.fields.url).toBe('host');
  const missing = await bff.request('POST', `/api/stacks/${id}/outputs/no_such_output/signal`);
  expect(missing.status).toBe(404);
  const notSignal = await bff.request('POST', `/api/stacks/${id}/outputs/docs_link/signal`);
  expect(notSignal.status).toBe(400);
});
