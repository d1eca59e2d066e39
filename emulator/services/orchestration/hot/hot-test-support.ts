import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { StackIdentity } from './parameters';

const SHARED = resolve(process.cwd(), '../shared/fixtures/heat');
const LOCAL = resolve(process.cwd(), 'emulator/services/orchestration/hot/fixtures');

/** Reads a fixture (e.g. "rhosp8-cpu/example.yaml") from the shared fixtures, or the local copy. */
export function fixture(path: string): string {
  const shared = join(SHARED, path);
  return readFileSync(existsSync(shared) ? shared : join(LOCAL, path), 'utf8');
}

export const identity: StackIdentity = {
  stackId: '5f1a0c1e-0000-4000-8000-000000000001',
  stackName: 'example1',
  projectId: 'p-demo',
};
