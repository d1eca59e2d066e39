import { describe, expect, it } from 'vitest';

import { currentVersion, discoveryUrl, parseVersions } from './discovery';

describe('discoveryUrl', () => {
  it('strips the project id and the version, as keystoneauth does', () => {
    expect(discoveryUrl('http://h/heat-api/v1/abc123', 'abc123')).toBe('http://h/heat-api/');
    expect(discoveryUrl('http://h/compute/v2.1', 'abc123')).toBe('http://h/compute/');
    expect(discoveryUrl('http://h/volume/v3/', 'abc123')).toBe('http://h/volume/');
    expect(discoveryUrl('http://h:9696/', 'abc123')).toBe('http://h:9696/');
    expect(discoveryUrl('http://h/identity', 'abc123')).toBe('http://h/identity/');
  });
});

describe('parseVersions', () => {
  it('reads the three shapes services use', () => {
    const keystone = { versions: { values: [{ id: 'v3.14', status: 'stable' }] } };
    const nova = {
      versions: [
        { id: 'v2.0', status: 'DEPRECATED', version: '', min_version: '' },
        { id: 'v2.1', status: 'CURRENT', version: '2.79', min_version: '2.1' },
      ],
    };
    const single = { version: { id: 'v3.0', status: 'CURRENT', version: '3.71', min_version: '3.0' } };
    expect(currentVersion(parseVersions(keystone))).toEqual({ id: 'v3.14', status: 'stable', maxVersion: null, minVersion: null });
    expect(currentVersion(parseVersions(nova))).toEqual({ id: 'v2.1', status: 'CURRENT', maxVersion: '2.79', minVersion: '2.1' });
    expect(currentVersion(parseVersions(single))?.maxVersion).toBe('3.71');
  });

  it('gives nothing for documents that are not version lists', () => {
    expect(parseVersions(null)).toEqual([]);
    expect(parseVersions({ versions: 'x' })).toEqual([]);
    expect(parseVersions({ versions: [{ status: 'CURRENT' }] })).toEqual([]);
    expect(currentVersion([])).toBeNull();
  });
});
