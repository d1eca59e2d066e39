import { type Locator, type Page, expect } from '@playwright/test';

/** The app shell every console page shares: header switchers, user menu and navigation. */
export class ConsolePage {
  readonly projectSelect: Locator;
  readonly regionSelect: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.projectSelect = page.getByLabel('Project', { exact: true });
    this.regionSelect = page.getByLabel('Region', { exact: true });
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async switchProject(name: string): Promise<void> {
    await this.projectSelect.selectOption({ label: name });
  }

  async switchRegion(name: string): Promise<void> {
    await this.regionSelect.selectOption(name);
  }

  async openUserMenu(userName: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^${userName}`) }).click();
  }

  async logout(userName: string): Promise<void> {
    await this.openUserMenu(userName);
    await this.page.getByRole('button', { name: 'Log out' }).click();
    await expect(this.page).toHaveURL(/\/login\?reason=logged_out$/);
  }

  async nav(name: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true }).click();
  }
}
