import { defineConfig, devices } from '@playwright/test';

import { E2E } from './e2e/support/env';

export default defineConfig({
  testDir: './e2e',
  // One embedded cloud backs every spec and each spec resets it: run them one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: E2E.dashboardUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.ZENITH_CHROMIUM || undefined,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      command: 'node_modules/.bin/tsx emulator/main.ts',
      url: `${E2E.cloudUrl}/_emulator/health`,
      reuseExistingServer: false,
      env: { EMULATOR_PORT: String(E2E.cloudPort), EMULATOR_DB: E2E.cloudDb },
      timeout: 60_000,
    },
    {
      command: `node_modules/.bin/next start --hostname 127.0.0.1 --port ${E2E.dashboardPort}`,
      url: `${E2E.dashboardUrl}/login`,
      reuseExistingServer: false,
      env: { EMULATOR_PORT: String(E2E.cloudPort), ZENITH_DATA_DIR: E2E.dataDir, OS_AUTH_URL: '' },
      timeout: 120_000,
    },
  ],
});
