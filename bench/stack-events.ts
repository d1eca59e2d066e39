/**
 * The stack page's events tab with 10,000 events: time from the tab click to the first row in Chromium,
 * time from a scroll jump to the rows drawn there (within loaded pages), time to load all 10,000 by
 * scrolling (pages of 200 fetched with Heat's marker), and the BFF's events call at the head and deep in
 * the list. The events are seeded through the embedded cloud's store: one stack whose resource carries
 * 10,000 signal records, which Heat's API lists as SIGNAL_COMPLETE events.
 *   npm run bench:stack-events      (BENCH_PAGE_RUNS=20 tab opens, BENCH_API_RUNS=100 BFF calls)
 */
import path from 'node:path';

import { type Page, chromium } from '@playwright/test';

import { openStore } from '../emulator/store/open-store';
import { BffClient } from '../e2e/support/bff-client';
import { projectToken } from '../e2e/support/keystone-token';
import { browserLogin } from './browser-login';
import { saveResults, startCloudAndDashboard } from './servers';
import { printTable, runBenchmark, summarize, type Summary } from './stats';

const PAGE_RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 20);
const API_RUNS = Number(process.env.BENCH_API_RUNS ?? 100);
const EVENTS = 10_000;
const CLOUD_PORT = 8856;
const DASHBOARD_PORT = 3256;
const cloudUrl = `http://127.0.0.1:${CLOUD_PORT}`;
const dashboardUrl = `http://127.0.0.1:${DASHBOARD_PORT}`;
const DEMO = 'a0000000000000000000000000000002';

const TEMPLATE = `heat_template_version: 2016-10-14
resources:
  data:
    type: OS::Cinder::Volume
    properties: {size: 1}
`;

async function control(route: string, body: unknown): Promise<void> {
  const response = await fetch(`${cloudUrl}/_emulator/${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${route} answered ${response.status}`);
}

/** A stack whose volume resource has 10,000 signals on record, written straight into the cloud's store. */
async function seedStack(dataDir: string): Promise<string> {
  await control('reset', { seed: 'demo' });
  await control('clock', { mode: 'manual' });
  const token = await projectToken(`${cloudUrl}/identity/v3`, 'demo', 'secret', 'demo');
  const response = await fetch(`${cloudUrl}/heat-api/v1/${DEMO}/stacks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token },
    body: JSON.stringify({ stack_name: 'events-10k', template: TEMPLATE }),
  });
  if (response.status !== 201) throw new Error(`stack create answered ${response.status}: ${await response.text()}`);
  const id = ((await response.json()) as { stack: { id: string } }).stack.id;
  await control('clock/advance', { seconds: 30 });
  const store = await openStore(path.join(dataDir, 'cloud.db'));
  try {
    const stack = (await store.stacks.get(id))!;
    const start = Date.parse(stack.createdAt) + 60_000;
    const signals = Array.from({ length: EVENTS }, (_, i) => ({ timeMs: start + i * 1000, reason: `bench signal ${i}` }));
    await store.stacks.setResources(id, stack.resources.map((r) => (r.name === 'data' ? { ...r, signals } : r)));
  } finally {
    await store.close();
  }
  await control('clock/advance', { seconds: EVENTS + 120 });
  return id;
}

const rows = (page: Page) => page.locator('[data-testid="events-scroll"] tbody tr[data-event-status]');

/** From navigation to the first event row (the tab clicked as soon as it exists), and from the click on a hydrated page. */
async function timeFirstRow(page: Page, id: string): Promise<{ fromNavigation: Summary; fromClick: Summary }> {
  const fromNavigation: number[] = [];
  const fromClick: number[] = [];
  for (let i = 0; i < PAGE_RUNS + 2; i++) {
    for (const hydrated of [false, true]) {
      const navigated = performance.now();
      await page.goto(`${dashboardUrl}/project/orchestration/stacks/${id}`, { waitUntil: hydrated ? 'networkidle' : 'commit' });
      const tab = page.getByRole('tab', { name: 'Events' });
      await tab.waitFor();
      const clicked = performance.now();
      await tab.click();
      await rows(page).first().waitFor();
      if (i < 2) continue;
      if (hydrated) fromClick.push(performance.now() - clicked);
      else fromNavigation.push(performance.now() - navigated);
    }
  }
  return { fromNavigation: summarize(fromNavigation), fromClick: summarize(fromClick) };
}

/** Scrolls to the bottom until every event is loaded; returns the total time and the per-jump render times. */
async function scrollAll(page: Page): Promise<{ total: number; jumps: number[]; loaded: number }> {
  const scroller = page.getByTestId('events-scroll');
  const moreButton = page.getByRole('button', { name: /older events/ });
  const jumps: number[] = [];
  const started = performance.now();
  let loaded = 0;
  for (;;) {
    const jump = performance.now();
    // The rows loaded at the moment of the jump (aria-rowcount counts the header row too).
    loaded = await scroller.evaluate((el) => {
      el.scrollTo({ top: el.scrollHeight });
      return Number(el.querySelector('table')?.getAttribute('aria-rowcount')) - 1;
    });
    await page.locator(`[data-testid="events-scroll"] tbody tr[aria-rowindex="${loaded + 1}"]`).waitFor();
    jumps.push(performance.now() - jump);
    await page.waitForFunction(
      (before) => {
        const count = Number(document.querySelector('[data-testid="events-scroll"] table')?.getAttribute('aria-rowcount')) - 1;
        return count > before || !document.body.innerText.includes('older events');
      },
      loaded,
    );
    const now = await scroller.evaluate((el) => Number(el.querySelector('table')?.getAttribute('aria-rowcount')) - 1);
    if (now === loaded && (await moreButton.count()) === 0) break;
  }
  return { total: performance.now() - started, jumps, loaded };
}

async function timeBff(client: BffClient, route: string): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < API_RUNS + 5; i++) {
    const started = performance.now();
    const response = await client.request('GET', route);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${route} answered ${response.status}`);
    if (i >= 5) samples.push(performance.now() - started);
  }
  return summarize(samples);
}

async function main(): Promise<void> {
  const servers = await startCloudAndDashboard({ cloudPort: CLOUD_PORT, dashboardPort: DASHBOARD_PORT, dirPrefix: 'zenith-bench-stack-events-' });
  const browser = await chromium.launch({ executablePath: process.env.ZENITH_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const id = await seedStack(servers.dataDir);
    const client = new BffClient(dashboardUrl);
    await client.login('demo');
    const head = await client.json<{ events: { id: string }[]; nextMarker: string | null }>('GET', `/api/stacks/${id}/events?limit=200`);
    if (!head.nextMarker) throw new Error('expected more than one page of events');
    let deepMarker = head.nextMarker;
    for (let i = 0; i < 40; i++) deepMarker = (await client.json<{ nextMarker: string }>('GET', `/api/stacks/${id}/events?limit=200&marker=${deepMarker}`)).nextMarker;

    const context = await browser.newContext();
    const page = await context.newPage();
    await browserLogin(page, dashboardUrl);
    const results: Record<string, Summary> = {};
    const firstRow = await timeFirstRow(page, id);
    results['page open → first event row'] = firstRow.fromNavigation;
    results['events tab click → first row (hydrated)'] = firstRow.fromClick;
    const scrolled = await scrollAll(page);
    results['scroll to end of loaded → rows drawn'] = summarize(scrolled.jumps);
    results['BFF: events, first page of 200'] = await timeBff(client, `/api/stacks/${id}/events?limit=200`);
    results['BFF: events, page at 8,000 (marker)'] = await timeBff(client, `/api/stacks/${id}/events?limit=200&marker=${deepMarker}`);
    if (scrolled.loaded < EVENTS) throw new Error(`only ${scrolled.loaded} events were loaded by scrolling`);
    console.log(`${scrolled.loaded.toLocaleString('en')} events (10,000 signals + the stack's own); all loaded by scrolling in ${(scrolled.total / 1000).toFixed(2)} s over ${scrolled.jumps.length} jumps`);
    printTable(results);
    saveResults('stack-events', { events: scrolled.loaded, loadAllByScrollMs: scrolled.total, ...results });
  } finally {
    await browser.close();
    servers.stop();
  }
}

runBenchmark(main);
