// Keystone's service catalog (migration 0004): regions, services and endpoints.

import type { Selectable } from 'kysely';

export interface RegionTable {
  id: string;
  description: string;
  parent_region_id: string | null;
  position: number;
}

export interface ServiceTable {
  id: string;
  type: string;
  name: string;
  description: string;
  enabled: number;
  position: number;
}

export interface EndpointTable {
  id: string;
  service_id: string;
  region_id: string;
  interface: string;
  /** Path relative to the public URL, may contain Keystone's `$(project_id)s`. */
  path: string;
  enabled: number;
}

export type ServiceRow = Selectable<ServiceTable>;
export type EndpointRow = Selectable<EndpointTable>;

export interface Region {
  id: string;
  description: string;
  parentRegionId: string | null;
}

export interface Service {
  id: string;
  type: string;
  name: string;
  description: string;
  enabled: boolean;
}

export type EndpointInterface = 'public' | 'internal' | 'admin';

export interface Endpoint {
  id: string;
  serviceId: string;
  regionId: string;
  interface: EndpointInterface;
  path: string;
  enabled: boolean;
}

export interface EndpointFilter {
  serviceId?: string;
  regionId?: string;
  interface?: EndpointInterface;
}
