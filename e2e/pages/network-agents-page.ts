import { type Locator, type Page, expect } from '@playwright/test';

/** Admin › Network agents. */
export class NetworkAgentsPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Network agents' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/network');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Network agents' })).toBeVisible();
  }

  rows(text: string | RegExp): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }
}
