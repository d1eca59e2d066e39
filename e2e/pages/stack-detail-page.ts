import { type Locator, type Page, expect } from '@playwright/test';

import { E2E } from '../support/env';
import { projectToken } from '../support/keystone-token';

/** The stack page: its tabs, outputs with signal buttons, and the scaling panel. */
export class StackDetailPage {
  readonly tabs: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.tabs = page.getByRole('tablist', { name: 'Stack sections' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(id: string, name: string): Promise<void> {
    await this.page.goto(`/project/orchestration/stacks/${id}`);
    await expect(this.page.getByRole('heading', { level: 1, name: `Stack ${name}` })).toBeVisible();
  }

  async tab(name: string): Promise<Locator> {
    await this.tabs.getByRole('tab', { name }).click();
    const panel = this.page.getByRole('tabpanel', { name });
    await expect(panel).toBeVisible();
    return panel;
  }

  output(key: string): Locator {
    return this.page.locator(`[data-output="${key}"]`);
  }

  /** Clicks an output's signal button, checks where the dialog says it will POST, and confirms. */
  async signal(key: string, label: string, target: RegExp): Promise<Locator> {
    await this.output(key).getByRole('button', { name: label }).click();
    await expect(this.dialog.getByTestId('signal-target')).toHaveText(target);
    await this.dialog.getByRole('button', { name: 'Send' }).click();
    await expect(this.dialog).toBeHidden();
    return this.page.getByTestId(`signal-result-${key}`);
  }
}

/** Creates a stack straight through the embedded cloud's Heat API as a user; returns its id. */
export async function createStackAs(user: 'demo' | 'admin', name: string, template: string): Promise<string> {
  const token = await projectToken(`${E2E.cloudUrl}/identity/v3`, user, 'secret', user);
  const project = user === 'demo' ? 'a0000000000000000000000000000002' : 'a0000000000000000000000000000001';
  const response = await fetch(`${E2E.cloudUrl}/heat-api/v1/${project}/stacks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token },
    body: JSON.stringify({ stack_name: name, template }),
  });
  if (response.status !== 201) throw new Error(`stack create answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { stack: { id: string } }).stack.id;
}
