import { describe, expect, it } from 'vitest';
import { resolveValue, resolveVersion, type ResolveContext } from './index';

function ctx(version = '2021-04-16', over: Partial<ResolveContext> = {}): ResolveContext {
  return {
    version: resolveVersion(version),
    params: { name: 'web', list: ['a', 'b'], net: { subnets: [{ cidr: '10.0.0.0/24' }] }, env: 'prod' },
    files: { 'setup.sh': '#!/bin/sh\necho hi\n' },
    condition: (n) => n === 'is_prod',
    refId: (r) => `id-${r}`,
    attribute: (r, a) => (a === 'networks' ? { private: ['10.0.0.5'] } : `${r}/${a}`),
    ...over,
  };
}
const r = (v: unknown, c = ctx()) => resolveValue(v, c);

describe('intrinsic functions', () => {
  it('get_param, get_resource and get_attr, with paths', () => {
    expect(r({ get_param: 'name' })).toBe('web');
    expect(r({ get_param: ['net', 'subnets', 0, 'cidr'] })).toBe('10.0.0.0/24');
    expect(r({ get_resource: 'port' })).toBe('id-port');
    expect(r({ get_attr: ['server', 'first_address'] })).toBe('server/first_address');
    expect(r({ get_attr: ['server', 'networks', 'private', 0] })).toBe('10.0.0.5');
    expect(() => r({ get_param: 'nope' })).toThrow('The Parameter (nope) was not provided.');
    const all = ctx('2015-10-15', { attributeNames: () => ['a', 'b'] });
    expect(r({ get_attr: ['server'] }, all)).toEqual({ a: 'server/a', b: 'server/b' });
    expect(() => r({ get_attr: ['server'] }, ctx('2015-04-30'))).toThrow('Arguments to "get_attr" must be a list of at least 2 item(s)');
  });

  it('get_file by name, and a clear error for a missing file', () => {
    expect(r({ get_file: 'file:///home/me/setup.sh' })).toContain('echo hi');
    expect(() => r({ get_file: 'other.sh' })).toThrow('No content found in the "files" section for get_file path: other.sh');
  });

  it('str_replace (longest key first) and str_replace_strict', () => {
    expect(r({ str_replace: { template: 'http://host:port/', params: { host: { get_param: 'name' }, port: 80 } } })).toBe('http://web:80/');
    expect(r({ str_replace: { template: 'ab a', params: { a: 'X', ab: 'Y' } } })).toBe('Y X');
    expect(() => r({ str_replace_strict: { template: 'x', params: { y: 1 } } })).toThrow(
      'The following params were not found in the template: y',
    );
  });

  it('list_join, str_split, repeat, map_merge, map_replace, digest', () => {
    expect(r({ list_join: [',', ['a', 'b'], { get_param: 'list' }] })).toBe('a,b,a,b');
    expect(r({ str_split: [',', 'x,y,z'] })).toEqual(['x', 'y', 'z']);
    expect(r({ str_split: [',', 'x,y,z', 1] })).toBe('y');
    expect(r({ repeat: { for_each: { '<%p%>': [80, 443] }, template: { port: '<%p%>', proto: 'tcp' } } })).toEqual([
      { port: 80, proto: 'tcp' },
      { port: 443, proto: 'tcp' },
    ]);
    expect(r({ map_merge: [{ a: 1, b: 1 }, { b: 2 }] })).toEqual({ a: 1, b: 2 });
    expect(() => r({ map_replace: [{ a: 'x' }] })).toThrow('Arguments to "map_replace" must be a map');
    expect(r({ map_replace: { map: { k1: 'v1', k2: 'v2' }, values: { keys: { k1: 'K1' }, values: { v2: 'V2' } } } })).toEqual({ K1: 'v1', k2: 'V2' });
    expect(r({ digest: ['sha256', 'abc'] })).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('if / equals / not / and / or, evaluating only the branch taken', () => {
    const throwing = ctx('2021-04-16', { refId: () => { throw new Error('should not be asked'); } });
    expect(r({ if: ['is_prod', 'big', { get_resource: 'x' }] }, throwing)).toBe('big');
    expect(r({ if: ['is_dev', 'big', 'small'] })).toBe('small');
    expect(r({ equals: [{ get_param: 'env' }, 'prod'] })).toBe(true);
    expect(r({ not: { equals: [1, 2] } })).toBe(true);
    expect(r({ and: ['is_prod', { equals: [1, 1] }] })).toBe(true);
    expect(r({ or: ['is_dev', false] })).toBe(false);
  });

  it('knows which functions each version has', () => {
    expect(() => r({ list_join: [',', ['a']] }, ctx('2013-05-23'))).toThrow('The function "list_join" is not supported in HOT version 2013-05-23.');
    expect(() => r({ repeat: { for_each: { x: [1] }, template: 'x' } }, ctx('2014-10-16'))).toThrow('not supported');
    expect(() => r({ if: ['is_prod', 1, 2] }, ctx('2016-04-08'))).toThrow('not supported');
    expect(r({ map_merge: [{ a: 1 }] }, ctx('2016-04-08'))).toEqual({ a: 1 });
  });

  it('leaves plain maps and values alone', () => {
    expect(r({ a: 1, b: [true, null, 'x'] })).toEqual({ a: 1, b: [true, null, 'x'] });
    expect(r({ get_param: 'name', other: 1 })).toEqual({ get_param: 'name', other: 1 });
  });
});
