// Version discovery as keystoneauth and gophercloud do it: every service answers at its
// prefix root and at its versioned root, with the upstream status codes and statuses only
// from the set gophercloud accepts, and hrefs built from the public URL.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_URL, startTestCloud, type TestCloud } from '../testing/test-cloud';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'empty' });
});
afterAll(async () => cloud.dispose());

const ALLOWED_STATUSES = new Set(['CURRENT', 'SUPPORTED', 'DEPRECATED', 'stable']);

/** All version entries of a discovery body, whichever of the three shapes it uses. */
function versionEntries(body: Record<string, unknown>): Record<string, unknown>[] {
  const versions = body.versions as unknown;
  if (Array.isArray(versions)) return versions as Record<string, unknown>[];
  if (versions && typeof versions === 'object') {
    return (versions as { values: Record<string, unknown>[] }).values;
  }
  return [body.version as Record<string, unknown>];
}

function selfHref(entry: Record<string, unknown>): string | undefined {
  const links = entry.links as { rel: string; href: string }[];
  return links.find((link) => link.rel === 'self')?.href;
}

const ROOTS: { path: string; status: number; id: string; self: string }[] = [
  { path: '/identity', status: 300, id: 'v3.14', self: '/identity/v3/' },
  { path: '/identity/v3', status: 200, id: 'v3.14', self: '/identity/v3/' },
  { path: '/compute', status: 200, id: 'v2.1', self: '/compute/v2.1/' },
  { path: '/compute/v2.1', status: 200, id: 'v2.1', self: '/compute/v2.1/' },
  { path: '/networking', status: 200, id: 'v2.0', self: '/networking/v2.0' },
  { path: '/networking/v2.0', status: 200, id: 'v2.0', self: '/networking/v2.0' },
  { path: '/volume', status: 300, id: 'v3.0', self: '/volume/v3/' },
  { path: '/volume/v3', status: 200, id: 'v3.0', self: '/volume/v3/' },
  { path: '/image', status: 300, id: 'v2.16', self: '/image/v2/' },
  { path: '/image/versions', status: 200, id: 'v2.16', self: '/image/v2/' },
  { path: '/image/v2', status: 300, id: 'v2.16', self: '/image/v2/' },
  { path: '/heat-api', status: 300, id: 'v1.0', self: '/heat-api/v1/' },
  { path: '/heat-api/v1', status: 300, id: 'v1.0', self: '/heat-api/v1/' },
  { path: '/heat-api-cfn', status: 300, id: 'v1.0', self: '/heat-api-cfn/v1/' },
  { path: '/heat-api-cfn/v1', status: 300, id: 'v1.0', self: '/heat-api-cfn/v1/' },
  { path: '/alarming', status: 200, id: 'v2', self: '/alarming/v2' },
  { path: '/alarming/v2', status: 200, id: 'v2', self: '/alarming/v2' },
  { path: '/metric', status: 200, id: 'v1.0', self: '/metric/v1/' },
  { path: '/metric/v1', status: 200, id: 'v1.0', self: '/metric/v1/' },
];

describe('version discovery', () => {
  it.each(ROOTS)('GET $path answers $status with $id', async ({ path, status, id, self }) => {
    for (const url of [path, `${path}/`]) {
      const response = await cloud.app.inject({ method: 'GET', url, headers: { accept: 'application/json' } });
      expect(response.statusCode, url).toBe(status);
      const entries = versionEntries(response.json());
      const entry = entries.find((candidate) => candidate.id === id);
      expect(entry, `${url} lists ${id}`).toBeDefined();
      expect(selfHref(entry!)).toBe(`${PUBLIC_URL}${self}`);
      for (const candidate of entries) expect(ALLOWED_STATUSES).toContain(candidate.status);
    }
  });

  it('uses Keystone’s wrapped form at the identity root, with a Location header', async () => {
    const response = await cloud.app.inject({ method: 'GET', url: '/identity' });
    expect(response.headers.location).toBe(`${PUBLIC_URL}/identity/v3/`);
    expect(response.json()).toMatchObject({
      versions: {
        values: [
          {
            id: 'v3.14',
            status: 'stable',
            'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
          },
        ],
      },
    });
  });

  it('answers the versioned identity root with a single version object', async () => {
    const response = await cloud.app.inject({ method: 'GET', url: '/identity/v3' });
    expect(Object.keys(response.json())).toEqual(['version']);
  });

  it('advertises only the microversions it renders: Nova 2.1–2.79, Cinder 3.0–3.27', async () => {
    const nova = (await cloud.app.inject({ method: 'GET', url: '/compute/v2.1' })).json();
    expect(nova.version).toMatchObject({ min_version: '2.1', version: '2.79' });
    expect(nova.version['media-types'][0].type).toBe('application/vnd.openstack.compute+json;version=2.1');
    const cinder = (await cloud.app.inject({ method: 'GET', url: '/volume' })).json();
    expect(cinder.versions[0]).toMatchObject({ min_version: '3.0', version: '3.27' });
  });

  it('lists Glance’s minor versions newest first, one CURRENT', async () => {
    const { versions } = (await cloud.app.inject({ method: 'GET', url: '/image' })).json();
    expect(versions[0].id).toBe('v2.16');
    expect(versions.at(-1).id).toBe('v2.0');
    expect(versions.filter((v: { status: string }) => v.status === 'CURRENT')).toHaveLength(1);
  });

  it('reports Gnocchi’s build beside its versions', async () => {
    const body = (await cloud.app.inject({ method: 'GET', url: '/metric' })).json();
    expect(body.build).toEqual(expect.any(String));
  });
});
