// POST /v3/auth/tokens as clients use it: password logins unscoped and scoped, token
// rescoping, and the shape of what comes back.

import { describe, expect, it } from 'vitest';
import { PROJECT_IDS, ROLE_IDS, USER_IDS } from '../../seeds/ids';
import { parseIsoMicros } from '../../sim/clock';
import {
  call,
  control,
  issue,
  login,
  passwordAuth,
  PUBLIC_URL,
  startTestCloud,
  useTestCloud,
} from '../../testing/test-cloud';

const cloud = useTestCloud({ resetBeforeEach: 'demo' });

const KEYSTONE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

describe('password authentication', () => {
  it('issues an unscoped token: 201, id only in X-Subject-Token, no catalog/roles/project', async () => {
    const response = await issue(cloud.app, passwordAuth({ user: 'demo' }));
    expect(response.statusCode).toBe(201);
    const tokenId = response.headers['x-subject-token'];
    expect(tokenId).toEqual(expect.stringMatching(/^gAAAAA[\w-]{40,}$/));
    expect(response.body).not.toContain(String(tokenId));
    const { token } = response.json();
    expect(Object.keys(token).sort()).toEqual(['audit_ids', 'expires_at', 'issued_at', 'methods', 'user']);
    expect(token.methods).toEqual(['password']);
    expect(token.user).toEqual({
      domain: { id: 'default', name: 'Default' },
      id: USER_IDS.demo,
      name: 'demo',
      password_expires_at: null,
    });
    expect(token.expires_at).toMatch(KEYSTONE_TIME);
    expect(token.issued_at).toMatch(KEYSTONE_TIME);
    expect(parseIsoMicros(token.expires_at) - parseIsoMicros(token.issued_at)).toBeCloseTo(3600_000, 3);
  });

  it('issues a project-scoped token by project name and domain, with roles and catalog', async () => {
    const response = await issue(cloud.app, passwordAuth({ user: 'admin', project: 'admin' }));
    expect(response.statusCode).toBe(201);
    const { token } = response.json();
    expect(token).toMatchObject({
      is_domain: false,
      methods: ['password'],
      project: { domain: { id: 'default', name: 'Default' }, id: PROJECT_IDS.admin, name: 'admin' },
      roles: [{ id: ROLE_IDS.admin, name: 'admin' }],
      user: { id: USER_IDS.admin, name: 'admin', password_expires_at: null },
    });
    expect(token.audit_ids).toEqual([expect.stringMatching(/^[\w-]{22}$/)]);
    expect(token.catalog.length).toBeGreaterThan(0);
  });

  it('accepts a user by id and a project by id', async () => {
    const response = await issue(cloud.app, {
      auth: {
        identity: { methods: ['password'], password: { user: { id: USER_IDS.demo, password: 'secret' } } },
        scope: { project: { id: PROJECT_IDS.demo } },
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().token.project.name).toBe('demo');
  });

  it('accepts a project domain given by name', async () => {
    const response = await issue(cloud.app, {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'demo', domain: { id: 'default' }, password: 'secret' } },
        },
        scope: { project: { name: 'demo', domain: { name: 'Default' } } },
      },
    });
    expect(response.statusCode).toBe(201);
  });

  it('omits the catalog with ?nocatalog', async () => {
    const response = await issue(cloud.app, passwordAuth({ user: 'demo', project: 'demo' }), '?nocatalog');
    expect(response.statusCode).toBe(201);
    expect(response.json().token.catalog).toBeUndefined();
    expect(response.json().token.roles).toEqual([{ id: ROLE_IDS.member, name: 'member' }]);
  });

  it('scopes to a domain only when the user holds a role on it', async () => {
    const domainScope = {
      auth: { ...passwordAuth({ user: 'admin' }).auth, scope: { domain: { id: 'default' } } },
    };
    expect((await issue(cloud.app, domainScope)).statusCode).toBe(401);

    const admin = await login(cloud.app, { user: 'admin', project: 'admin' });
    const grant = await call(
      cloud.app,
      admin,
      'PUT',
      `/identity/v3/domains/default/users/${USER_IDS.admin}/roles/${ROLE_IDS.admin}`,
    );
    expect(grant.statusCode).toBe(204);
    const response = await issue(cloud.app, domainScope);
    expect(response.statusCode).toBe(201);
    const { token } = response.json();
    expect(token.domain).toEqual({ id: 'default', name: 'Default' });
    expect(token.project).toBeUndefined();
    // Endpoints that need a project id are left out of a domain-scoped catalog.
    expect(token.catalog.map((s: { type: string }) => s.type)).not.toContain('orchestration');
  });

  it('rejects a malformed request with a 400 that names the field', async () => {
    const noBody = await cloud.app.inject({ method: 'POST', url: '/identity/v3/auth/tokens' });
    expect(noBody.statusCode).toBe(400);
    const nameWithoutDomain = await issue(cloud.app, {
      auth: { identity: { methods: ['password'], password: { user: { name: 'demo', password: 'x' } } } },
    });
    expect(nameWithoutDomain.statusCode).toBe(400);
    expect(nameWithoutDomain.json().error.message).toContain('identity/password/user/domain');
    const noMethods = await issue(cloud.app, { auth: { identity: { methods: [] } } });
    expect(noMethods.statusCode).toBe(400);
    expect(noMethods.json().error).toMatchObject({ code: 400, title: 'Bad Request' });
  });
});

describe('token rescoping', () => {
  it('turns an unscoped token into a project-scoped one that keeps the original expiry', async () => {
    const first = await issue(cloud.app, passwordAuth({ user: 'demo' }));
    const unscopedId = String(first.headers['x-subject-token']);
    const unscoped = first.json().token;

    await control(cloud.app, 'clock', { mode: 'manual' });
    await control(cloud.app, 'clock/advance', { seconds: 600 });
    const response = await issue(cloud.app, {
      auth: {
        identity: { methods: ['token'], token: { id: unscopedId } },
        scope: { project: { id: PROJECT_IDS.demo } },
      },
    });
    expect(response.statusCode).toBe(201);
    const { token } = response.json();
    expect(token.project.id).toBe(PROJECT_IDS.demo);
    expect(token.expires_at).toBe(unscoped.expires_at);
    expect(token.issued_at).not.toBe(unscoped.issued_at);
    // Keystone records both the new method and the original ones.
    expect(token.methods).toEqual(['token', 'password']);
    expect(token.audit_ids).toEqual([expect.any(String), unscoped.audit_ids[0]]);
    expect(token.audit_ids[0]).not.toBe(unscoped.audit_ids[0]);
  });

  it('refuses to rescope to a project the user has no role on', async () => {
    const demo = await login(cloud.app, { user: 'demo' });
    const response = await issue(cloud.app, {
      auth: {
        identity: { methods: ['token'], token: { id: demo } },
        scope: { project: { id: PROJECT_IDS.admin } },
      },
    });
    expect(response.statusCode).toBe(401);
  });

  it('refuses an invalid token', async () => {
    const response = await issue(cloud.app, {
      auth: { identity: { methods: ['token'], token: { id: 'gAAAAAnot-a-token' } } },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('the service catalog', () => {
  const TYPES = [
    'identity',
    'compute',
    'network',
    'block-storage',
    'volumev3',
    'image',
    'orchestration',
    'cloudformation',
    'alarming',
    'metric',
    'zenith-emulator',
  ];
  type Entry = { type: string; name: string; id: string; endpoints: Record<string, string>[] };

  async function scopedCatalog(): Promise<Entry[]> {
    const response = await issue(cloud.app, passwordAuth({ user: 'demo', project: 'demo' }));
    return response.json().token.catalog as Entry[];
  }

  it('lists every service with public, internal and admin endpoints at one URL', async () => {
    const catalog = await scopedCatalog();
    expect(catalog.map((entry) => entry.type)).toEqual(TYPES);
    const urls = Object.fromEntries(catalog.map((entry) => [entry.type, entry.endpoints[0]?.url]));
    expect(urls).toEqual({
      identity: `${PUBLIC_URL}/identity`,
      compute: `${PUBLIC_URL}/compute/v2.1`,
      network: `${PUBLIC_URL}/networking`,
      'block-storage': `${PUBLIC_URL}/volume/v3`,
      volumev3: `${PUBLIC_URL}/volume/v3`,
      image: `${PUBLIC_URL}/image`,
      orchestration: `${PUBLIC_URL}/heat-api/v1/${PROJECT_IDS.demo}`,
      cloudformation: `${PUBLIC_URL}/heat-api-cfn/v1`,
      alarming: `${PUBLIC_URL}/alarming`,
      metric: `${PUBLIC_URL}/metric`,
      'zenith-emulator': `${PUBLIC_URL}/_emulator`,
    });
    for (const entry of catalog) {
      expect(entry.name).toEqual(expect.any(String));
      expect(entry.endpoints.map((e) => e.interface)).toEqual(['public', 'internal', 'admin']);
      for (const endpoint of entry.endpoints) {
        expect(endpoint).toEqual({
          id: expect.any(String),
          interface: expect.any(String),
          region: 'RegionOne',
          region_id: 'RegionOne',
          url: urls[entry.type],
        });
      }
    }
  });

  it('lists each region’s endpoints when the cloud has several regions', async () => {
    await control(cloud.app, 'reset', { seed: 'demo', regions: ['RegionOne', 'RegionTwo'] });
    const catalog = await scopedCatalog();
    expect(catalog).toHaveLength(TYPES.length);
    for (const entry of catalog) {
      expect(entry.endpoints).toHaveLength(6);
      expect(new Set(entry.endpoints.map((e) => e.region_id))).toEqual(new Set(['RegionOne', 'RegionTwo']));
    }
    const ids = catalog.flatMap((entry) => entry.endpoints.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('serves GET /v3/auth/catalog for scoped tokens and 403 for unscoped ones', async () => {
    const scoped = await login(cloud.app, { user: 'demo', project: 'demo' });
    const response = await call(cloud.app, scoped, 'GET', '/identity/v3/auth/catalog');
    expect(response.statusCode).toBe(200);
    expect(response.json().catalog.map((e: Entry) => e.type)).toEqual(TYPES);
    expect(response.json().links).toEqual({
      self: `${PUBLIC_URL}/identity/v3/auth/catalog`,
      previous: null,
      next: null,
    });

    const unscoped = await login(cloud.app, { user: 'demo' });
    expect((await call(cloud.app, unscoped, 'GET', '/identity/v3/auth/catalog')).statusCode).toBe(403);
  });
});

describe('token lifetime setting', () => {
  it('follows tokenTtlSeconds', async () => {
    const shortLived = await startTestCloud({ tokenTtlSeconds: 60 });
    try {
      const { token } = (await issue(shortLived.app, passwordAuth({ user: 'demo' }))).json();
      const lifetime = parseIsoMicros(token.expires_at) - parseIsoMicros(token.issued_at);
      expect(lifetime).toBeCloseTo(60_000, 3);
    } finally {
      await shortLived.dispose();
    }
  });
});
