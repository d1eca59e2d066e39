/**
 * What the benchmarks share: the embedded cloud and the built dashboard started side by side on loopback
 * ports over a fresh data folder, and the figures saved under bench/results.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { spawnServer } from '../e2e/support/spawn-server';

export interface BenchServers {
  /** The fresh data folder (the cloud's database is cloud.db in it), for benches that seed through the store. */
  dataDir: string;
  /** Stops the dashboard, then the cloud. */
  stop(): void;
}

/** Starts the cloud on cloudPort (its database in a new temporary folder named by dirPrefix), then the dashboard against it. */
export async function startCloudAndDashboard({ cloudPort, dashboardPort, dirPrefix }: { cloudPort: number; dashboardPort: number; dirPrefix: string }): Promise<BenchServers> {
  const cloudUrl = `http://127.0.0.1:${cloudPort}`;
  const dir = mkdtempSync(path.join(tmpdir(), dirPrefix));
  const cloud = await spawnServer('node_modules/.bin/tsx', ['emulator/main.ts'], { EMULATOR_PORT: String(cloudPort), EMULATOR_DB: path.join(dir, 'cloud.db') }, `${cloudUrl}/_emulator/health`);
  const dashboard = await spawnServer(
    'node_modules/.bin/next',
    ['start', '--hostname', '127.0.0.1', '--port', String(dashboardPort)],
    { EMULATOR_PORT: String(cloudPort), ZENITH_DATA_DIR: dir, OS_AUTH_URL: '' },
    `http://127.0.0.1:${dashboardPort}/login`,
  );
  return {
    dataDir: dir,
    stop() {
      dashboard.kill('SIGTERM');
      cloud.kill('SIGTERM');
    },
  };
}

/**
 * A caller of the cloud's APIs at cloudUrl (Nova microversion 2.79), with a token or none (the emulator's controls):
 * the parsed JSON answer (null when empty), or an error with the status and body.
 */
export function cloudApi(cloudUrl: string) {
  return async function api<T = any>(token: string | null, method: string, route: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'OpenStack-API-Version': 'compute 2.79' };
    if (token) headers['X-Auth-Token'] = token;
    const response = await fetch(`${cloudUrl}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
}

/** Writes bench/results/<name>-<timestamp>.json and says where. */
export function saveResults(name: string, figures: unknown): void {
  mkdirSync('bench/results', { recursive: true });
  const file = path.join('bench/results', `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(figures, null, 2));
  console.log(`figures saved to ${file}`);
}
