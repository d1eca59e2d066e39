import { type Locator, type Page, expect } from '@playwright/test';

/** The alarms list, an alarm's page (summary, history timeline) and the create/edit form. */
export class AlarmsPage {
  readonly list: Locator;
  readonly history: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('table', { name: 'Alarms' });
    this.history = page.getByTestId('alarm-history');
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.goto('/project/orchestration/alarms');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Alarms' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.list.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** A resources alarm on one instance's cpu_util, through the form; lands on the alarm's page. */
  async createCpuAlarm(name: string, instance: string, threshold: number): Promise<void> {
    await this.page.getByRole('link', { name: 'Create alarm' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Create an alarm' })).toBeVisible();
    await this.page.getByLabel('Name', { exact: true }).fill(name);
    const instances = this.page.getByLabel('Instance', { exact: true });
    await expect(instances.locator('option', { hasText: instance })).toHaveCount(1);
    await instances.selectOption({ label: `${instance} (ACTIVE)` });
    await this.page.getByLabel('Metric', { exact: true }).fill('cpu_util');
    await this.page.getByLabel('Threshold', { exact: true }).fill(String(threshold));
    await this.page.getByRole('button', { name: 'Create alarm' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: `Alarm ${name}` })).toBeVisible();
  }

  async editThreshold(threshold: number): Promise<void> {
    await this.page.getByRole('link', { name: 'Edit', exact: true }).click();
    await this.page.getByLabel('Threshold', { exact: true }).fill(String(threshold));
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(this.page.getByText(/^Alarm .+ saved$/)).toBeVisible();
  }

  historyEntry(kind: 'Created' | 'Rule changed' | 'State changed'): Locator {
    return this.history.getByRole('listitem').filter({ hasText: kind });
  }
}
