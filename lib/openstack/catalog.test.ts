import { describe, expect, it } from 'vitest';

import { findEndpoint, isEmbeddedCloud, parseCatalog, regionsOf } from './catalog';

const wire = [
  {
    type: 'compute',
    name: 'nova',
    id: 'c1',
    endpoints: [
      { id: 'e1', interface: 'public', region: 'RegionOne', region_id: 'RegionOne', url: 'http://one/compute/v2.1' },
      { id: 'e2', interface: 'internal', region: 'RegionOne', region_id: 'RegionOne', url: 'http://one-int/compute/v2.1' },
      { id: 'e3', interface: 'public', region: 'RegionTwo', region_id: 'RegionTwo', url: 'http://two/compute/v2.1' },
    ],
  },
  {
    type: 'volumev3',
    name: 'cinderv3',
    id: 'v1',
    endpoints: [{ id: 'e4', interface: 'public', region_id: 'RegionOne', url: 'http://one/volume/v3' }],
  },
  { type: 'broken', endpoints: [{ interface: 'sideways', url: 'x' }] },
  'not a service',
];

describe('catalog', () => {
  const catalog = parseCatalog(wire);

  it('keeps well-formed services and endpoints with clean names', () => {
    expect(catalog.map((s) => s.type)).toEqual(['compute', 'volumev3', 'broken']);
    expect(catalog[2]?.endpoints).toEqual([]);
    expect(catalog[1]?.endpoints[0]).toEqual({ id: 'e4', interface: 'public', region: 'RegionOne', url: 'http://one/volume/v3' });
  });

  it('finds an endpoint by type, interface and region', () => {
    expect(findEndpoint(catalog, 'compute', { region: 'RegionTwo' })?.url).toBe('http://two/compute/v2.1');
    expect(findEndpoint(catalog, 'compute', { interface: 'internal', region: 'RegionOne' })?.url).toBe(
      'http://one-int/compute/v2.1',
    );
    expect(findEndpoint(catalog, 'compute', { interface: 'admin' })).toBeNull();
    expect(findEndpoint(catalog, 'network')).toBeNull();
  });

  it('finds block storage under its older service type names', () => {
    expect(findEndpoint(catalog, 'block-storage', { region: 'RegionOne' })?.url).toBe('http://one/volume/v3');
  });

  it('lists regions and recognises the embedded cloud', () => {
    expect(regionsOf(catalog)).toEqual(['RegionOne', 'RegionTwo']);
    expect(isEmbeddedCloud(catalog)).toBe(false);
    expect(isEmbeddedCloud(parseCatalog([{ type: 'zenith-emulator', endpoints: [] }]))).toBe(true);
  });
});
