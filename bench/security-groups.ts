/**
 * The security-group pages at size: project demo with 100 groups of 100 rules each (quotas raised by the
 * admin, everything created through Neutron's API, several calls in flight). Measures in Chromium the time
 * from navigation to the first rows of the groups list and of one 100-rule group's page, the time to open
 * its rule editor and have a duplicate refused, and the BFF calls behind the pages (median and p99).
 *   npm run bench:security-groups   (BENCH_PAGE_RUNS=20 page loads, BENCH_API_RUNS=100 BFF calls)
 */
import { type Page, chromium } from '@playwright/test';

import { BffClient } from '../e2e/support/bff-client';
import { projectToken } from '../e2e/support/keystone-token';
import { browserLogin } from './browser-login';
import { saveResults, startCloudAndDashboard } from './servers';
import { printTable, runBenchmark, summarize, type Summary } from './stats';

const PAGE_RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 20);
const API_RUNS = Number(process.env.BENCH_API_RUNS ?? 100);
const GROUPS = 100;
const RULES = 100;
const CONCURRENCY = 16;
const CLOUD_PORT = Number(process.env.BENCH_CLOUD_PORT ?? 8804);
const DASHBOARD_PORT = Number(process.env.BENCH_DASHBOARD_PORT ?? 3204);
const cloudUrl = `http://127.0.0.1:${CLOUD_PORT}`;
const dashboardUrl = `http://127.0.0.1:${DASHBOARD_PORT}`;

async function call<T = any>(token: string, method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}

/** Runs the tasks with at most `limit` in flight. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** 100 groups in demo, each topped up to 100 rules (Neutron's two default egress rules count). Returns one group's id. */
async function seed(): Promise<string> {
  const reset = await fetch(`${cloudUrl}/_emulator/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ seed: 'demo' }) });
  if (!reset.ok) throw new Error(`reset answered ${reset.status}`);
  const identity = `${cloudUrl}/identity/v3`;
  const admin = await projectToken(identity, 'admin', 'secret', 'admin');
  const demo = await projectToken(identity, 'demo', 'secret', 'demo');
  const { projects } = await call<{ projects: { id: string }[] }>(admin, 'GET', `${identity}/projects?name=demo`);
  const demoId = projects[0]!.id;
  const neutron = `${cloudUrl}/networking/v2.0`;
  await call(admin, 'PUT', `${neutron}/quotas/${demoId}`, { quota: { security_group: GROUPS + 10, security_group_rule: GROUPS * RULES + 1000 } });
  const groups = await pool(
    Array.from({ length: GROUPS }, (_, i) => () =>
      call<{ security_group: { id: string; security_group_rules: unknown[] } }>(demo, 'POST', `${neutron}/security-groups`, {
        security_group: { name: `bench-${String(i).padStart(3, '0')}`, description: `benchmark group ${i}` },
      }),
    ),
    CONCURRENCY,
  );
  const ruleTasks = groups.flatMap(({ security_group: group }, g) =>
    Array.from({ length: RULES - group.security_group_rules.length }, (_, r) => () =>
      call(demo, 'POST', `${neutron}/security-group-rules`, {
        security_group_rule: {
          security_group_id: group.id,
          direction: 'ingress',
          protocol: r % 3 === 0 ? 'udp' : 'tcp',
          port_range_min: 1000 + r,
          port_range_max: 1000 + r,
          remote_ip_prefix: `10.${g}.${r}.0/24`,
        },
      }),
    ),
  );
  await pool(ruleTasks, CONCURRENCY);
  return groups[0]!.security_group.id;
}

async function timed(runs: number, warmup: number, step: () => Promise<void>): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    const started = performance.now();
    await step();
    if (i >= warmup) samples.push(performance.now() - started);
  }
  return summarize(samples);
}

const firstRow = (page: Page, table: string) => page.getByRole('table', { name: table }).locator('tbody tr').first().waitFor();

async function timeBff(route: string): Promise<Summary> {
  const client = new BffClient(dashboardUrl);
  await client.login('demo');
  return timed(API_RUNS, 10, async () => {
    const response = await client.request('GET', route);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${route} answered ${response.status}`);
  });
}

async function main(): Promise<void> {
  const servers = await startCloudAndDashboard({ cloudPort: CLOUD_PORT, dashboardPort: DASHBOARD_PORT, dirPrefix: 'zenith-bench-security-groups-' });
  const browser = await chromium.launch({
    executablePath: process.env.ZENITH_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
  try {
    const started = performance.now();
    const groupId = await seed();
    console.log(`seeded ${GROUPS} groups of ${RULES} rules in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const page = await (await browser.newContext()).newPage();
    await browserLogin(page, dashboardUrl);
    const groupUrl = `${dashboardUrl}/project/network/security-groups/${groupId}`;
    const results: Record<string, Summary> = {};
    results['page: groups list, first rows'] = await timed(PAGE_RUNS, 3, async () => {
      await page.goto(`${dashboardUrl}/project/network/security-groups`, { waitUntil: 'commit' });
      await firstRow(page, 'Security groups');
    });
    results['page: 100-rule group, first rows'] = await timed(PAGE_RUNS, 3, async () => {
      await page.goto(groupUrl, { waitUntil: 'commit' });
      await firstRow(page, 'Ingress rules');
    });
    // The rule editor: open it and have a duplicate of an existing rule refused against the 100 loaded rules.
    results['editor: open, duplicate refused'] = await timed(PAGE_RUNS, 3, async () => {
      await page.getByRole('button', { name: 'Add rule' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Rule', { exact: true }).selectOption('custom');
      await dialog.getByLabel('Destination port', { exact: true }).fill('1001');
      await dialog.getByLabel('Source CIDR').fill('10.0.1.0/24');
      await dialog.getByRole('button', { name: 'Add', exact: true }).click();
      await dialog.getByText('The group already has this rule:').waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    });
    results['BFF: GET /api/security-groups'] = await timeBff('/api/security-groups');
    results['BFF: GET /api/security-groups/{id}'] = await timeBff(`/api/security-groups/${groupId}`);
    const sizer = new BffClient(dashboardUrl);
    await sizer.login('demo');
    const listBytes = (await (await sizer.request('GET', '/api/security-groups')).arrayBuffer()).byteLength;
    const groupBytes = (await (await sizer.request('GET', `/api/security-groups/${groupId}`)).arrayBuffer()).byteLength;
    console.log(`\nZenith security groups benchmark (ms): ${GROUPS} groups × ${RULES} rules, ${PAGE_RUNS} page loads, ${API_RUNS} BFF calls\n`);
    printTable(results);
    console.log(`\nresponse sizes: list ${(listBytes / 1024).toFixed(1)} KiB, one group ${(groupBytes / 1024).toFixed(1)} KiB`);
    saveResults('security-groups', { groups: GROUPS, rules: RULES, pageRuns: PAGE_RUNS, apiRuns: API_RUNS, results, listBytes, groupBytes });
  } finally {
    await browser.close();
    servers.stop();
  }
}

runBenchmark(main);
