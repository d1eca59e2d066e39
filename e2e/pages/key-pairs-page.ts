import { type Locator, type Page, expect } from '@playwright/test';

/** The key pairs list, with the create, import and private-key dialogs. */
export class KeyPairsPage {
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Your key pairs' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.goto('/project/compute/key-pairs');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Key Pairs' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  async importKey(name: string, publicKey: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Import public key' }).click();
    await this.dialog.getByLabel('Name').fill(name);
    await this.dialog.getByLabel('Public key').fill(publicKey);
    await this.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  }
}
