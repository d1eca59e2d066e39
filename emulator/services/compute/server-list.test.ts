// GET /servers and /servers/detail: paging with limit/marker and the next link only on a full
// page, Nova's filters, and what an admin sees across projects.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_IDS } from '../../seeds/ids';
import { startServerCloud, type ServerTestCloud } from './server-testing';

let cloud: ServerTestCloud;
beforeAll(async () => {
  cloud = await startServerCloud();
});
afterAll(async () => cloud.dispose());
beforeEach(async () => cloud.reset());

type Row = { id: string; name: string; links: unknown[] };
const list = async (query: string, token = cloud.demo, path = '/servers') => {
  const response = await cloud.nova(token, 'GET', `${path}${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { servers: Row[] & Record<string, unknown>[]; servers_links?: { rel: string; href: string }[] };
};

/** Five servers one simulated second apart, named s1 (oldest) … s5. */
async function five(): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= 5; i++) {
    ids.push(await cloud.boot(cloud.demo, { name: `s${i}` }));
    await cloud.advance(1);
  }
  return ids;
}

describe('paging', () => {
  it('newest first, next link only when the page is full, an empty last page', async () => {
    await five();
    const first = await list('?limit=2');
    expect(first.servers.map((s) => s.name)).toEqual(['s5', 's4']);
    expect(first.servers_links?.[0]?.rel).toBe('next');
    const next = new URL(first.servers_links![0]!.href);
    expect(next.searchParams.get('marker')).toBe(first.servers[1]!.id);
    const second = await list(`?limit=2&marker=${first.servers[1]!.id}`);
    expect(second.servers.map((s) => s.name)).toEqual(['s3', 's2']);
    const third = await list(`?limit=2&marker=${second.servers[1]!.id}`);
    expect(third.servers.map((s) => s.name)).toEqual(['s1']);
    expect(third.servers_links).toBeUndefined();
  });

  it('an exactly full last page still links to an empty one', async () => {
    const ids = await five();
    const page = await list(`?limit=1&marker=${ids[1]}`);
    expect(page.servers.map((s) => s.name)).toEqual(['s1']);
    expect(page.servers_links).toBeDefined();
    const empty = await list(`?limit=1&marker=${ids[0]}`);
    expect(empty.servers).toEqual([]);
    expect(empty.servers_links).toBeUndefined();
  });

  it('keeps filters in the next link and pages servers created at the same instant', async () => {
    await cloud.nova(cloud.demo, 'POST', '/servers', { server: { name: 'same', flavorRef: '42', imageRef: '10000000-0000-0000-0000-000000000001', networks: 'none', min_count: 4 } });
    const seen: string[] = [];
    let query = '?limit=3&name=same';
    for (let guard = 0; guard < 5; guard++) {
      const page = await list(query, cloud.demo, '/servers/detail');
      seen.push(...page.servers.map((s) => s.id));
      if (!page.servers_links) break;
      const href = new URL(page.servers_links[0]!.href);
      expect(href.pathname).toBe('/compute/v2.1/servers/detail');
      expect(href.searchParams.get('name')).toBe('same');
      query = href.search;
    }
    expect(new Set(seen).size).toBe(4);
  });

  it('answers an unknown marker with 400 and a bad limit with 400', async () => {
    const response = await cloud.nova(cloud.demo, 'GET', '/servers?marker=nope');
    expect(response.statusCode).toBe(400);
    expect(response.json().badRequest.message).toBe('marker [nope] not found');
    expect((await cloud.nova(cloud.demo, 'GET', '/servers?limit=-1')).statusCode).toBe(400);
    expect((await cloud.nova(cloud.demo, 'GET', '/servers?limit=x')).statusCode).toBe(400);
    expect((await cloud.nova(cloud.demo, 'GET', '/servers?sort_key=bogus')).statusCode).toBe(400);
  });

  it('sorts by name ascending on request', async () => {
    await five();
    const page = await list('?sort_key=name&sort_dir=asc&limit=3');
    expect(page.servers.map((s) => s.name)).toEqual(['s1', 's2', 's3']);
  });
});

describe('filters', () => {
  it('name is a regular expression; status, flavor, image, ip and changes-since filter', async () => {
    await five();
    await cloud.advance(5);
    await cloud.boot(cloud.demo, { name: 'db-1', flavorRef: '42' });
    expect((await list('?name=^s[12]$')).servers.map((s) => s.name).sort()).toEqual(['s1', 's2']);
    expect((await list('?status=BUILD')).servers.map((s) => s.name)).toEqual(['db-1']);
    expect((await list('?status=ACTIVE')).servers).toHaveLength(5);
    const [first] = (await list('?name=s1')).servers;
    await cloud.nova(cloud.demo, 'POST', `/servers/${first!.id}/action`, { reboot: { type: 'SOFT' } });
    expect((await list('?status=REBOOT')).servers.map((s) => s.name)).toEqual(['s1']);
    expect((await list('?status=ACTIVE')).servers).toHaveLength(5);
    expect((await list('?status=HARD_REBOOT')).servers).toEqual([]);
    expect((await list('?status=NONSENSE')).servers).toEqual([]);
    expect((await list('?flavor=42')).servers.map((s) => s.name)).toEqual(['db-1']);
    expect((await list('?image=10000000-0000-0000-0000-000000000001')).servers).toHaveLength(6);
    // 10.0.0.2 is private's metadata port: s1 has .3, s2 .4.
    expect((await list('?ip=10\\.0\\.0\\.4$')).servers.map((s) => s.name)).toEqual(['s2']);
    expect((await list('?changes-since=2999-01-01T00:00:00Z')).servers).toEqual([]);
  });

  it('locked filters from 2.73', async () => {
    const [a] = await five();
    await cloud.nova(cloud.demo, 'POST', `/servers/${a}/action`, { lock: null });
    expect((await list('?locked=true')).servers.map((s) => s.id)).toEqual([a]);
    expect((await cloud.nova(cloud.demo, 'GET', '/servers?locked=maybe')).statusCode).toBe(400);
  });

  it('all_tenants shows an admin every project with host; a member’s all_tenants is ignored', async () => {
    await cloud.boot(cloud.demo, { name: 'mine' });
    await cloud.boot(cloud.admin, { name: 'admins' });
    expect((await list('?all_tenants=1')).servers.map((s) => s.name)).toEqual(['mine']);
    const all = await list('?all_tenants=1', cloud.admin, '/servers/detail');
    expect(all.servers.map((s) => s.name).sort()).toEqual(['admins', 'mine']);
    expect(all.servers[0]).toHaveProperty('OS-EXT-SRV-ATTR:host');
    const demoOnly = await list(`?all_tenants=1&project_id=${PROJECT_IDS.demo}`, cloud.admin);
    expect(demoOnly.servers.map((s) => s.name)).toEqual(['mine']);
    expect((await list('', cloud.admin)).servers.map((s) => s.name)).toEqual(['admins']);
  });
});
