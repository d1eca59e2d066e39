import { type Locator, type Page, expect } from '@playwright/test';

/** The security groups list, a group's page with its rules, and the rule editor dialog. */
export class SecurityGroupsPage {
  readonly groups: Locator;
  readonly ingress: Locator;
  readonly egress: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.groups = page.getByRole('table', { name: 'Security groups' });
    this.ingress = page.getByRole('table', { name: 'Ingress rules' });
    this.egress = page.getByRole('table', { name: 'Egress rules' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.goto('/project/network/security-groups');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Security groups' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.groups.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async openGroup(name: string): Promise<void> {
    await this.row(name).getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: `Security group ${name}` })).toBeVisible();
  }

  async createGroup(name: string, description = ''): Promise<void> {
    await this.page.getByRole('button', { name: 'Create security group' }).click();
    await this.dialog.getByLabel('Name').fill(name);
    await this.dialog.getByLabel('Description').fill(description);
    await this.dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: `Security group ${name}` })).toBeVisible();
  }

  async openRuleEditor(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add rule' }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Picks a template by its name as the list shows it ("SSH", "DNS", "Custom rule"). */
  async template(name: string): Promise<void> {
    const select = this.dialog.getByLabel('Rule', { exact: true });
    const option = select.locator('option').filter({ hasText: new RegExp(`^${name}( ·|$)`) });
    await select.selectOption((await option.getAttribute('value'))!);
  }

  async submitRule(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Add', exact: true }).click();
  }

  /** The toast that says the cloud took a change. */
  async accepted(text: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: text })).toBeVisible();
  }

  async selectRule(words: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `Select rule ${words}`, exact: true }).check();
  }
}
