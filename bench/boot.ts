/**
 * Boots BENCH_BOOTS servers (default 1,000) through Nova's HTTP API at concurrency 24 against a
 * fresh embedded cloud on port 8802, as the Rally boot runs of the seed blog posts do (3.42
 * boots per second on a real cloud). Prints accepted boots per second, reached-ACTIVE boots per
 * second, and the median and p99 latency of POST /servers.
 *   npm run bench:boot
 * The cloud's clock runs 100x faster than real time, so the simulated 5 s build takes 50 ms and
 * "reached ACTIVE" measures the embedded cloud, not the simulated boot. Servers use m1.nano and
 * networks "none": the temporary per-project allocator has a /24 (252 addresses) until Neutron.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { spawnServer } from '../e2e/support/spawn-server';
import { formatHeader, formatRow, runBenchmark, summarize } from './stats';

const BOOTS = Number(process.env.BENCH_BOOTS ?? 1000);
const CONCURRENCY = 24;
const PORT = 8802;
const CLOCK_SPEED = 100;
const cloudUrl = `http://127.0.0.1:${PORT}`;
const nova = `${cloudUrl}/compute/v2.1`;
const CIRROS = '10000000-0000-0000-0000-000000000001';

async function token(user: string, project: string): Promise<{ token: string; projectId: string }> {
  const response = await fetch(`${cloudUrl}/identity/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: user, domain: { name: 'Default' }, password: 'secret' } } },
        scope: { project: { name: project, domain: { id: 'default' } } },
      },
    }),
  });
  if (response.status !== 201) throw new Error(`login as ${user} answered ${response.status}`);
  const body = (await response.json()) as { token: { project: { id: string } } };
  return { token: response.headers.get('x-subject-token')!, projectId: body.token.project.id };
}

async function json(response: Response, expected: number): Promise<unknown> {
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${response.url} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zenith-bench-boot-'));
  const cloud = await spawnServer('node_modules/.bin/tsx', ['emulator/main.ts'], { EMULATOR_PORT: String(PORT), EMULATOR_DB: path.join(dir, 'cloud.db') }, `${cloudUrl}/_emulator/health`);
  try {
    const admin = await token('admin', 'admin');
    const demo = await token('demo', 'demo');
    const headers = (t: string) => ({ 'x-auth-token': t, 'content-type': 'application/json', 'openstack-api-version': 'compute 2.79' });
    // Raise the demo project's quota through the quota API, as an operator would before a Rally run.
    await json(await fetch(`${nova}/os-quota-sets/${demo.projectId}`, { method: 'PUT', headers: headers(admin.token), body: JSON.stringify({ quota_set: { instances: -1, cores: -1, ram: -1 } }) }), 200);
    await json(await fetch(`${cloudUrl}/_emulator/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode: 'real', speed: CLOCK_SPEED }) }), 200);

    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    const worker = async (): Promise<void> => {
      while (next < BOOTS) {
        const n = next++;
        const body = JSON.stringify({ server: { name: `bench-${n}`, flavorRef: '42', imageRef: CIRROS, networks: 'none' } });
        const t0 = performance.now();
        const response = await fetch(`${nova}/servers`, { method: 'POST', headers: headers(demo.token), body });
        await json(response, 202);
        latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const acceptedMs = performance.now() - started;

    // Reached ACTIVE: poll until no server of the project is still building.
    let errors = 0;
    for (;;) {
      const body = (await json(await fetch(`${nova}/servers/detail?limit=1000&status=BUILD`, { headers: headers(demo.token) }), 200)) as { servers: unknown[] };
      if (body.servers.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const activeMs = performance.now() - started;
    const failed = (await json(await fetch(`${nova}/servers?limit=1000&status=ERROR`, { headers: headers(demo.token) }), 200)) as { servers: unknown[] };
    errors = failed.servers.length;

    const post = summarize(latencies);
    console.log(`\nZenith boot benchmark: ${BOOTS} boots of m1.nano at concurrency ${CONCURRENCY}, embedded cloud, loopback, clock x${CLOCK_SPEED}\n`);
    console.log(`accepted:       ${(BOOTS / (acceptedMs / 1000)).toFixed(1)} boots/s (${(acceptedMs / 1000).toFixed(2)} s)`);
    console.log(`reached ACTIVE: ${(BOOTS / (activeMs / 1000)).toFixed(1)} boots/s (${(activeMs / 1000).toFixed(2)} s; includes the simulated ${5 / CLOCK_SPEED} s build)`);
    console.log(`ERROR:          ${errors}`);
    console.log(`\n${formatHeader('measure (ms)')}`);
    console.log(formatRow('POST /servers', post));
    console.log('\nFor comparison: Rally on a real cloud reached 3.42 boots per second.');
    mkdirSync('bench/results', { recursive: true });
    const file = path.join('bench/results', `boot-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ boots: BOOTS, concurrency: CONCURRENCY, clockSpeed: CLOCK_SPEED, acceptedMs, activeMs, errors, post }, null, 2));
    console.log(`figures saved to ${file}`);
  } finally {
    cloud.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

runBenchmark(main);
