// Starts one embedded cloud for the whole conformance run, reset to the demo seed, and
// hands its URL to the tests (inject('cloudUrl')).

import { accessSync, constants } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { OPENSTACK_BIN, startEmulator, type RunningCloud } from './cli';

declare module 'vitest' {
  export interface ProvidedContext {
    cloudUrl: string;
  }
}

const DEFAULT_PORT = 8790;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    accessSync(OPENSTACK_BIN, constants.X_OK);
  } catch {
    throw new Error(`${OPENSTACK_BIN} is missing: install python3-openstackclient to run the conformance suite`);
  }

  const cloud = await start();
  const reset = await fetch(`${cloud.url}/_emulator/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seed: 'demo' }),
  });
  if (!reset.ok) throw new Error(`resetting the embedded cloud answered ${reset.status}`);

  console.log(`conformance: embedded cloud at ${cloud.url}`);
  project.provide('cloudUrl', cloud.url);
  return () => cloud.close();
}

/** CONFORMANCE_PORT is taken as given; the default port falls back to a free one if busy. */
async function start(): Promise<RunningCloud> {
  const requested = process.env.CONFORMANCE_PORT;
  if (requested) return startEmulator({ port: Number(requested) });
  try {
    return await startEmulator({ port: DEFAULT_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startEmulator();
  }
}
