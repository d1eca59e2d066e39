import { type Locator, type Page, expect } from '@playwright/test';

/** The volumes page: volumes, snapshots and types, with their dialogs. */
export class VolumesPage {
  readonly volumes: Locator;
  readonly snapshots: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.volumes = page.getByRole('table', { name: 'Volumes' });
    this.snapshots = page.getByRole('table', { name: 'Volume snapshots' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.goto('/project/volumes');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Volumes' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.volumes.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  async create(fields: { name: string; sizeGb: number; image?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Create volume' }).first().click();
    await this.dialog.getByLabel('Name').fill(fields.name);
    if (fields.image) {
      await this.dialog.getByLabel('Source').selectOption('image');
      const select = this.dialog.getByLabel('Image', { exact: true });
      const option = select.locator('option').filter({ hasText: fields.image }).first();
      await expect(option).toBeAttached();
      await select.selectOption((await option.getAttribute('value'))!);
    }
    await this.dialog.getByLabel('Size (GB)').fill(String(fields.sizeGb));
    await this.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  }

  /** The toast that says the cloud accepted a request: only then may a spec move the cloud's clock on. */
  async accepted(text: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: text })).toBeVisible();
  }

  async act(action: string, volume: string): Promise<void> {
    await this.page.getByRole('button', { name: `${action} ${volume}`, exact: true }).click();
  }
}
