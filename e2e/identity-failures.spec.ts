import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { LoginPage } from './pages/login-page';
import { spawnServer } from './support/spawn-server';

/**
 * A second dashboard whose OS_AUTH_URL points at a server this spec controls: first it answers like a
 * web server that is not Keystone, then it is gone. The login page must say which, and stay usable.
 */
const port = Number(process.env.E2E_BROKEN_DASHBOARD_PORT ?? 3199);
const dashboardUrl = `http://127.0.0.1:${port}`;
let impostor: Server;
let dashboard: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  impostor = createServer((_, response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>It works!</html>'));
  await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
  const authUrl = `http://127.0.0.1:${(impostor.address() as AddressInfo).port}/v3`;
  dashboard = await spawnServer(
    'node_modules/.bin/next',
    ['start', '--hostname', '127.0.0.1', '--port', String(port)],
    { OS_AUTH_URL: authUrl, ZENITH_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'zenith-broken-')) },
    `${dashboardUrl}/login`,
  );
});

test.afterAll(() => {
  dashboard?.kill('SIGTERM');
  impostor.close();
});

test('an identity service that is not Keystone gets its own message', async ({ page }) => {
  const login = new LoginPage(page);
  await page.goto(`${dashboardUrl}/login`);
  await login.login('demo');
  await expect(login.error).toContainText("not Keystone v3. Check Zenith's OS_AUTH_URL");
  await expect(login.username).toHaveValue('demo');
});

test('an unreachable identity service gets its own message', async ({ page }) => {
  impostor.closeAllConnections();
  await new Promise((resolve) => impostor.close(resolve));
  const login = new LoginPage(page);
  await page.goto(`${dashboardUrl}/login`);
  await expect(page.getByText('Identity service:')).toBeVisible();
  await login.login('demo');
  await expect(login.error).toContainText('The identity service (Keystone) cannot be reached');
  await expect(login.submit).toBeEnabled();
});
