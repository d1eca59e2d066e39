import { expect, test } from '@playwright/test';

import { ConsolePage } from './pages/console-page';
import { LoginPage } from './pages/login-page';
import { cloud, createUser, keystone } from './support/cloud';

test.beforeEach(async () => {
  await cloud.reset('demo');
});

test('demo logs in and lands on the overview of project demo', async ({ page }) => {
  const login = new LoginPage(page);
  await login.loginAs('demo');
  const shell = new ConsolePage(page);
  await expect(shell.heading).toHaveText('Project demo');
  await expect(shell.projectSelect).toHaveValue(/.+/);
  await expect(shell.projectSelect.locator('option:checked')).toHaveText('demo');
  await expect(page.getByRole('region', { name: 'Project' }).or(page.locator('dl')).first()).toContainText('demo');
  await expect(page.getByRole('table', { name: 'Services in your catalog' })).toContainText('compute');
});

test('a wrong password says so and keeps the user name', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.login('demo', 'wrong');
  await expect(login.error).toContainText('The domain, user name or password is not right');
  await expect(login.username).toHaveValue('demo');
  await expect(login.domain).toHaveValue('Default');
  await expect(login.password).toHaveValue('');
  await expect(login.password).toBeFocused();
  await expect(page).toHaveURL(/\/login$/);
});

test('empty fields are flagged next to each field without calling the server', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  const calls: string[] = [];
  page.on('request', (r) => r.url().includes('/api/auth/login') && calls.push(r.url()));
  await login.domain.fill('');
  await login.submit.click();
  await expect(page.getByText('Enter the domain')).toBeVisible();
  await expect(page.getByText('Enter your user name.')).toBeVisible();
  await expect(page.getByText('Enter your password.')).toBeVisible();
  await expect(login.username).toHaveAttribute('aria-invalid', 'true');
  expect(calls).toEqual([]);
});

test('a wrong domain gets the same generic message', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.login('demo', 'secret', 'Nowhere');
  await expect(login.error).toContainText('The domain, user name or password is not right');
});

test('a disabled user cannot log in', async ({ page }) => {
  await createUser('sleepy', { project: 'demo', enabled: false });
  const login = new LoginPage(page);
  await login.goto();
  await login.login('sleepy');
  await expect(login.error).toContainText('the account is disabled');
});

test('a user with no projects is told to ask for one', async ({ page }) => {
  await createUser('loner');
  const login = new LoginPage(page);
  await login.goto();
  await login.login('loner');
  await expect(login.error).toContainText('not a member of any enabled project');
});

test('a user whose only project is disabled is told so', async ({ page }) => {
  await createUser('stranded', { project: 'demo' });
  const { projects } = await keystone<{ projects: { id: string }[] }>('GET', '/projects?name=demo');
  await keystone('PATCH', `/projects/${projects[0]!.id}`, { project: { enabled: false } });
  const login = new LoginPage(page);
  await login.goto();
  await login.login('stranded');
  await expect(login.error).toContainText('not a member of any enabled project');
});

test('the console sends a visitor without a session to the login page', async ({ page }) => {
  await page.goto('/project/api-access');
  await expect(page).toHaveURL(/\/login\?reason=session_missing$/);
  await expect(page.getByRole('status')).toContainText('Log in to open that page.');
});
