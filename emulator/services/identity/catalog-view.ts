// The service catalog as tokens and GET /v3/auth/catalog show it: every enabled service with
// one entry per endpoint, URLs composed from the public URL at request time.

import type { Cloud } from '../../cloud';

export interface CatalogEndpoint {
  id: string;
  interface: string;
  region: string;
  region_id: string;
  url: string;
}

export interface CatalogEntry {
  endpoints: CatalogEndpoint[];
  id: string;
  type: string;
  name: string;
}

// Keystone's endpoint URL substitutions; both spellings occur in real deployments.
const PROJECT_PLACEHOLDER = /\$\((?:project_id|tenant_id)\)s|%\((?:project_id|tenant_id)\)s/;
const ALL_PROJECT_PLACEHOLDERS = new RegExp(PROJECT_PLACEHOLDER.source, 'g');

/** Resolves an endpoint path; undefined when it needs a project and there is none. */
export function endpointUrl(cloud: Cloud, path: string, projectId: string | null): string | undefined {
  if (projectId === null) return PROJECT_PLACEHOLDER.test(path) ? undefined : cloud.url(path);
  return cloud.url(path.replace(ALL_PROJECT_PLACEHOLDERS, projectId));
}

export async function buildCatalog(cloud: Cloud, projectId: string | null): Promise<CatalogEntry[]> {
  const services = await cloud.store.catalog.listServices();
  const endpoints = await cloud.store.catalog.listEndpoints();
  const entries: CatalogEntry[] = [];
  for (const service of services) {
    if (!service.enabled) continue;
    const rendered: CatalogEndpoint[] = [];
    for (const endpoint of endpoints) {
      if (endpoint.serviceId !== service.id || !endpoint.enabled) continue;
      const url = endpointUrl(cloud, endpoint.path, projectId);
      if (url === undefined) continue;
      rendered.push({
        id: endpoint.id,
        interface: endpoint.interface,
        region: endpoint.regionId,
        region_id: endpoint.regionId,
        url,
      });
    }
    // Keystone leaves services without usable endpoints out of the catalog.
    if (rendered.length > 0) {
      entries.push({ endpoints: rendered, id: service.id, type: service.type, name: service.name });
    }
  }
  return entries;
}
