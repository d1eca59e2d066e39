// Keystone's JSON for each entity and for lists. Every entity links to itself; lists link
// to the request that produced them (Keystone does not paginate, so previous/next are null).

import type { Cloud } from '../../cloud';
import type { Domain, Endpoint, Project, Region, Role, Service, User } from '../../store/schema';

// Wire shapes, snake_case as Keystone sends them.
type SelfLink = { self: string };

export interface ListLinks {
  self: string;
  previous: null;
  next: null;
}

export interface DomainWire {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  tags: string[];
  options: Record<string, never>;
  links: SelfLink;
}

export interface ProjectWire {
  id: string;
  name: string;
  domain_id: string;
  description: string;
  enabled: boolean;
  parent_id: string;
  is_domain: false;
  tags: string[];
  options: Record<string, never>;
  links: SelfLink;
}

export interface UserWire {
  id: string;
  name: string;
  domain_id: string;
  enabled: boolean;
  password_expires_at: null;
  options: Record<string, never>;
  links: SelfLink;
  default_project_id?: string;
  description?: string;
  email?: string;
}

export interface RoleWire {
  id: string;
  name: string;
  domain_id: null;
  description: string | null;
  options: Record<string, never>;
  links: SelfLink;
}

export interface RegionWire {
  id: string;
  description: string;
  parent_region_id: string | null;
  links: SelfLink;
}

export interface ServiceWire {
  id: string;
  type: string;
  name: string;
  description: string;
  enabled: boolean;
  links: SelfLink;
}

export interface EndpointWire {
  id: string;
  interface: string;
  region: string;
  region_id: string;
  service_id: string;
  url: string;
  enabled: boolean;
  links: SelfLink;
}

const v3 = (cloud: Cloud, path: string): string => cloud.url(`/identity/v3${path}`);

export function listBody<T>(key: string, items: T[], selfUrl: string): Record<string, T[] | ListLinks> {
  return { [key]: items, links: { self: selfUrl, previous: null, next: null } };
}

export function domainView(cloud: Cloud, domain: Domain): DomainWire {
  return {
    id: domain.id,
    name: domain.name,
    description: domain.description,
    enabled: domain.enabled,
    tags: [],
    options: {},
    links: { self: v3(cloud, `/domains/${domain.id}`) },
  };
}

export function projectView(cloud: Cloud, project: Project): ProjectWire {
  return {
    id: project.id,
    name: project.name,
    domain_id: project.domainId,
    description: project.description,
    enabled: project.enabled,
    // Keystone reports a top-level project's domain as its parent.
    parent_id: project.parentId ?? project.domainId,
    is_domain: false,
    tags: project.tags,
    options: {},
    links: { self: v3(cloud, `/projects/${project.id}`) },
  };
}

export function userView(cloud: Cloud, user: User): UserWire {
  return {
    id: user.id,
    name: user.name,
    domain_id: user.domainId,
    enabled: user.enabled,
    password_expires_at: null,
    options: {},
    links: { self: v3(cloud, `/users/${user.id}`) },
    // Optional attributes appear only when set, as in Keystone.
    ...(user.defaultProjectId === null ? {} : { default_project_id: user.defaultProjectId }),
    ...(user.description === null ? {} : { description: user.description }),
    ...(user.email === null ? {} : { email: user.email }),
  };
}

export function roleView(cloud: Cloud, role: Role): RoleWire {
  return {
    id: role.id,
    name: role.name,
    domain_id: null,
    description: role.description,
    options: {},
    links: { self: v3(cloud, `/roles/${role.id}`) },
  };
}

export function regionView(cloud: Cloud, region: Region): RegionWire {
  return {
    id: region.id,
    description: region.description,
    parent_region_id: region.parentRegionId,
    links: { self: v3(cloud, `/regions/${region.id}`) },
  };
}

export function serviceView(cloud: Cloud, service: Service): ServiceWire {
  return {
    id: service.id,
    type: service.type,
    name: service.name,
    description: service.description,
    enabled: service.enabled,
    links: { self: v3(cloud, `/services/${service.id}`) },
  };
}

/** Endpoint URLs are shown as registered, with `$(project_id)s` left in, as Keystone does. */
export function endpointView(cloud: Cloud, endpoint: Endpoint): EndpointWire {
  return {
    id: endpoint.id,
    interface: endpoint.interface,
    region: endpoint.regionId,
    region_id: endpoint.regionId,
    service_id: endpoint.serviceId,
    url: cloud.url(endpoint.path),
    enabled: endpoint.enabled,
    links: { self: v3(cloud, `/endpoints/${endpoint.id}`) },
  };
}
