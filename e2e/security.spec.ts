import { expect, test } from '@playwright/test';

import { LoginPage } from './pages/login-page';
import { cloud } from './support/cloud';

test.beforeEach(async () => {
  await cloud.reset('demo');
});

test('pages carry a strict CSP and the other security headers', async ({ page }) => {
  const response = await page.goto('/login');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-powered-by']).toBeUndefined();
});

test('the session cookie is HttpOnly, SameSite and holds no token; no token reaches the page', async ({ page, context }) => {
  const bodies: string[] = [];
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'document' || r.url().includes('/api/')) bodies.push(await r.text().catch(() => ''));
  });
  await new LoginPage(page).loginAs('demo');
  await page.goto('/project/api-access');

  const cookie = (await context.cookies()).find((c) => c.name === 'zenith_session')!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe('Lax');
  expect(await page.evaluate(() => document.cookie)).not.toContain('zenith_session');
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).toBe('{}{}');

  // Emulator tokens start with gAAAAA like Fernet tokens; none may appear in the cookie or any body.
  expect(cookie.value).not.toMatch(/gAAAAA/);
  expect(bodies.length).toBeGreaterThan(2);
  for (const body of bodies) expect(body).not.toMatch(/gAAAAA[A-Za-z0-9_-]{20,}/);
});

test('mutations without the CSRF header, or from another origin, are refused with 403', async ({ page }) => {
  await new LoginPage(page).loginAs('admin');
  const projects = await (await page.request.get('/api/session')).json();
  const demo = projects.projects.find((p: { name: string }) => p.name === 'demo').id;

  const noToken = await page.request.post('/api/session/project', { data: { projectId: demo } });
  expect(noToken.status()).toBe(403);
  expect((await noToken.json()).error.code).toBe('csrf_rejected');

  const foreign = await page.request.post('/api/session/project', {
    data: { projectId: demo },
    headers: { Origin: 'https://evil.example', 'X-CSRF-Token': 'guess' },
  });
  expect(foreign.status()).toBe(403);

  const crossSiteLogin = await page.request.post('/api/auth/login', {
    data: { domain: 'Default', username: 'demo', password: 'secret' },
    headers: { Origin: 'https://evil.example' },
  });
  expect(crossSiteLogin.status()).toBe(403);

  // Nothing changed: the session is still scoped to admin.
  expect((await (await page.request.get('/api/session')).json()).project.name).toBe('admin');
});

test('bad request bodies get a clear 4xx, not a crash', async ({ page }) => {
  await page.goto('/login');
  const origin = new URL(page.url()).origin;
  const notJson = await page.request.post('/api/auth/login', {
    headers: { 'Content-Type': 'text/plain', Origin: origin },
    data: 'hello',
  });
  expect(notJson.status()).toBe(415);
  const broken = await page.request.post('/api/auth/login', {
    headers: { 'Content-Type': 'application/json', Origin: origin },
    data: Buffer.from('{"domain":'),
  });
  expect(broken.status()).toBe(400);
  expect((await broken.json()).error.code).toBe('invalid_json');
  const missing = await page.request.post('/api/auth/login', { headers: { Origin: origin }, data: { username: 'demo' } });
  expect(missing.status()).toBe(400);
  expect((await missing.json()).error.fields).toMatchObject({ domain: expect.any(String), password: expect.any(String) });
});
