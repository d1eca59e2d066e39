import { expect, test } from '@playwright/test';

import { ConsolePage } from './pages/console-page';
import { LoginPage } from './pages/login-page';
import { cloud } from './support/cloud';

test.beforeEach(async () => {
  await cloud.reset('demo');
});

test('logout revokes the tokens and clears the cookie; the old cookie no longer works', async ({ page, context }) => {
  await new LoginPage(page).loginAs('demo');
  const before = await context.cookies();
  const session = before.find((c) => c.name === 'zenith_session');
  expect(session).toBeDefined();

  await new ConsolePage(page).logout('demo');
  await expect(page.getByRole('status')).toContainText('Both of your Keystone tokens were revoked');
  expect((await context.cookies()).find((c) => c.name === 'zenith_session')).toBeUndefined();

  // Replay the old cookie: the BFF still can decrypt it, but Keystone refuses its tokens.
  await context.addCookies([session!]);
  const response = await page.request.get('/api/overview');
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe('session_revoked');
});

test('an expired token sends the user to the login page with a message', async ({ page }) => {
  await cloud.manualClock();
  await new LoginPage(page).loginAs('demo');
  await cloud.advance(2 * 3600);
  await page.reload();
  await expect(page).toHaveURL(/\/login\?reason=session_revoked$/);
  await expect(page.getByRole('status')).toContainText('Your token is no longer valid');
});

test('a token revoked behind Zenith’s back ends the session on the next data refresh', async ({ page }) => {
  await new LoginPage(page).loginAs('demo');
  await cloud.reset('demo');
  await new ConsolePage(page).nav('API Access');
  await expect(page).toHaveURL(/\/login\?reason=session_revoked$/);
});
