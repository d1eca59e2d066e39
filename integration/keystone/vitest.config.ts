import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['integration/keystone/**/*.test.ts'],
    globalSetup: ['integration/keystone/start-dashboard.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'reports/keystone.json' }]],
  },
});
