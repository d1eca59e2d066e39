/**
 * Time from a metric sample written in the cloud to its point drawn on the instance page's chart. The cloud
 * runs on the manual clock with 100% load on one instance; each round advances the clock by one sample period
 * (a new cpu_util sample, so a new 60 s bucket in Gnocchi), then waits in Chromium until the chart's newest
 * point changes (the figure's data-last-time, set in the same render as the canvas update) and a frame is
 * painted. The BFF's poll interval (ZENITH_METRIC_POLL_MS, set from BENCH_POLL_MS) bounds the wait; each
 * sample is written at a random phase of that interval.
 *   npm run bench:chart-latency   (BENCH_SAMPLES=30 rounds, BENCH_POLL_MS=3000)
 */
import { chromium } from '@playwright/test';

import { projectToken } from '../e2e/support/keystone-token';
import { browserLogin } from './browser-login';
import { cloudApi, saveResults, startCloudAndDashboard } from './servers';
import { printTable, runBenchmark, summarize } from './stats';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 3000);
const SAMPLE_PERIOD_S = 60;
const CLOUD_PORT = Number(process.env.BENCH_CLOUD_PORT ?? 8855);
const DASHBOARD_PORT = Number(process.env.BENCH_DASHBOARD_PORT ?? 3255);
const cloudUrl = `http://127.0.0.1:${CLOUD_PORT}`;
const dashboardUrl = `http://127.0.0.1:${DASHBOARD_PORT}`;

const api = cloudApi(cloudUrl);

/** A booted demo instance with a few idle samples, then 100% load from now on. */
async function seed(): Promise<string> {
  await api(null, 'POST', '/_emulator/reset', { seed: 'demo' });
  await api(null, 'POST', '/_emulator/clock', { mode: 'manual' });
  const demo = await projectToken(`${cloudUrl}/identity/v3`, 'demo', 'secret', 'demo');
  const { images } = await api<{ images: { id: string }[] }>(demo, 'GET', '/image/v2/images?name=cirros');
  const { flavors } = await api<{ flavors: { id: string; name: string }[] }>(demo, 'GET', '/compute/v2.1/flavors');
  const { server } = await api<{ server: { id: string } }>(demo, 'POST', '/compute/v2.1/servers', {
    server: { name: 'bench-cpu', imageRef: images[0]!.id, flavorRef: flavors.find((f) => f.name === 'm1.tiny')!.id, networks: 'auto' },
  });
  await api(null, 'POST', '/_emulator/clock/advance', { seconds: 120 });
  await api(null, 'POST', '/_emulator/clock/advance', { seconds: 5 * SAMPLE_PERIOD_S });
  await api(null, 'POST', '/_emulator/load', { server_id: server.id, cpu_percent: 100 });
  return server.id;
}

async function main(): Promise<void> {
  process.env.ZENITH_METRIC_POLL_MS = String(POLL_MS);
  const servers = await startCloudAndDashboard({ cloudPort: CLOUD_PORT, dashboardPort: DASHBOARD_PORT, dirPrefix: 'zenith-bench-chart-' });
  const browser = await chromium.launch({ executablePath: process.env.ZENITH_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
  try {
    const serverId = await seed();
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await browserLogin(page, dashboardUrl);
    await page.goto(`${dashboardUrl}/project/compute/instances/${serverId}`);
    const chart = page.getByTestId('instance-cpu-panel').getByTestId('metric-chart');
    await chart.locator('canvas').waitFor();
    await page.getByTestId('live-indicator').and(page.locator('[data-status="live"]')).waitFor();

    const samples: number[] = [];
    for (let i = 0; i < SAMPLES + 2; i++) {
      const previous = (await chart.getAttribute('data-last-time')) ?? '';
      // A sample lands at a random moment of the BFF's poll cycle, as it would in use; without this wait the
      // loop locks onto the cycle and measures its worst case every time.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * POLL_MS));
      const started = Date.now();
      await api(null, 'POST', '/_emulator/clock/advance', { seconds: SAMPLE_PERIOD_S });
      // In the page: the first frame in which the chart's newest point differs, then one more frame painted.
      // A string, not a function: tsx would wrap a function with helpers the page does not have.
      const drawnAt = await page.evaluate<number>(`new Promise((resolve) => {
        const check = () => {
          const now = document.querySelector('[data-testid="instance-cpu-panel"] [data-testid="metric-chart"]')?.getAttribute('data-last-time');
          if (now && now !== ${JSON.stringify(previous)}) requestAnimationFrame(() => resolve(Date.now()));
          else requestAnimationFrame(check);
        };
        check();
      })`);
      if (i >= 2) samples.push(drawnAt - started);
    }

    const results = { [`sample written → point drawn (poll ${POLL_MS} ms)`]: summarize(samples) };
    console.log(`\nZenith chart latency benchmark (ms): ${SAMPLES} samples, one every ${SAMPLE_PERIOD_S} s of cloud time\n`);
    printTable(results);
    saveResults('chart-latency', { samples: SAMPLES, pollMs: POLL_MS, results, raw: samples });
  } finally {
    await browser.close();
    servers.stop();
  }
}

runBenchmark(main);
