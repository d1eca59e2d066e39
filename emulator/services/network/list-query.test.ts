import { describe, expect, it } from 'vitest';
import { ApiError } from '../../http/api-error';
import { listBody, type CollectionSpec, type RawQuery, type WireObject } from './list-query';

const spec: CollectionSpec = {
  collection: 'networks',
  attributes: ['id', 'name', 'shared', 'mtu', 'subnets', 'description', 'project_id', 'tenant_id'],
};
const URL_BASE = 'http://cloud.test/networking/v2.0/networks';
const items: WireObject[] = [
  { id: 'c', name: 'private', shared: false, mtu: 1442, subnets: ['s1'], description: '' },
  { id: 'a', name: 'public', shared: true, mtu: 1500, subnets: [], description: 'ext' },
  { id: 'b', name: 'internal1', shared: false, mtu: 1442, subnets: ['s2', 's3'], description: '' },
];
const notFound = (id: string) => new ApiError(404, `Network ${id} could not be found.`, 'NetworkNotFound');
const list = (query: RawQuery, url = URL_BASE) => listBody(items, query, spec, url, notFound);
const ids = (body: Record<string, unknown>) => (body.networks as WireObject[]).map((n) => n.id);

describe('Neutron list query', () => {
  it('returns everything in creation order without parameters', () => {
    expect(ids(list({}))).toEqual(['c', 'a', 'b']);
    expect(list({})).not.toHaveProperty('networks_links');
  });

  it('ANDs different filters and ORs a repeated one; booleans and numbers convert', () => {
    expect(ids(list({ name: ['private', 'public'] }))).toEqual(['c', 'a']);
    expect(ids(list({ name: ['private', 'public'], shared: 'True' }))).toEqual(['a']);
    expect(ids(list({ mtu: '1442' }))).toEqual(['c', 'b']);
    expect(ids(list({ subnets: 's3' }))).toEqual(['b']);
    expect(ids(list({ description: '' }))).toEqual(['c', 'b']);
  });

  it('refuses unknown filters, bad sort keys and directions, and bad limits', () => {
    expect(() => list({ color: 'red' })).toThrow("['color'] is invalid attribute for filtering");
    expect(() => list({ sort_key: 'color', sort_dir: 'asc' })).toThrow("['color'] is invalid attribute for sort_keys");
    expect(() => list({ sort_key: 'name', sort_dir: 'up' })).toThrow(/invalid value for sort_dirs/);
    expect(() => list({ sort_key: ['name', 'id'], sort_dir: 'asc' })).toThrow('The number of sort_keys and sort_dirs must be same');
    expect(() => list({ limit: '-1' })).toThrow("Limit must be an integer 0 or greater and not '-1'");
    expect(() => list({ shared: 'maybe' })).toThrow("'maybe' cannot be converted to boolean");
  });

  it('sorts by key pairs and projects fields', () => {
    expect(ids(list({ sort_key: 'name', sort_dir: 'desc' }))).toEqual(['a', 'c', 'b']);
    expect(ids(list({ sort_key: ['mtu', 'name'], sort_dir: ['asc', 'asc'] }))).toEqual(['b', 'c', 'a']);
    expect(list({ fields: ['id', 'name'] }).networks).toEqual([
      { id: 'c', name: 'private' },
      { id: 'a', name: 'public' },
      { id: 'b', name: 'internal1' },
    ]);
  });

  it('pages by id with next and previous links, and no next on the last page', () => {
    const first = list({ limit: '2' }, `${URL_BASE}?limit=2`);
    expect(ids(first)).toEqual(['a', 'b']);
    expect(first.networks_links).toEqual([{ rel: 'next', href: `${URL_BASE}?limit=2&marker=b` }]);

    const second = list({ limit: '2', marker: 'b' }, `${URL_BASE}?limit=2&marker=b`);
    expect(ids(second)).toEqual(['c']);
    expect(second.networks_links).toEqual([
      { rel: 'previous', href: `${URL_BASE}?limit=2&marker=c&page_reverse=True` },
    ]);

    const back = list({ limit: '2', marker: 'c', page_reverse: 'True' }, `${URL_BASE}?limit=2&marker=c&page_reverse=True`);
    expect(ids(back)).toEqual(['a', 'b']);
    expect(back.networks_links).toEqual([{ rel: 'next', href: `${URL_BASE}?limit=2&marker=b` }]);

    expect(() => list({ limit: '2', marker: 'zz' })).toThrow('Network zz could not be found.');
  });
});
