import type { Page } from '@playwright/test';

/** Logs the page in to the dashboard at dashboardUrl through its login form (password "secret") and waits for the project overview. */
export async function browserLogin(page: Page, dashboardUrl: string, user = 'demo'): Promise<void> {
  await page.goto(`${dashboardUrl}/login`);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill('secret');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/project\/overview$/);
}
