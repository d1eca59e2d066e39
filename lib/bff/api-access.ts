import 'server-only';

import { findEndpoint } from '../openstack/catalog';
import { getAuthCatalog } from '../openstack/keystone';
import type { CredentialFacts } from './openrc';
import type { ScopedContext } from './guard';

export interface EndpointRow {
  serviceName: string;
  serviceType: string;
  interface: string;
  region: string;
  url: string;
}

export interface ApiAccessView {
  endpoints: EndpointRow[];
  credentials: CredentialFacts & { userId: string };
}

/** Every endpoint of the catalog as Keystone lists it now, and the facts the credential files carry. */
export async function loadApiAccess(ctx: ScopedContext): Promise<ApiAccessView> {
  const catalog = await getAuthCatalog(ctx.config.authUrl, ctx.token);
  const endpoints = catalog
    .flatMap((s) =>
      s.endpoints.map((e) => ({
        serviceName: s.name,
        serviceType: s.type,
        interface: e.interface,
        region: e.region,
        url: e.url,
      })),
    )
    .sort(
      (a, b) =>
        a.serviceType.localeCompare(b.serviceType) ||
        a.region.localeCompare(b.region) ||
        a.interface.localeCompare(b.interface),
    );
  return { endpoints, credentials: { ...credentialFacts(ctx), userId: ctx.user.id } };
}

export function credentialFacts(ctx: ScopedContext): CredentialFacts {
  // The CLI runs outside the cloud, so the files name Keystone's public endpoint from the catalog.
  const identity = findEndpoint(ctx.info.catalog, 'identity', { interface: 'public', region: ctx.region });
  return {
    authUrl: identity?.url ?? ctx.config.authUrl,
    username: ctx.user.name,
    userDomainName: ctx.user.domainName,
    projectId: ctx.project.id,
    projectName: ctx.project.name,
    projectDomainId: ctx.project.domainId,
    region: ctx.region,
    interface: 'public',
  };
}
