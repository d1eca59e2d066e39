import { type Locator, type Page, expect } from '@playwright/test';

/** The floating IPs list with its dialogs, and the floating IP section of an instance's page. */
export class FloatingIpsPage {
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Floating IPs' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/project/network/floating-ips${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Floating IPs' })).toBeVisible();
  }

  row(address: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: address, exact: true }) });
  }

  /** Allocates from the named pool and answers the new address, read from the toast. */
  async allocate(pool: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Allocate IP' }).click();
    await this.dialog.getByLabel('Pool (external network)').selectOption({ label: pool });
    await this.dialog.getByRole('button', { name: 'Allocate IP' }).click();
    const toast = this.page.getByRole('status').filter({ hasText: /^Allocated / });
    await expect(toast).toBeVisible();
    return (await toast.getByText(/^Allocated /).textContent())!.replace('Allocated ', '').trim();
  }

  /** The toast that says the cloud did it. */
  async done(text: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: text })).toBeVisible();
  }

  async confirm(button: string): Promise<void> {
    await this.dialog.getByRole('button', { name: button, exact: true }).click();
  }

  /** The instance page's section. */
  async openInstance(serverId: string): Promise<Locator> {
    await this.page.goto(`/project/compute/instances/${serverId}`);
    const section = this.page.locator('section').filter({ has: this.page.getByRole('heading', { level: 2, name: 'Floating IPs', exact: true }) });
    await expect(section.getByRole('button', { name: 'Associate floating IP' })).toBeEnabled();
    return section;
  }
}
