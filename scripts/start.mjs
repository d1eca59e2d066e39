#!/usr/bin/env node
// Starts Zenith: the embedded cloud (only when no OS_AUTH_URL is set) and the dashboard on 127.0.0.1:3000.
// On a fresh clone, or after the sources changed, the dashboard is built first.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dev = process.argv.includes('--dev');
const host = process.env.ZENITH_HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '3000';
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ['app', 'components', 'lib', 'public'].filter((d) => existsSync(path.join(root, d)));
  const files = ['next.config.js', 'proxy.ts', 'package-lock.json'].filter((f) => existsSync(path.join(root, f)));
  const newest = Math.max(...sources.map((d) => newestSource(path.join(root, d))), ...files.map((f) => statSync(path.join(root, f)).mtimeMs));
  return newest > built;
}

const children = [];
function run(command, args, env = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[zenith] ${path.basename(command)} stopped (${signal ?? code}); stopping the rest`);
      stop(code ?? 1);
    }
  });
  return child;
}

let stopping = false;
function stop(code) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 200).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (!dev && needsBuild()) {
  console.log('[zenith] building the dashboard (first start or changed sources)…');
  const build = spawnSync(bin('next'), ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

if (!process.env.OS_AUTH_URL) {
  console.log('[zenith] no OS_AUTH_URL: starting the embedded cloud');
  run(bin('tsx'), ['emulator/main.ts']);
} else {
  console.log(`[zenith] using the cloud at ${process.env.OS_AUTH_URL}`);
}
run(bin('next'), [dev ? 'dev' : 'start', '--hostname', host, '--port', port]);
console.log(`[zenith] dashboard on http://${host}:${port}`);
