import { expect, test } from '@playwright/test';

import { LoginPage } from './pages/login-page';
import { cloud } from './support/cloud';

test.beforeEach(async () => {
  await cloud.reset('demo');
});

test.describe('a browser that prefers Japanese', () => {
  test.use({ locale: 'ja-JP', extraHTTPHeaders: { 'Accept-Language': 'ja-JP,ja;q=0.9' } });

  test('gets the login page and the console in Japanese', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(login.submit).toHaveText('ログイン');
    await login.login('demo', 'wrong');
    await expect(login.error).toContainText('ドメイン、ユーザー名、パスワードのいずれかが正しくない');
    await login.login('demo', 'secret');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('プロジェクト demo');
  });
});

test('the language can be switched and the choice sticks', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(login.submit).toHaveText('ログイン');
  await login.login('demo');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('プロジェクト demo');
  await page.getByRole('button', { name: /^demo/ }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Project demo');
});
