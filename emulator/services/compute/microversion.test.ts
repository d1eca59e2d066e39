// Microversion negotiation as python-novaclient and openstacksdk rely on it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestCloud, type TestCloud } from '../../testing/test-cloud';
import { requestedVersion } from './microversion';

let cloud: TestCloud;
let token: string;
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' });
  token = await login(cloud.app, { user: 'admin', project: 'admin' });
});
afterAll(async () => cloud.dispose());

const VARY = 'OpenStack-API-Version, X-OpenStack-Nova-API-Version';

describe('requestedVersion', () => {
  it('defaults to 2.1 and maps latest to the maximum', () => {
    expect(requestedVersion({})).toEqual({ major: 2, minor: 1 });
    expect(requestedVersion({ 'openstack-api-version': 'compute latest' })).toEqual({ major: 2, minor: 79 });
    expect(requestedVersion({ 'x-openstack-nova-api-version': '2.60' })).toEqual({ major: 2, minor: 60 });
  });

  it('prefers the standard header and ignores other services in it', () => {
    expect(
      requestedVersion({ 'openstack-api-version': 'volume 3.5, compute 2.10', 'x-openstack-nova-api-version': '2.3' }),
    ).toEqual({ major: 2, minor: 10 });
    expect(requestedVersion({ 'openstack-api-version': 'volume 3.5' })).toEqual({ major: 2, minor: 1 });
  });
});

describe('compute microversion headers', () => {
  it('echoes the version and Vary on a successful response', async () => {
    const response = await call(cloud.app, token, 'GET', '/compute/v2.1/', undefined, {
      'openstack-api-version': 'compute 2.55',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['openstack-api-version']).toBe('compute 2.55');
    expect(response.headers['x-openstack-nova-api-version']).toBe('2.55');
    expect(response.headers.vary).toBe(VARY);
  });

  it('answers at 2.1 without a header', async () => {
    const response = await call(cloud.app, token, 'GET', '/compute/v2.1/');
    expect(response.headers['openstack-api-version']).toBe('compute 2.1');
  });

  it('advertises 2.1 to 2.79 in the version documents', async () => {
    const root = (await call(cloud.app, undefined, 'GET', '/compute/')).json();
    expect(root.versions[0]).toMatchObject({ id: 'v2.1', min_version: '2.1', version: '2.79' });
    const v21 = (await call(cloud.app, undefined, 'GET', '/compute/v2.1')).json();
    expect(v21.version).toMatchObject({ min_version: '2.1', version: '2.79' });
  });

  it('refuses a version out of range with 406 in Nova’s words', async () => {
    const response = await call(cloud.app, token, 'GET', '/compute/v2.1/flavors', undefined, {
      'openstack-api-version': 'compute 2.999',
    });
    expect(response.statusCode).toBe(406);
    expect(response.json()).toEqual({
      computeFault: {
        code: 406,
        message: 'Version 2.999 is not supported by the API. Minimum is 2.1 and maximum is 2.79.',
      },
    });
    expect(response.headers.vary).toBe(VARY);
  });

  it('refuses a version below the minimum with 406', async () => {
    const response = await call(cloud.app, token, 'GET', '/compute/v2.1/flavors', undefined, {
      'x-openstack-nova-api-version': '2.0',
    });
    expect(response.statusCode).toBe(406);
  });

  it('refuses a malformed version with 400', async () => {
    for (const value of ['compute two', 'compute 2.01x', 'compute 2']) {
      const response = await call(cloud.app, token, 'GET', '/compute/v2.1/flavors', undefined, {
        'openstack-api-version': value,
      });
      expect(response.statusCode, value).toBe(400);
      expect(response.json().badRequest.message).toMatch(/is of invalid format/);
    }
  });

  it('echoes the headers on faults too', async () => {
    const response = await call(cloud.app, token, 'GET', '/compute/v2.1/flavors/nope', undefined, {
      'openstack-api-version': 'compute 2.61',
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.headers['openstack-api-version']).toBe('compute 2.61');
    expect(response.headers.vary).toBe(VARY);
  });

  it('still needs a token below /v2.1, answered in Keystone’s shape', async () => {
    const response = await call(cloud.app, undefined, 'GET', '/compute/v2.1/flavors');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe(401);
  });
});
