import { type Locator, type Page, expect } from '@playwright/test';

/** The flavors list and the admin's create / replace form. */
export class FlavorsPage {
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Flavors' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.goto('/project/compute/flavors');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Flavors' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  async fill(fields: { name?: string; vcpus?: number; ramMb?: number; diskGb?: number; extraSpecs?: string }): Promise<void> {
    if (fields.name !== undefined) await this.dialog.getByLabel('Name').fill(fields.name);
    if (fields.vcpus !== undefined) await this.dialog.getByLabel('vCPUs').fill(String(fields.vcpus));
    if (fields.ramMb !== undefined) await this.dialog.getByLabel('RAM (MB)').fill(String(fields.ramMb));
    if (fields.diskGb !== undefined) await this.dialog.getByLabel('Root disk (GB)').fill(String(fields.diskGb));
    if (fields.extraSpecs !== undefined) await this.dialog.getByLabel('Extra specs').fill(fields.extraSpecs);
  }

  async toast(text: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: text })).toBeVisible();
  }
}
