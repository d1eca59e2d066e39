/**
 * The embedded cloud's Neutron ports at the scale seed's size (10,000 servers, each with a port):
 * Nova's server lists, whose addresses now come from the ports (two queries per page), and
 * Neutron's port lists. In process through app.inject, so the figures are the cloud's own work.
 * Prints median, p99 and mean in milliseconds.
 *   npm run bench:neutron-ports      (BENCH_RUNS=30 per row)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { scaleServerId } from '../emulator/seeds/scale';
import { buildServer } from '../emulator/server';
import { formatRow, summarize } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zenith-bench-neutron-'));
  const app = await buildServer({ dbPath: path.join(dir, 'cloud.db'), publicUrl: 'http://bench.local', seed: 'scale' });
  try {
    const login = async (project: string) => {
      const response = await app.inject({
        method: 'POST',
        url: '/identity/v3/auth/tokens',
        payload: {
          auth: {
            identity: { methods: ['password'], password: { user: { name: 'admin', domain: { name: 'Default' }, password: 'secret' } } },
            scope: { project: { name: project, domain: { id: 'default' } } },
          },
        },
      });
      return String(response.headers['x-subject-token']);
    };
    const admin = await login('admin');
    const member = await login('scale-001');
    const get = (token: string, url: string) => async () => {
      const response = await app.inject({ method: 'GET', url, headers: { 'x-auth-token': token, 'openstack-api-version': 'compute 2.79' } });
      if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
    };
    const rows: [string, () => Promise<void>][] = [
      ['nova servers/detail all_tenants limit=1000', get(admin, '/compute/v2.1/servers/detail?all_tenants=1&limit=1000')],
      ['nova servers/detail one project (50)', get(member, '/compute/v2.1/servers/detail')],
      ['nova servers?ip=10.0.0.3 one project', get(member, '/compute/v2.1/servers?ip=10.0.0.3')],
      ['neutron ports?device_id=<server>', get(admin, `/networking/v2.0/ports?device_id=${scaleServerId(4321)}`)],
      ['neutron ports limit=100 (admin)', get(admin, '/networking/v2.0/ports?limit=100')],
      ['neutron ports one project (member)', get(member, '/networking/v2.0/ports')],
      ['neutron ports all (admin, ~10,200)', get(admin, '/networking/v2.0/ports')],
    ];
    console.log(`${'request'.padEnd(44)} ${'median'.padStart(9)} ${'p99'.padStart(9)} ${'mean'.padStart(9)}  (ms, ${RUNS} runs)`);
    for (const [name, run] of rows) {
      await run();
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await run();
        samples.push(performance.now() - started);
      }
      console.log(formatRow(name, summarize(samples)));
    }
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
