// `npm run cloud`: runs the embedded cloud on loopback, configured from the environment.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SEED_NAMES, type SeedName } from './seeds/apply-seed';
import { buildServer } from './server';
import { evaluationOf } from './sim/alarm-evaluator-runtime';
import { startRealTimeDriver } from './sim/real-time-driver';

// The control API (/_emulator) is unauthenticated, so the server must not be reachable
// from other machines.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

function fail(message: string): never {
  console.error(`embedded cloud: ${message}`);
  process.exit(1);
}

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) fail(`${name} must be a positive number, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const host = process.env.EMULATOR_HOST || '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host) && !host.startsWith('127.')) {
    fail(`EMULATOR_HOST must be a loopback address, got "${host}"`);
  }
  const port = positiveNumber('EMULATOR_PORT', 8788);
  const dbPath = process.env.EMULATOR_DB || '.data/cloud.db';
  const seed = process.env.EMULATOR_SEED || 'demo';
  if (!(SEED_NAMES as readonly string[]).includes(seed)) {
    fail(`EMULATOR_SEED must be one of ${SEED_NAMES.join(', ')}, got "${seed}"`);
  }
  const listenUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  mkdirSync(dirname(dbPath), { recursive: true });
  const app = await buildServer({
    dbPath,
    publicUrl: process.env.EMULATOR_PUBLIC_URL || listenUrl,
    seed: seed as SeedName,
    logger: process.env.EMULATOR_LOG === '1',
    adminPassword: process.env.ZENITH_ADMIN_PASSWORD || 'secret',
    demoPassword: process.env.ZENITH_DEMO_PASSWORD || 'secret',
    tokenTtlSeconds: positiveNumber('EMULATOR_TOKEN_TTL', 3600),
  });

  // Alarms are evaluated (and fire their actions) without requests; EMULATOR_TICK_SECONDS apart.
  const evaluation = evaluationOf(app);
  const stopDriver = evaluation ? startRealTimeDriver(evaluation, positiveNumber('EMULATOR_TICK_SECONDS', 5) * 1000) : () => undefined;

  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    stopDriver();
    // On success the process ends by itself once the server and the store are closed,
    // which also lets libsql remove the emptied WAL files; the timer only catches a hang.
    setTimeout(() => process.exit(1), 10_000).unref();
    app.close().then(
      () => undefined,
      (error: unknown) => {
        console.error('embedded cloud: error while closing', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  await app.listen({ host, port });
  console.log(`embedded cloud listening on ${listenUrl} (db ${dbPath})`);
}

main().catch((error: unknown) => {
  console.error('embedded cloud: failed to start', error);
  process.exit(1);
});
