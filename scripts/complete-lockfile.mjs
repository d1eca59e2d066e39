#!/usr/bin/env node
// The npm registry reachable from this project's machines lacks other platforms' prebuilt binaries
// (@next/swc-darwin-*, @tailwindcss/oxide-win32-* …). `npm install` skips them without a word and leaves
// them out of package-lock.json, and `npm ci` then calls the lock out of sync. This adds an entry for each
// such optional, platform-only package, with the os and cpu its name declares, so that npm ci skips it on
// Linux and fetches it by version elsewhere. Run it after `npm install` changes the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM = /-(android|darwin|freebsd|linux|win32|wasm32)-?(arm64|x64|arm|ia32|wasi)?(?:-(gnueabihf|gnu|musl|msvc))?$/;
const CPU_FOR_WASM = { wasi: 'wasm32' };

function platformOf(name) {
  const match = PLATFORM.exec(name);
  if (!match) return null;
  const [, os, arch, abi] = match;
  if (os === 'wasm32') return { cpu: ['wasm32'] };
  if (!arch || CPU_FOR_WASM[arch]) return null;
  const entry = { os: [os], cpu: [arch] };
  if (abi === 'gnu' || abi === 'gnueabihf') entry.libc = ['glibc'];
  if (abi === 'musl') entry.libc = ['musl'];
  return entry;
}

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const added = [];
for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const target = `node_modules/${name}`;
    if (lock.packages[target]) continue;
    const platform = platformOf(name);
    if (!platform) {
      console.error(`complete-lockfile: ${name} (wanted by ${path || 'the project'}) is missing and is not a platform package; install it properly`);
      process.exit(1);
    }
    lock.packages[target] = { version, ...(pkg.dev ? { dev: true } : {}), optional: true, ...platform };
    added.push(`${name}@${version}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `complete-lockfile: added ${added.join(', ')}` : 'complete-lockfile: nothing missing');
