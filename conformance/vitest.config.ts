// The conformance suite: the real python-openstackclient against the embedded cloud.
// Run with `bash conformance/run.sh`.

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['conformance/**/*.test.ts'],
    globalSetup: ['conformance/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    // Each CLI call pays for Python's start-up; a test makes a few.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    reporters: ['default', ['json', { outputFile: 'reports/conformance.json' }]],
  },
});
