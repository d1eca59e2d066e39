/**
 * Time from the Scale up click (the confirmation's Send) to the new member shown ACTIVE on the stack page:
 * the BFF's guarded POST and read-back, the page's result line, then the scaling tab listing one more
 * member, all ACTIVE. The embedded cloud runs on the manual clock; the bench advances it by the boot time
 * as soon as the result shows (what a real cloud's clock would do on its own), so the figure is Zenith's
 * own latency plus one simulated boot. Between runs the group is scaled back down through the pre-signed
 * alarm_url and the clock moved past the cooldown.
 *   npm run bench:scale-up      (BENCH_RUNS=15)
 */
import { chromium } from '@playwright/test';

import { projectToken } from '../e2e/support/keystone-token';
import { browserLogin } from './browser-login';
import { saveResults, startCloudAndDashboard } from './servers';
import { printTable, runBenchmark, summarize } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CLOUD_PORT = 8857;
const DASHBOARD_PORT = 3257;
const cloudUrl = `http://127.0.0.1:${CLOUD_PORT}`;
const dashboardUrl = `http://127.0.0.1:${DASHBOARD_PORT}`;
const DEMO = 'a0000000000000000000000000000002';
/** Simulated seconds given to a new member to boot. */
const BOOT_SECONDS = 30;

const TEMPLATE = `heat_template_version: 2016-10-14
resources:
  asg:
    type: OS::Heat::AutoScalingGroup
    properties:
      min_size: 1
      max_size: 2
      cooldown: 60
      resource:
        type: OS::Nova::Server
        properties: {image: cirros, flavor: m1.tiny, networks: [{network: private}]}
  up:
    type: OS::Heat::ScalingPolicy
    properties: {auto_scaling_group_id: {get_resource: asg}, adjustment_type: change_in_capacity, scaling_adjustment: 1}
  down:
    type: OS::Heat::ScalingPolicy
    properties: {auto_scaling_group_id: {get_resource: asg}, adjustment_type: change_in_capacity, scaling_adjustment: -1}
outputs:
  scale_up_url: {value: {get_attr: [up, signal_url]}}
  scale_down_url: {value: {get_attr: [down, alarm_url]}}
`;

async function control(route: string, body: unknown): Promise<void> {
  const response = await fetch(`${cloudUrl}/_emulator/${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${route} answered ${response.status}`);
}

async function heat<T>(token: string, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${cloudUrl}/heat-api/v1/${DEMO}${route}`, {
    method,
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function main(): Promise<void> {
  const servers = await startCloudAndDashboard({ cloudPort: CLOUD_PORT, dashboardPort: DASHBOARD_PORT, dirPrefix: 'zenith-bench-scale-up-' });
  const browser = await chromium.launch({ executablePath: process.env.ZENITH_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await control('reset', { seed: 'demo' });
    await control('clock', { mode: 'manual' });
    const token = await projectToken(`${cloudUrl}/identity/v3`, 'demo', 'secret', 'demo');
    const { stack } = await heat<{ stack: { id: string } }>(token, 'POST', '/stacks', { stack_name: 'bench-asg', template: TEMPLATE });
    await control('clock/advance', { seconds: 120 });
    const shown = await heat<{ stack: { outputs: { output_key: string; output_value: string }[] } }>(token, 'GET', `/stacks/bench-asg/${stack.id}`);
    const scaleDownUrl = shown.stack.outputs.find((o) => o.output_key === 'scale_down_url')!.output_value;

    const page = await (await browser.newContext()).newPage();
    await browserLogin(page, dashboardUrl);
    const clickToResult: number[] = [];
    const clickToActive: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      await page.goto(`${dashboardUrl}/project/orchestration/stacks/${stack.id}`);
      await page.getByRole('tab', { name: 'Outputs' }).click();
      await page.locator('[data-output="scale_up_url"]').getByRole('button', { name: 'Scale up' }).click();
      const send = page.getByRole('dialog').getByRole('button', { name: 'Send' });
      const started = performance.now();
      await send.click();
      await page.getByTestId('signal-result-scale_up_url').getByText('1 → 2 members').waitFor();
      const shown = performance.now();
      await control('clock/advance', { seconds: BOOT_SECONDS });
      await page.getByRole('tab', { name: 'Scaling' }).click();
      await page.waitForFunction(() => {
        const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent === 'Members of group asg');
        const rows = table ? [...table.querySelectorAll('tbody tr')] : [];
        return rows.length === 2 && rows.every((r) => r.textContent?.includes('ACTIVE'));
      });
      if (run > 0) {
        clickToResult.push(shown - started);
        clickToActive.push(performance.now() - started);
      }
      // Back to one member, past both cooldowns.
      await control('clock/advance', { seconds: 61 });
      const down = await fetch(scaleDownUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      if (!down.ok) throw new Error(`scale down answered ${down.status}`);
      await control('clock/advance', { seconds: 61 });
    }
    const results = { 'click → "1 → 2 members" shown': summarize(clickToResult), 'click → new member ACTIVE in the page': summarize(clickToActive) };
    console.log(`${RUNS} runs; one simulated boot of ${BOOT_SECONDS} s advanced on the manual clock per run`);
    printTable(results);
    saveResults('scale-up', results);
  } finally {
    await browser.close();
    servers.stop();
  }
}

runBenchmark(main);
