import { existsSync } from 'node:fs';
import path from 'node:path';

import { type Locator, type Page, expect } from '@playwright/test';

const SHARED = path.resolve(process.cwd(), '../shared/fixtures/heat');
const LOCAL = path.resolve(process.cwd(), 'emulator/services/orchestration/hot/fixtures');

/** A seed template file ("rhosp16-gnocchi/cirros.yaml"), from the shared fixtures or the repository's copy. */
export function heatFixture(file: string): string {
  const shared = path.join(SHARED, file);
  return existsSync(shared) ? shared : path.join(LOCAL, file);
}

/** The stacks list, the launch wizard and the update page. */
export class StacksPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Stacks' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/project/orchestration/stacks');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Stacks' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async startLaunch(): Promise<void> {
    await this.page.getByRole('link', { name: 'Launch stack' }).first().click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Launch stack' })).toBeVisible();
  }

  async uploadTemplate(file: string): Promise<void> {
    await this.page.getByLabel('Upload a template file').setInputFiles(heatFixture(file));
  }

  async uploadEnvironment(file: string): Promise<void> {
    await this.page.getByLabel('Upload an environment file').setInputFiles(heatFixture(file));
  }

  async uploadFiles(files: string[]): Promise<void> {
    await this.page.getByLabel('Upload referenced files').setInputFiles(files.map(heatFixture));
  }

  reference(name: string): Locator {
    return this.page.getByTestId('stack-reference').filter({ hasText: name });
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next', exact: true }).click();
  }

  async preview(name: string): Promise<void> {
    await this.page.getByLabel('Stack name').fill(name);
    await this.page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(this.page.getByTestId('stack-preview')).toBeVisible();
  }

  async create(): Promise<void> {
    await this.page.getByRole('button', { name: 'Create stack' }).click();
  }

  /** Create answered: the browser is on the new stack's page (its id in the URL). */
  async created(): Promise<void> {
    await expect(this.page).toHaveURL(/\/project\/orchestration\/stacks\/[0-9a-f-]{36}$/);
  }

  /** The toast that says the cloud accepted a request: only then may a spec move the cloud's clock on. */
  async accepted(text: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: text })).toBeVisible();
  }

  /** Opens a stack's actions menu with the keyboard and confirms the action. */
  async act(stack: string, action: 'Suspend' | 'Resume' | 'Check' | 'Delete'): Promise<void> {
    const menuButton = this.page.getByRole('button', { name: `Actions for ${stack}` });
    await menuButton.focus();
    await this.page.keyboard.press('ArrowDown');
    const items = this.page.getByRole('menu', { name: `Actions for ${stack}` }).getByRole('menuitem');
    await expect(items.first()).toBeFocused();
    const index = (await items.allTextContents()).indexOf(action);
    expect(index, `${action} is offered`).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < index; i++) await this.page.keyboard.press('ArrowDown');
    await expect(items.nth(index)).toBeFocused();
    await this.page.keyboard.press('Enter');
    await this.page.getByRole('dialog').getByRole('button', { name: action, exact: true }).click();
  }
}
