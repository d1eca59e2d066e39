import 'server-only';

import type { ApiErrorPayload } from '../api-error';
import { findEndpoint } from '../openstack/catalog';
import { type ApiVersion, currentVersion, discoverVersions, discoveryUrl } from '../openstack/discovery';
import { OpenStackError } from '../openstack/errors';
import { getProject } from '../openstack/keystone';
import { toApiError } from './api-error';
import type { ScopedContext } from './guard';

export interface ServiceStatus {
  type: string;
  name: string;
  url: string;
  version: ApiVersion | null;
  error: ApiErrorPayload | null;
}

export interface ProjectOverview {
  project: { id: string; name: string; domainId: string; description: string; enabled: boolean };
  user: { id: string; name: string; domainName: string };
  roles: string[];
  region: string | null;
  expiresAt: string;
  services: ServiceStatus[];
}

/**
 * The project as Keystone describes it and every service of the catalog with the API version it offers.
 * A service that fails shows its own error; the rest of the page still renders.
 */
export async function loadOverview(ctx: ScopedContext): Promise<ProjectOverview> {
  const [project, services] = await Promise.all([loadProject(ctx), probeServices(ctx)]);
  return {
    project,
    user: { id: ctx.user.id, name: ctx.user.name, domainName: ctx.user.domainName },
    roles: ctx.info.roles,
    region: ctx.region,
    expiresAt: ctx.info.expiresAt,
    services,
  };
}

async function loadProject(ctx: ScopedContext): Promise<ProjectOverview['project']> {
  try {
    return await getProject(ctx.config.authUrl, ctx.token, ctx.project.id);
  } catch (error) {
    // Some clouds' policies forbid members to read their own project; the token still names it.
    if (error instanceof OpenStackError && error.status === 403) {
      return { id: ctx.project.id, name: ctx.project.name, domainId: ctx.project.domainId, description: '', enabled: true };
    }
    throw error;
  }
}

async function probeServices(ctx: ScopedContext): Promise<ServiceStatus[]> {
  const services = ctx.info.catalog
    .filter((s) => s.type !== 'zenith-emulator')
    .map((s) => ({ service: s, endpoint: findEndpoint([s], s.type, { interface: ctx.config.interface, region: ctx.region }) }))
    .filter((s) => s.endpoint !== null)
    .sort((a, b) => a.service.type.localeCompare(b.service.type));
  return Promise.all(
    services.map(async ({ service, endpoint }) => {
      const base = { type: service.type, name: service.name, url: endpoint!.url };
      try {
        const versions = await discoverVersions(service.type, discoveryUrl(endpoint!.url, ctx.project.id));
        return { ...base, version: currentVersion(versions), error: null };
      } catch (error) {
        return { ...base, version: null, error: toApiError(error).payload };
      }
    }),
  );
}
