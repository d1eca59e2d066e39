// A token's life after issue: validation (GET/HEAD), revocation, expiry on the simulation
// clock, and the generic 401 every failed login gets.

import { describe, expect, it } from 'vitest';
import { PROJECT_IDS, ROLE_IDS, USER_IDS } from '../../seeds/ids';
import {
  call,
  control,
  issue,
  login,
  passwordAuth,
  PUBLIC_URL,
  useTestCloud,
} from '../../testing/test-cloud';

const cloud = useTestCloud({ resetBeforeEach: 'demo' });

const TOKENS = '/identity/v3/auth/tokens';
const GENERIC_401 = {
  error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' },
};

function check(caller: string, subject: string, method: 'GET' | 'HEAD' | 'DELETE' = 'GET') {
  return call(cloud.app, caller, method, TOKENS, undefined, { 'x-subject-token': subject });
}

describe('validating and revoking tokens', () => {
  it('validates a token: 200, the token body, X-Subject-Token echoed', async () => {
    const token = await login(cloud.app, { user: 'demo', project: 'demo' });
    const response = await check(token, token);
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-subject-token']).toBe(token);
    expect(response.json().token).toMatchObject({ project: { id: PROJECT_IDS.demo }, methods: ['password'] });
    expect(response.json().token.catalog).toBeDefined();
  });

  it('checks a token with HEAD: 200 without a body', async () => {
    const token = await login(cloud.app, { user: 'demo' });
    const response = await check(token, token, 'HEAD');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
  });

  it('revokes a token: 204, then validation is 404 and using it is 401', async () => {
    const admin = await login(cloud.app, { user: 'admin', project: 'admin' });
    const token = await login(cloud.app, { user: 'demo', project: 'demo' });
    expect((await check(token, token, 'DELETE')).statusCode).toBe(204);

    const validation = await check(admin, token);
    expect(validation.statusCode).toBe(404);
    expect(validation.json().error.message).toMatch(/^Could not find token/);
    expect((await check(admin, token, 'HEAD')).statusCode).toBe(404);

    const used = await call(cloud.app, token, 'GET', '/identity/v3/auth/projects');
    expect(used.statusCode).toBe(401);
    expect(used.json()).toEqual(GENERIC_401);
    expect(used.headers['www-authenticate']).toBe(`Keystone uri="${PUBLIC_URL}/identity"`);
  });

  it('lets an admin validate and revoke anyone’s token, but not a member', async () => {
    const admin = await login(cloud.app, { user: 'admin', project: 'admin' });
    const demo = await login(cloud.app, { user: 'demo', project: 'demo' });
    const other = await login(cloud.app, { user: 'admin', project: 'demo' });
    expect((await check(demo, other)).statusCode).toBe(403);
    expect((await check(demo, other, 'DELETE')).statusCode).toBe(403);
    expect((await check(admin, demo)).statusCode).toBe(200);
    expect((await check(admin, demo, 'DELETE')).statusCode).toBe(204);
  });

  it('answers 401 when the caller’s own token is missing or invalid', async () => {
    const token = await login(cloud.app, { user: 'demo' });
    const missing = await cloud.app.inject({ method: 'GET', url: TOKENS, headers: { 'x-subject-token': token } });
    expect(missing.statusCode).toBe(401);
    expect((await check('gAAAAAbogus', token)).statusCode).toBe(401);
  });

  it('refuses to rescope a revoked token', async () => {
    const token = await login(cloud.app, { user: 'demo' });
    await check(token, token, 'DELETE');
    const rescope = await issue(cloud.app, {
      auth: { identity: { methods: ['token'], token: { id: token } }, scope: { project: { id: PROJECT_IDS.demo } } },
    });
    expect(rescope.statusCode).toBe(401);
  });
});

describe('expiry on the simulation clock', () => {
  it('expires a token after its lifetime of simulated time', async () => {
    await control(cloud.app, 'clock', { mode: 'manual' });
    const admin = await login(cloud.app, { user: 'admin', project: 'admin' });
    const token = await login(cloud.app, { user: 'demo', project: 'demo' });
    await control(cloud.app, 'clock/advance', { seconds: 3599 });
    expect((await check(token, token)).statusCode).toBe(200);

    await control(cloud.app, 'clock/advance', { seconds: 2 });
    expect((await call(cloud.app, token, 'GET', '/identity/v3/auth/projects')).statusCode).toBe(401);
    const fresh = await login(cloud.app, { user: 'admin', project: 'admin' });
    expect((await check(fresh, token)).statusCode).toBe(404);
    expect((await call(cloud.app, admin, 'GET', '/identity/v3/users')).statusCode).toBe(401);
  });

  it('expires a rescoped token with the token it came from', async () => {
    await control(cloud.app, 'clock', { mode: 'manual' });
    const unscoped = await login(cloud.app, { user: 'demo' });
    await control(cloud.app, 'clock/advance', { seconds: 1800 });
    const rescoped = await issue(cloud.app, {
      auth: { identity: { methods: ['token'], token: { id: unscoped } }, scope: { project: { id: PROJECT_IDS.demo } } },
    });
    const scoped = String(rescoped.headers['x-subject-token']);
    await control(cloud.app, 'clock/advance', { seconds: 1801 });
    expect((await check(scoped, scoped)).statusCode).toBe(401);
  });
});

describe('failed logins are all the same 401', () => {
  async function expectGeneric401(body: unknown): Promise<void> {
    const response = await issue(cloud.app, body);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual(GENERIC_401);
    expect(response.headers['www-authenticate']).toBe(`Keystone uri="${PUBLIC_URL}/identity"`);
    expect(response.headers['x-subject-token']).toBeUndefined();
  }

  async function patchAsAdmin(path: string, body: unknown): Promise<void> {
    const admin = await login(cloud.app, { user: 'admin', project: 'admin' });
    expect((await call(cloud.app, admin, 'PATCH', `/identity/v3${path}`, body)).statusCode).toBe(200);
  }

  it('for a wrong password', async () => {
    await expectGeneric401(passwordAuth({ user: 'demo', password: 'wrong' }));
  });

  it('for an unknown user', async () => {
    await expectGeneric401(passwordAuth({ user: 'nobody' }));
  });

  it('for an unknown user domain', async () => {
    await expectGeneric401({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'demo', domain: { name: 'Nowhere' }, password: 'secret' } },
        },
      },
    });
  });

  it('for an unknown project or project domain', async () => {
    await expectGeneric401(passwordAuth({ user: 'demo', project: 'nope' }));
    await expectGeneric401({
      auth: {
        ...passwordAuth({ user: 'demo' }).auth,
        scope: { project: { name: 'demo', domain: { id: 'nowhere' } } },
      },
    });
  });

  it('for a project the user holds no role on', async () => {
    await expectGeneric401(passwordAuth({ user: 'demo', project: 'admin' }));
  });

  it('for a disabled user, whose tokens stop working too', async () => {
    const token = await login(cloud.app, { user: 'demo', project: 'demo' });
    await patchAsAdmin(`/users/${USER_IDS.demo}`, { user: { enabled: false } });
    await expectGeneric401(passwordAuth({ user: 'demo', project: 'demo' }));
    expect((await check(token, token)).statusCode).toBe(401);
  });

  it('for a disabled project', async () => {
    await patchAsAdmin(`/projects/${PROJECT_IDS.demo}`, { project: { enabled: false } });
    await expectGeneric401(passwordAuth({ user: 'demo', project: 'demo' }));
  });

  it('for a user of a disabled domain', async () => {
    const admin = await login(cloud.app, { user: 'admin', project: 'admin' });
    const { domain } = (
      await call(cloud.app, admin, 'POST', '/identity/v3/domains', { domain: { name: 'Other' } })
    ).json();
    await call(cloud.app, admin, 'POST', '/identity/v3/users', {
      user: { name: 'olga', domain_id: domain.id, password: 'pw' },
    });
    const olga = {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'olga', domain: { name: 'Other' }, password: 'pw' } },
        },
      },
    };
    expect((await issue(cloud.app, olga)).statusCode).toBe(201);
    await patchAsAdmin(`/domains/${domain.id}`, { domain: { enabled: false } });
    await expectGeneric401(olga);
  });

  it('for a user whose last role on the project was removed', async () => {
    const token = await login(cloud.app, { user: 'demo', project: 'demo' });
    const admin = await login(cloud.app, { user: 'admin', project: 'admin' });
    const revoke = await call(
      cloud.app,
      admin,
      'DELETE',
      `/identity/v3/projects/${PROJECT_IDS.demo}/users/${USER_IDS.demo}/roles/${ROLE_IDS.member}`,
    );
    expect(revoke.statusCode).toBe(204);
    await expectGeneric401(passwordAuth({ user: 'demo', project: 'demo' }));
    // Roles are read when a token is validated, so the existing token is no longer valid.
    expect((await check(token, token)).statusCode).toBe(401);
  });
});
