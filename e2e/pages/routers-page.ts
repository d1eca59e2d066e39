import { type Locator, type Page, expect } from '@playwright/test';

/** The routers list and a router's page: gateway, interfaces and static routes. */
export class RoutersPage {
  readonly table: Locator;
  readonly dialog: Locator;
  readonly interfaces: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Routers' });
    this.dialog = page.getByRole('dialog');
    this.interfaces = page.getByRole('table', { name: 'Interfaces' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/project/network/routers');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Routers' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async create(name: string, externalNetwork: string | null): Promise<void> {
    await this.page.getByRole('button', { name: 'Create router' }).click();
    await this.dialog.getByLabel('Name', { exact: true }).fill(name);
    await this.dialog.getByLabel('External network').selectOption({ label: externalNetwork ?? 'No external gateway' });
    await this.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  }

  async open(name: string): Promise<void> {
    await this.row(name).getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  async setGateway(externalNetwork: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Set gateway' }).click();
    await this.dialog.getByLabel('External network').selectOption({ label: externalNetwork });
    await this.dialog.getByRole('button', { name: 'Save' }).click();
  }

  async addInterface(subnetLabel: RegExp): Promise<void> {
    await this.page.getByRole('button', { name: 'Add interface' }).click();
    const select = this.dialog.getByLabel('Subnet');
    const option = select.locator('option').filter({ hasText: subnetLabel }).first();
    await expect(option).toBeAttached();
    await select.selectOption((await option.getAttribute('value'))!);
    await this.dialog.getByRole('button', { name: 'Add interface' }).click();
  }

  async done(text: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: text })).toBeVisible();
  }
}
