// Builds the dashboard when there is no build yet or a source is newer than it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function newest(file) {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(file).reduce((max, name) => Math.max(max, newest(path.join(file, name))), 0);
}

export function needsBuild() {
  const buildId = path.join(root, process.env.ZENITH_DIST_DIR || '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const inputs = ['app', 'components', 'lib', 'public', 'next.config.js', 'proxy.ts', 'package-lock.json']
    .map((p) => path.join(root, p))
    .filter(existsSync);
  return Math.max(...inputs.map(newest)) > statSync(buildId).mtimeMs;
}

export function buildIfNeeded() {
  if (!needsBuild()) return;
  console.log('[zenith] building the dashboard (first start or changed sources)…');
  const build = spawnSync(bin('next'), ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
