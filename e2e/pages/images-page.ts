import { type Locator, type Page, expect } from '@playwright/test';

/** The images list, its create and edit dialogs, and an image's page. */
export class ImagesPage {
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Images' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/project/compute/images${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async openCreate(): Promise<void> {
    await this.page.getByRole('button', { name: 'Create image' }).click();
    await expect(this.dialog).toBeVisible();
  }

  async createFromFile(name: string, bytes: Buffer): Promise<void> {
    await this.openCreate();
    await this.dialog.getByLabel('Name').fill(name);
    await this.dialog.getByLabel('Image file').setInputFiles({ name: `${name}.qcow2`, mimeType: 'application/octet-stream', buffer: bytes });
    await this.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  }

  async createFromUrl(name: string, url: string): Promise<void> {
    await this.openCreate();
    await this.dialog.getByLabel('Fetch from a URL').check();
    await this.dialog.getByLabel('Name').fill(name);
    await this.dialog.getByLabel('Image URL (http or https)').fill(url);
    await this.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  }

  toast(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text }).or(this.page.getByRole('alert').filter({ hasText: text }));
  }
}
