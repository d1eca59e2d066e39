#!/usr/bin/env node
// Runs the Playwright specs: finds Chromium, builds the dashboard if needed, then lets Playwright start a
// fresh embedded cloud and the dashboard on their own test ports.
import { spawnSync } from 'node:child_process';

import { bin, buildIfNeeded, root } from './build-if-needed.mjs';
import { findChromium } from './find-chromium.mjs';

const chromium = findChromium();
buildIfNeeded();
const result = spawnSync(bin('playwright'), ['test', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ZENITH_CHROMIUM: chromium },
});
process.exit(result.status ?? 1);
