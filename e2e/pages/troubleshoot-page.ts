import { type Locator, type Page, expect } from '@playwright/test';

/** The connectivity troubleshooter: its form, the verdict, the path's steps and the suggested rule. */
export class TroubleshootPage {
  readonly form: Locator;
  readonly verdict: Locator;
  readonly path: Locator;
  readonly suggestion: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'What to check' });
    this.verdict = page.getByTestId('trace-verdict');
    this.path = page.getByRole('list', { name: /^Path from / });
    this.suggestion = page.getByRole('region', { name: 'Suggested rule' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/project/network/troubleshoot${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Connectivity troubleshooter' })).toBeVisible();
  }

  /** One step of the path, by its title ("Floating IP", "Security groups (ingress)", …). */
  step(title: string): Locator {
    return this.path.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }

  async check(): Promise<void> {
    await this.form.getByRole('button', { name: 'Check', exact: true }).click();
  }

  async checkAgain(): Promise<void> {
    await this.page.getByRole('button', { name: 'Check again' }).click();
  }

  async addSuggestedRule(): Promise<void> {
    await this.suggestion.getByRole('button', { name: 'Add this rule' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Rule added; checked again.' })).toBeVisible();
  }
}
