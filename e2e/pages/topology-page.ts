import { type Locator, type Page, expect } from '@playwright/test';

/** The topology page: the drawing (links inside an SVG) and the same links as a list. */
export class TopologyPage {
  readonly drawing: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.drawing = page.locator('svg[data-topology]');
    this.list = page.getByRole('list', { name: 'As a list' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/project/network/topology');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Network topology' })).toBeVisible();
  }

  /** A node of the drawing by its accessible name ("Router router1", "Network private 10.0.0.0/24"). */
  node(name: string | RegExp): Locator {
    return this.drawing.getByRole('link', { name });
  }

  /** The list entry of a network, holding its routers and instances. */
  network(name: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('link', { name, exact: true }) }).first();
  }
}
