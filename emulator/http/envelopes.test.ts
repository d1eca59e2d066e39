// What a client sees when it reaches for an API the embedded cloud does not have yet, or a
// path that exists nowhere: each service's own error envelope, and a request id always.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { login, PUBLIC_URL, startTestCloud, type TestCloud } from '../testing/test-cloud';

let cloud: TestCloud;
let token: string;
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'empty' });
  token = await login(cloud.app, { user: 'admin', project: 'admin' });
});

/** A request made with a valid token, as a client that has logged in makes it. */
function authed(options: InjectOptions) {
  return cloud.app.inject({ ...options, headers: { ...options.headers, 'x-auth-token': token } });
}
afterAll(async () => cloud.dispose());

const REQUEST_ID = /^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('services not implemented yet', () => {
  it('Nova answers 501 with notImplemented', async () => {
    const response = await authed({ method: 'GET', url: '/compute/v2.1/os-instance_usage_audit_log' });
    expect(response.statusCode).toBe(501);
    const body = response.json();
    expect(body).toEqual({ notImplemented: { code: 501, message: expect.any(String) } });
    expect(body.notImplemented.message).toMatch(/does not implement .* yet/);
  });

  it('Cinder answers 501 with notImplemented', async () => {
    const response = await authed({
      method: 'POST',
      url: '/volume/v3/backups',
      payload: { backup: { volume_id: 'v1' } },
    });
    expect(response.statusCode).toBe(501);
    expect(response.json().notImplemented.code).toBe(501);
  });

  it('Neutron answers 501 with NeutronError', async () => {
    const response = await authed({ method: 'GET', url: '/networking/v2.0/qos/policies' });
    expect(response.statusCode).toBe(501);
    expect(response.json()).toEqual({
      NeutronError: { type: 'NotImplemented', message: expect.stringMatching(/does not implement/), detail: '' },
    });
  });

  it('Glance answers 501 through webob’s JSON shape', async () => {
    const response = await authed({ method: 'GET', url: '/image/v2/tasks' });
    expect(response.statusCode).toBe(501);
    expect(response.json()).toMatchObject({ code: '501 Not Implemented', title: 'Not Implemented' });
  });

  it('Heat answers 501 with its fault body', async () => {
    const response = await authed({ method: 'GET', url: '/heat-api/v1/p1/software_configs' });
    expect(response.statusCode).toBe(501);
    expect(response.json()).toEqual({
      code: 501,
      title: 'Not Implemented',
      explanation: expect.any(String),
      error: { type: 'NotImplemented', message: expect.stringMatching(/does not implement/), traceback: null },
    });
    const cfn = await authed({ method: 'POST', url: '/heat-api-cfn/v1/waitcondition/x' });
    expect(cfn.statusCode).toBe(501);
    expect(cfn.json().error.type).toBe('NotImplemented');
  });

  it('Aodh answers 501 with error_message.faultstring', async () => {
    const response = await authed({ method: 'GET', url: '/alarming/v2/quotas' });
    expect(response.statusCode).toBe(501);
    expect(response.json().error_message.faultstring).toMatch(/does not implement/);
  });

  it('Gnocchi answers 501 with code and description', async () => {
    const response = await authed({ method: 'GET', url: '/metric/v1/status' });
    expect(response.statusCode).toBe(501);
    expect(response.json()).toEqual({ code: 501, description: expect.stringMatching(/does not implement/) });
  });

  it('refuses a request without a valid token first, as keystonemiddleware does', async () => {
    for (const headers of [{}, { 'x-auth-token': 'gAAAAAexpired' }]) {
      const response = await cloud.app.inject({ method: 'GET', url: '/compute/v2.1/servers', headers });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' },
      });
      expect(response.headers['www-authenticate']).toBe(`Keystone uri="${PUBLIC_URL}/identity"`);
    }
  });

  it('accepts request bodies of any media type before answering', async () => {
    const response = await authed({
      method: 'PUT',
      url: '/image/v2/images/x/stage',
      payload: Buffer.from('disk image bytes'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(response.statusCode).toBe(501);
  });
});

describe('every response', () => {
  it('carries x-openstack-request-id, unique per request', async () => {
    const urls = ['/identity', '/compute/v2.1/flavors', '/nowhere', '/_emulator/health'];
    const ids = new Set<string>();
    for (const url of urls) {
      const id = (await cloud.app.inject({ method: 'GET', url })).headers['x-openstack-request-id'];
      expect(id, url).toMatch(REQUEST_ID);
      ids.add(String(id));
    }
    expect(ids.size).toBe(urls.length);
  });

  it("carries the simulation clock's time in Date", async () => {
    await cloud.app.inject({ method: 'POST', url: '/_emulator/clock', payload: { mode: 'manual' } });
    await cloud.app.inject({ method: 'POST', url: '/_emulator/clock/advance', payload: { seconds: 86_400 } });
    const now = Date.parse((await cloud.app.inject({ method: 'GET', url: '/_emulator/clock' })).json().now);
    const date = (await cloud.app.inject({ method: 'GET', url: '/compute/v2.1/flavors' })).headers.date;
    expect(Date.parse(String(date))).toBe(Math.floor(now / 1000) * 1000);
  });

  it('answers an undecodable URL with a JSON 400 and a request id', async () => {
    const response = await cloud.app.inject({ method: 'GET', url: '/identity/v3/projects/%zz' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['x-openstack-request-id']).toMatch(REQUEST_ID);
    expect(response.json().error.code).toBe(400);
  });

  it('answers unknown paths outside the service prefixes with a JSON 404', async () => {
    const response = await cloud.app.inject({ method: 'GET', url: '/v2.0/tokens' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json().error.code).toBe(404);
  });

  it('answers unknown paths under a service prefix in that service’s envelope', async () => {
    const response = await cloud.app.inject({ method: 'GET', url: '/compute/v2/servers' });
    expect(response.statusCode).toBe(404);
    expect(response.json().itemNotFound.code).toBe(404);
  });
});
