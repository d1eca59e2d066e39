// The services the embedded cloud registers in its catalog, DevStack-style on one port.
// Paths are relative to the public URL; `$(project_id)s` is Keystone's substitution syntax.

import type { EndpointInterface } from '../store/schema';
import type { Repositories } from '../store/open-store';
import { endpointSeedId, seedId } from './ids';

export interface CatalogServiceSpec {
  type: string;
  name: string;
  description: string;
  path: string;
}

export const CATALOG_SERVICES: readonly CatalogServiceSpec[] = [
  { type: 'identity', name: 'keystone', description: 'Identity Service', path: '/identity' },
  { type: 'compute', name: 'nova', description: 'Compute Service', path: '/compute/v2.1' },
  { type: 'network', name: 'neutron', description: 'Networking Service', path: '/networking' },
  { type: 'block-storage', name: 'cinder', description: 'Block Storage', path: '/volume/v3' },
  // Older clients look block storage up as volumev3; same API, same URL.
  { type: 'volumev3', name: 'cinderv3', description: 'Block Storage (v3 alias)', path: '/volume/v3' },
  { type: 'image', name: 'glance', description: 'Image Service', path: '/image' },
  {
    type: 'orchestration',
    name: 'heat',
    description: 'Orchestration Service',
    path: '/heat-api/v1/$(project_id)s',
  },
  {
    type: 'cloudformation',
    name: 'heat-cfn',
    description: 'CloudFormation-compatible Orchestration',
    path: '/heat-api-cfn/v1',
  },
  { type: 'alarming', name: 'aodh', description: 'Alarming Service', path: '/alarming' },
  { type: 'metric', name: 'gnocchi', description: 'Metric Service', path: '/metric' },
  // The dashboard recognises the embedded cloud by this entry.
  {
    type: 'zenith-emulator',
    name: 'zenith-emulator',
    description: 'Zenith embedded cloud control API',
    path: '/_emulator',
  },
];

const INTERFACES: readonly EndpointInterface[] = ['public', 'internal', 'admin'];

export const DEFAULT_REGIONS: readonly string[] = ['RegionOne'];

/** Registers the regions, and every catalog service with one endpoint per interface per region. */
export async function seedCatalog(repos: Repositories, regions: readonly string[]): Promise<void> {
  for (const region of regions) {
    await repos.catalog.createRegion({ id: region, description: '', parentRegionId: null });
  }
  for (const [serviceIndex, spec] of CATALOG_SERVICES.entries()) {
    const serviceId = seedId('d', serviceIndex + 1);
    await repos.catalog.createService({
      id: serviceId,
      type: spec.type,
      name: spec.name,
      description: spec.description,
      enabled: true,
    });
    for (const [regionIndex, region] of regions.entries()) {
      for (const [interfaceIndex, iface] of INTERFACES.entries()) {
        await repos.catalog.createEndpoint({
          id: endpointSeedId(regionIndex + 1, serviceIndex + 1, interfaceIndex + 1),
          serviceId,
          regionId: region,
          interface: iface,
          path: spec.path,
          enabled: true,
        });
      }
    }
  }
}
