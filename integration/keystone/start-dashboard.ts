import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { spawnServer } from '../../e2e/support/spawn-server';

/** Starts the built dashboard against the real Keystone, with no embedded cloud anywhere. */
export const KEYSTONE_URL = `http://127.0.0.1:${process.env.KS_PORT ?? 5000}/v3`;
export const DASHBOARD_PORT = Number(process.env.KEYSTONE_DASHBOARD_PORT ?? 3197);

let child: ChildProcess | undefined;

export async function setup(): Promise<void> {
  child = await spawnServer(
    'node_modules/.bin/next',
    ['start', '--hostname', '127.0.0.1', '--port', String(DASHBOARD_PORT)],
    { OS_AUTH_URL: KEYSTONE_URL, ZENITH_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'zenith-ks-')) },
    `http://127.0.0.1:${DASHBOARD_PORT}/login`,
  );
}

export async function teardown(): Promise<void> {
  child?.kill('SIGTERM');
}
