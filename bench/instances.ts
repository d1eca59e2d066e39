/**
 * The instances page at size: 1,000 servers in project demo, and the admin's all-projects view over the
 * scale seed (10,000 servers, 200 projects, 250 hosts). For each: time from navigation to the first
 * page of rows in Chromium, the BFF call behind it, medians and p99, and the backend calls one page load
 * makes (counted by the embedded cloud), to show there is no call per row.
 *   npm run bench:instances      (BENCH_PAGE_RUNS=30 page loads, BENCH_API_RUNS=200 BFF calls)
 */
import { type Page, chromium } from '@playwright/test';

import { BffClient } from '../e2e/support/bff-client';
import { projectToken } from '../e2e/support/keystone-token';
import { saveResults, startCloudAndDashboard } from './servers';
import { printTable, runBenchmark, summarize, type Summary } from './stats';

const PAGE_RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 30);
const API_RUNS = Number(process.env.BENCH_API_RUNS ?? 200);
const CLOUD_PORT = 8796;
const DASHBOARD_PORT = 3195;
const cloudUrl = `http://127.0.0.1:${CLOUD_PORT}`;
const dashboardUrl = `http://127.0.0.1:${DASHBOARD_PORT}`;
const CIRROS = '10000000-0000-0000-0000-000000000001';

async function control(route: string, body?: unknown): Promise<any> {
  const response = await fetch(`${cloudUrl}/_emulator/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${route} answered ${response.status}`);
  return response.json();
}

async function nova(token: string, method: string, route: string, body?: unknown): Promise<void> {
  const response = await fetch(`${cloudUrl}/compute/v2.1${route}`, {
    method,
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token, 'OpenStack-API-Version': 'compute 2.79' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
}

/** Demo gets 1,000 ACTIVE servers on top of the scale seed. */
async function seedProjectWithThousand(): Promise<void> {
  await control('reset', { seed: 'scale' });
  await control('clock', { mode: 'manual' });
  const admin = await projectToken(`${cloudUrl}/identity/v3`, 'admin', 'secret', 'admin');
  const demo = await projectToken(`${cloudUrl}/identity/v3`, 'demo', 'secret', 'demo');
  const demoId = 'a0000000000000000000000000000002';
  await nova(admin, 'PUT', `/os-quota-sets/${demoId}`, { quota_set: { instances: 2000, cores: 4000, ram: 4_000_000 } });
  for (let i = 0; i < 10; i++) {
    await nova(demo, 'POST', '/servers', {
      server: { name: `load-${i}`, imageRef: CIRROS, flavorRef: '42', networks: 'none', min_count: 100, max_count: 100 },
    });
  }
  await control('clock/advance', { seconds: 600 });
}

async function loginPage(page: Page, user: string): Promise<void> {
  await page.goto(`${dashboardUrl}/login`);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill('secret');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/project\/overview$/);
}

async function timePageLoads(page: Page, url: string): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < PAGE_RUNS + 3; i++) {
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator('[data-row-id]').first().waitFor();
    if (i >= 3) samples.push(performance.now() - started);
  }
  return summarize(samples);
}

async function timeBff(user: string, route: string): Promise<Summary> {
  const client = new BffClient(dashboardUrl);
  await client.login(user);
  const samples: number[] = [];
  for (let i = 0; i < API_RUNS + 10; i++) {
    const started = performance.now();
    const response = await client.request('GET', route);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${route} answered ${response.status}`);
    if (i >= 10) samples.push(performance.now() - started);
  }
  return summarize(samples);
}

async function callsPerPageLoad(page: Page, url: string): Promise<{ total: number; byService: Record<string, number> }> {
  await control('requests/reset', {});
  await page.goto(url);
  await page.locator('[data-row-id]').first().waitFor();
  return control('requests');
}

async function main(): Promise<void> {
  const servers = await startCloudAndDashboard({ cloudPort: CLOUD_PORT, dashboardPort: DASHBOARD_PORT, dirPrefix: 'zenith-bench-instances-' });
  const browser = await chromium.launch({
    executablePath: process.env.ZENITH_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
  try {
    const seeded = performance.now();
    await seedProjectWithThousand();
    console.log(`seeded scale + 1,000 servers in demo in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    const results: Record<string, Summary> = {};
    const calls: Record<string, unknown> = {};
    for (const { user, label, query } of [
      { user: 'demo', label: 'demo, 1,000 servers, 50 per page', query: 'limit=50' },
      { user: 'demo', label: 'demo, 1,000 servers, 1,000 per page', query: 'limit=1000' },
      { user: 'admin', label: 'admin, all projects (10,000), 50 per page', query: 'all=1&limit=50' },
    ]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await loginPage(page, user);
      results[`page: ${label}`] = await timePageLoads(page, `${dashboardUrl}/project/compute/instances?${query}`);
      results[`BFF: ${label}`] = await timeBff(user, `/api/servers?${query}`);
      calls[label] = await callsPerPageLoad(page, `${dashboardUrl}/project/compute/instances?${query}`);
      await context.close();
    }
    console.log(`\nZenith instances benchmark (ms): ${PAGE_RUNS} page loads, ${API_RUNS} BFF calls each\n`);
    printTable(results);
    console.log('\nBackend calls per page load (the layout, the page and its joins):');
    for (const [label, count] of Object.entries(calls)) console.log(`  ${label}: ${JSON.stringify(count)}`);
    saveResults('instances', { pageRuns: PAGE_RUNS, apiRuns: API_RUNS, results, calls });
  } finally {
    await browser.close();
    servers.stop();
  }
}

runBenchmark(main);
