/**
 * Login round trip through the BFF and the API Access page, against the embedded cloud, beside the same
 * Keystone calls made directly. Prints medians and p99 over RUNS runs and the BFF's added latency.
 *   npm run bench            (RUNS=200 by default; BENCH_RUNS to change)
 */
import { BffClient } from '../e2e/support/bff-client';
import { saveResults, startCloudAndDashboard } from './servers';
import { formatHeader, formatRow, runBenchmark, summarize } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 20;
const CLOUD_PORT = 8797;
const DASHBOARD_PORT = 3196;
const cloudUrl = `http://127.0.0.1:${CLOUD_PORT}`;
const dashboardUrl = `http://127.0.0.1:${DASHBOARD_PORT}`;
const identity = `${cloudUrl}/identity/v3`;

async function time<T>(samples: number[], fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  samples.push(performance.now() - started);
  return result;
}

async function ok(response: Response): Promise<Response> {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}`);
  await response.arrayBuffer();
  return response;
}

/** What the BFF does for a login and for the API Access page, done by hand against Keystone. */
async function directLogin(): Promise<{ unscoped: string; scoped: string }> {
  const post = (body: unknown) =>
    fetch(`${identity}/auth/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const unscoped = await ok(
    await post({ auth: { identity: { methods: ['password'], password: { user: { name: 'demo', domain: { name: 'Default' }, password: 'secret' } } } } }),
  );
  const token = unscoped.headers.get('x-subject-token')!;
  const projects = (await (await fetch(`${identity}/auth/projects`, { headers: { 'X-Auth-Token': token } })).json()) as { projects: { id: string }[] };
  const scoped = await ok(
    await post({ auth: { identity: { methods: ['token'], token: { id: token } }, scope: { project: { id: projects.projects[0]!.id } } } }),
  );
  return { unscoped: token, scoped: scoped.headers.get('x-subject-token')! };
}

/** The page's data: the project list (header) and the live catalog (endpoints table), side by side. */
async function directApiAccess(tokens: { unscoped: string; scoped: string }): Promise<void> {
  await Promise.all([
    fetch(`${identity}/auth/projects`, { headers: { 'X-Auth-Token': tokens.unscoped } }).then(ok),
    fetch(`${identity}/auth/catalog`, { headers: { 'X-Auth-Token': tokens.scoped } }).then(ok),
  ]);
}

async function main(): Promise<void> {
  const servers = await startCloudAndDashboard({ cloudPort: CLOUD_PORT, dashboardPort: DASHBOARD_PORT, dirPrefix: 'zenith-bench-' });
  try {
    const samples = { bffLogin: [] as number[], bffPage: [] as number[], bffApi: [] as number[], bffTotal: [] as number[], directLogin: [] as number[], directPage: [] as number[], directTotal: [] as number[] };
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const record = i >= WARMUP;
      const sink = (key: keyof typeof samples) => (record ? samples[key] : []);
      // Alternate the order so neither side always runs on a warmer process.
      const bff = async () => {
        const client = new BffClient(dashboardUrl);
        const started = performance.now();
        await time(sink('bffLogin'), async () => ok(await client.login('demo')));
        await time(sink('bffPage'), async () => ok(await client.request('GET', '/project/api-access')));
        if (record) samples.bffTotal.push(performance.now() - started);
        await time(sink('bffApi'), async () => ok(await client.request('GET', '/api/api-access')));
        await client.request('POST', '/api/auth/logout');
      };
      const direct = async () => {
        const started = performance.now();
        const tokens = await time(sink('directLogin'), directLogin);
        await time(sink('directPage'), () => directApiAccess(tokens));
        if (record) samples.directTotal.push(performance.now() - started);
      };
      if (i % 2) {
        await bff();
        await direct();
      } else {
        await direct();
        await bff();
      }
    }
    const s = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)])) as Record<keyof typeof samples, ReturnType<typeof summarize>>;
    console.log(`\nZenith login benchmark: ${RUNS} runs after ${WARMUP} warm-up, embedded cloud, loopback (ms)\n`);
    console.log(formatHeader());
    console.log(formatRow('BFF: POST /api/auth/login', s.bffLogin));
    console.log(formatRow('BFF: GET /project/api-access (HTML)', s.bffPage));
    console.log(formatRow('BFF: login + API Access page', s.bffTotal));
    console.log(formatRow('BFF: GET /api/api-access (JSON)', s.bffApi));
    console.log(formatRow('direct: password, projects, rescope', s.directLogin));
    console.log(formatRow('direct: projects + catalog (page data)', s.directPage));
    console.log(formatRow('direct: login + page data', s.directTotal));
    console.log(`\nBFF added latency, login + page: median ${(s.bffTotal.median - s.directTotal.median).toFixed(2)} ms, p99 ${(s.bffTotal.p99 - s.directTotal.p99).toFixed(2)} ms (ratio ${(s.bffTotal.median / s.directTotal.median).toFixed(2)}x)`);
    saveResults('login', { runs: RUNS, warmup: WARMUP, summaries: s });
  } finally {
    servers.stop();
  }
}

runBenchmark(main);
