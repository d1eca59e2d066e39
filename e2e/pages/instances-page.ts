import { type Locator, type Page, expect } from '@playwright/test';

/** The instances list, its launch form and an instance's page. */
export class InstancesPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Instances' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/project/compute/instances${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Instances' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** Picks the first option whose text matches: option labels carry hints after the name. */
  private async choose(label: string, text: RegExp): Promise<void> {
    const select = this.page.getByLabel(label, { exact: true });
    const option = select.locator('option').filter({ hasText: text }).first();
    await select.selectOption((await option.getAttribute('value'))!);
  }

  async launch(fields: { name: string; image: RegExp; flavor: RegExp; count?: number; keyPair?: string }): Promise<void> {
    await this.page.goto('/project/compute/instances/launch');
    await this.page.getByLabel('Instance name').fill(fields.name);
    if (fields.count) await this.page.getByLabel('Count').fill(String(fields.count));
    await this.choose('Image', fields.image);
    await this.choose('Flavor', fields.flavor);
    if (fields.keyPair) await this.page.getByLabel('Key pair').selectOption(fields.keyPair);
    await this.page.getByRole('button', { name: /^Launch/ }).click();
  }

  async act(name: string, action: string, confirm = false): Promise<void> {
    await this.row(name).getByRole('button', { name: `Actions for ${name}` }).click();
    await this.page.getByRole('menuitem', { name: action, exact: true }).click();
    if (confirm) await this.page.getByRole('dialog').getByRole('button', { name: action, exact: true }).click();
  }
}
