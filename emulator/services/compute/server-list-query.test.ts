// Query parsing and the next link of GET /servers, without a running cloud.

import { describe, expect, it } from 'vitest';
import type { Server } from '../../store/servers';
import type { ServerContext } from './server-context';
import { MAX_LIMIT, nextLink, parseListQuery } from './server-list';

const member = { projectId: 'p1', admin: false, atLeast: () => true } as unknown as ServerContext;
const admin = { projectId: 'pa', admin: true, atLeast: () => true } as unknown as ServerContext;

describe('parseListQuery', () => {
  it('defaults to the caller’s project, created_at desc, max_limit', () => {
    expect(parseListQuery({}, member)).toEqual({ filter: { projectId: 'p1' }, limit: MAX_LIMIT, markerId: undefined, sortKey: 'created_at', sortDir: 'desc' });
  });

  it('caps limit at max_limit and rejects negative or non-integer limits', () => {
    expect(parseListQuery({ limit: '5000' }, member).limit).toBe(1000);
    expect(parseListQuery({ limit: '0' }, member).limit).toBe(0);
    expect(() => parseListQuery({ limit: '-1' }, member)).toThrow('limit param must be positive');
    expect(() => parseListQuery({ limit: '1.5' }, member)).toThrow('limit param must be an integer');
  });

  it('ignores all_tenants, project_id and host from a member; honours them for an admin', () => {
    expect(parseListQuery({ all_tenants: '1', project_id: 'other', host: 'c01' }, member).filter).toEqual({ projectId: 'p1' });
    expect(parseListQuery({ all_tenants: '1' }, admin).filter).toEqual({});
    expect(parseListQuery({ all_tenants: 'true', tenant_id: 'p9', host: 'c01' }, admin).filter).toEqual({ projectId: 'p9', host: 'c01' });
    expect(parseListQuery({ all_tenants: '0' }, admin).filter).toEqual({ projectId: 'pa' });
  });

  it('rejects unknown sort keys and directions, and a malformed changes-since', () => {
    expect(() => parseListQuery({ sort_key: 'password' }, member)).toThrow('Invalid sort_key');
    expect(() => parseListQuery({ sort_dir: 'up' }, member)).toThrow('Invalid sort_dir');
    expect(() => parseListQuery({ 'changes-since': 'yesterday' }, member)).toThrow(/changes-since/);
  });
});

describe('nextLink', () => {
  const servers = [{ id: 'a' }, { id: 'b' }] as Server[];
  it('is there only when the page is full, with the last id as marker and other params kept', () => {
    const request = parseListQuery({ limit: '2', name: 'web' }, member);
    const link = nextLink('http://x/servers', { limit: '2', name: 'web', marker: 'old' }, request, servers);
    expect(link).toEqual([{ rel: 'next', href: 'http://x/servers?limit=2&name=web&marker=b' }]);
    expect(nextLink('http://x/servers', {}, parseListQuery({ limit: '3' }, member), servers)).toBeUndefined();
    expect(nextLink('http://x/servers', {}, parseListQuery({ limit: '2' }, member), [])).toBeUndefined();
  });
});
