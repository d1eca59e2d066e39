#!/usr/bin/env node
// Starts Zenith: the embedded cloud (only when no OS_AUTH_URL is set) and the dashboard on 127.0.0.1:3000.
// On a fresh clone, or after the sources changed, the dashboard is built first.
import { spawn } from 'node:child_process';
import path from 'node:path';

import { bin, buildIfNeeded, root } from './build-if-needed.mjs';

const dev = process.argv.includes('--dev');
const host = process.env.ZENITH_HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '3000';

const children = [];
function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
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

if (!dev) buildIfNeeded();

if (!process.env.OS_AUTH_URL) {
  console.log('[zenith] no OS_AUTH_URL: starting the embedded cloud');
  run(bin('tsx'), ['emulator/main.ts']);
} else {
  console.log(`[zenith] using the cloud at ${process.env.OS_AUTH_URL}`);
}
run(bin('next'), [dev ? 'dev' : 'start', '--hostname', host, '--port', port]);
console.log(`[zenith] dashboard on http://${host}:${port}`);
