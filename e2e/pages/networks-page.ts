import { type Locator, type Page, expect } from '@playwright/test';

/** The networks list and a network's page, with their dialogs. */
export class NetworksPage {
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Networks' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.goto('/project/network/networks');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Networks' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async create(fields: { name: string; subnet?: { name: string; cidr: string } }): Promise<void> {
    await this.page.getByRole('button', { name: 'Create network' }).click();
    await this.dialog.getByLabel('Name', { exact: true }).fill(fields.name);
    if (fields.subnet) {
      await this.dialog.getByLabel('Subnet name').fill(fields.subnet.name);
      await this.dialog.getByLabel('Network address (CIDR)').fill(fields.subnet.cidr);
    } else {
      await this.dialog.getByLabel('Create a first subnet now').uncheck();
    }
    await this.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  }

  async open(name: string): Promise<void> {
    await this.row(name).getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** On a network's page: fills the add-subnet form and submits it. */
  async addSubnet(fields: { name: string; cidr: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add subnet' }).click();
    await this.dialog.getByLabel('Subnet name').fill(fields.name);
    await this.dialog.getByLabel('Network address (CIDR)').fill(fields.cidr);
    await this.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  }

  /** The toast that says the request went through. */
  async done(text: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: text })).toBeVisible();
  }
}
