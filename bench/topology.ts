/**
 * The topology view at size: project demo with 200 networks (one /24 subnet each, 199 of them behind routers)
 * and 1,000 instances, five per network. Everything is made through the public APIs, as the admin raises the
 * demo project's quotas first: Neutron's PUT /v2.0/quotas/{project} (network, subnet, port, router) and Nova's
 * PUT /os-quota-sets/{project}; networks and subnets come from Neutron, instances from Nova multi-create
 * (min_count 5 on each network), which gives each server its port. Measures:
 *  - GET /api/topology, the one BFF call behind the page (median, p99) and the backend calls it makes;
 *  - in Chromium, navigation to the first paint of the drawn graph (every instance node in the SVG, then a frame);
 *  - the pure grid layout of that graph in Node.
 *   npm run bench:topology   (BENCH_PAGE_RUNS=20 page loads, BENCH_API_RUNS=100 BFF calls)
 */
import { type Page, chromium } from '@playwright/test';

import { BffClient } from '../e2e/support/bff-client';
import { projectToken } from '../e2e/support/keystone-token';
import type { TopologyGraph } from '../lib/bff/topology';
import { layoutTopology } from '../components/topology/topology-layout';
import { browserLogin } from './browser-login';
import { cloudApi, saveResults, startCloudAndDashboard } from './servers';
import { printTable, runBenchmark, summarize, type Summary } from './stats';

const PAGE_RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 20);
const API_RUNS = Number(process.env.BENCH_API_RUNS ?? 100);
const NETWORKS = 200;
const PER_NETWORK = 5;
const ROUTERS = 10;
const IN_FLIGHT = 8;
const CLOUD_PORT = Number(process.env.BENCH_CLOUD_PORT ?? 8803);
const DASHBOARD_PORT = Number(process.env.BENCH_DASHBOARD_PORT ?? 3203);
const cloudUrl = `http://127.0.0.1:${CLOUD_PORT}`;
const dashboardUrl = `http://127.0.0.1:${DASHBOARD_PORT}`;
const DEMO_PROJECT = 'a0000000000000000000000000000002';
const CIRROS = '10000000-0000-0000-0000-000000000001';

const api = cloudApi(cloudUrl);

/** Runs jobs(i) for i in [0, count) with IN_FLIGHT at a time, in order of i. */
async function inBatches<T>(count: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += IN_FLIGHT) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, count - start) }, (_, k) => job(start + k)))));
  }
  return out;
}

async function seed(): Promise<void> {
  await api(null, 'POST', '/_emulator/reset', { seed: 'demo' });
  await api(null, 'POST', '/_emulator/clock', { mode: 'manual' });
  const identity = `${cloudUrl}/identity/v3`;
  const admin = await projectToken(identity, 'admin', 'secret', 'admin');
  const demo = await projectToken(identity, 'demo', 'secret', 'demo');
  const servers = NETWORKS * PER_NETWORK;
  await api(admin, 'PUT', `/networking/v2.0/quotas/${DEMO_PROJECT}`, { quota: { network: NETWORKS + 20, subnet: NETWORKS + 20, port: servers * 2 + 1000, router: ROUTERS + 5 } });
  await api(admin, 'PUT', `/compute/v2.1/os-quota-sets/${DEMO_PROJECT}`, { quota_set: { instances: servers + 100, cores: servers * 2 + 100, ram: servers * 1024 + 100_000 } });
  const ids = await inBatches(NETWORKS, async (i) => {
    const { network } = await api<{ network: { id: string } }>(demo, 'POST', '/networking/v2.0/networks', { network: { name: `bench-net-${String(i).padStart(3, '0')}` } });
    await api(demo, 'POST', '/networking/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr: `10.${Math.floor(i / 250) + 100}.${i % 250}.0/24`, name: `bench-subnet-${i}` } });
    return network.id;
  });
  const routers = await inBatches(ROUTERS, async (r) => (await api<{ router: { id: string } }>(demo, 'POST', '/networking/v2.0/routers', { router: { name: `bench-router-${r}` } })).router.id);
  const all = await api<{ subnets: { id: string; network_id: string }[] }>(demo, 'GET', '/networking/v2.0/subnets');
  const subnetOf = new Map(all.subnets.map((s) => [s.network_id, s.id]));
  // Every network but the last joins one of the routers, round robin.
  await inBatches(NETWORKS - 1, (i) => api(demo, 'PUT', `/networking/v2.0/routers/${routers[i % ROUTERS]}/add_router_interface`, { subnet_id: subnetOf.get(ids[i]!) }));
  await inBatches(NETWORKS, (i) =>
    api(demo, 'POST', '/compute/v2.1/servers', {
      server: { name: `vm-${String(i).padStart(3, '0')}`, imageRef: CIRROS, flavorRef: '42', networks: [{ uuid: ids[i] }], min_count: PER_NETWORK, max_count: PER_NETWORK },
    }),
  );
  await api(null, 'POST', '/_emulator/clock/advance', { seconds: 600 });
}

async function timed(runs: number, warmup: number, step: () => Promise<void>): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const started = performance.now();
    await step();
    if (i >= warmup) samples.push(performance.now() - started);
  }
  return summarize(samples);
}

/** Navigation until every instance node is in the SVG and the browser has painted a frame after it. */
async function graphPainted(page: Page, instanceNodes: number): Promise<void> {
  await page.goto(`${dashboardUrl}/project/network/topology`, { waitUntil: 'commit' });
  await page.waitForFunction((n) => document.querySelectorAll('svg[data-topology] a[href^="/project/compute/instances/"]').length >= n, instanceNodes, { polling: 'raf' });
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

async function main(): Promise<void> {
  const servers = await startCloudAndDashboard({ cloudPort: CLOUD_PORT, dashboardPort: DASHBOARD_PORT, dirPrefix: 'zenith-bench-topology-' });
  const browser = await chromium.launch({ executablePath: process.env.ZENITH_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
  try {
    const started = performance.now();
    await seed();
    console.log(`seeded ${NETWORKS} networks, ${ROUTERS} routers and ${NETWORKS * PER_NETWORK} instances in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const client = new BffClient(dashboardUrl);
    await client.login('demo');
    const graph = await client.json<TopologyGraph>('GET', '/api/topology');
    const bytes = JSON.stringify(graph).length;
    const ports = graph.instances.reduce((n, i) => n + i.ports.length, 0);
    console.log(`graph: ${graph.networks.length} networks, ${graph.routers.length} routers, ${graph.instances.length} instances with ${ports} ports, ${(bytes / 1024).toFixed(0)} KiB`);

    const results: Record<string, Summary> = {};
    results['BFF: GET /api/topology'] = await timed(API_RUNS, 10, async () => {
      const response = await client.request('GET', '/api/topology');
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`/api/topology answered ${response.status}`);
    });
    results['layout: 200 networks, 1,000 instances (Node)'] = await timed(200, 20, async () => void layoutTopology(graph));

    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await browserLogin(page, dashboardUrl);
    results['page: navigation to the graph painted'] = await timed(PAGE_RUNS, 3, () => graphPainted(page, ports));

    await api(null, 'POST', '/_emulator/requests/reset', {});
    await client.request('GET', '/api/topology').then((r) => r.arrayBuffer());
    const calls = await api(null, 'GET', '/_emulator/requests');

    console.log(`\nZenith topology benchmark (ms): ${PAGE_RUNS} page loads, ${API_RUNS} BFF calls\n`);
    printTable(results);
    console.log(`\nBackend calls behind one GET /api/topology: ${JSON.stringify(calls)}`);
    saveResults('topology', { networks: graph.networks.length, routers: graph.routers.length, instances: graph.instances.length, ports, bytes, pageRuns: PAGE_RUNS, apiRuns: API_RUNS, results, calls });
  } finally {
    await browser.close();
    servers.stop();
  }
}

runBenchmark(main);
