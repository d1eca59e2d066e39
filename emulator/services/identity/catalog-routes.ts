// /v3/regions, /v3/services and /v3/endpoints: read-only views of the catalog the cloud was
// seeded with, enough for `openstack region|service|endpoint list`.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import type { EndpointInterface } from '../../store/schema';
import { badRequest, notFound } from './errors';
import { requireCaller } from './caller';
import { requireAdmin } from './policy';
import { endpointView, listBody, regionView, serviceView } from './views';

type IdParams = { Params: { id: string } };
type ListQuery = { Querystring: Record<string, string | undefined> };

const INTERFACES = new Set<string>(['public', 'internal', 'admin']);

export function registerCatalogRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { catalog } = cloud.store;

  // Any authenticated user may list regions, as in Keystone.
  app.get('/v3/regions', async (request) => {
    await requireCaller(request, cloud);
    const regions = await catalog.listRegions();
    return listBody('regions', regions.map((r) => regionView(cloud, r)), cloud.url(request.url));
  });

  app.get<IdParams>('/v3/regions/:id', async (request) => {
    await requireCaller(request, cloud);
    const region = await catalog.getRegion(request.params.id);
    if (!region) throw notFound('region', request.params.id);
    return { region: regionView(cloud, region) };
  });

  app.get<ListQuery>('/v3/services', async (request) => {
    requireAdmin(await requireCaller(request, cloud), 'list_services');
    const services = await catalog.listServices({ type: request.query.type, name: request.query.name });
    return listBody('services', services.map((s) => serviceView(cloud, s)), cloud.url(request.url));
  });

  app.get<IdParams>('/v3/services/:id', async (request) => {
    requireAdmin(await requireCaller(request, cloud), 'get_service');
    const service = await catalog.getService(request.params.id);
    if (!service) throw notFound('service', request.params.id);
    return { service: serviceView(cloud, service) };
  });

  app.get<ListQuery>('/v3/endpoints', async (request) => {
    requireAdmin(await requireCaller(request, cloud), 'list_endpoints');
    const { service_id: serviceId, region_id: regionId, interface: iface } = request.query;
    if (iface !== undefined && !INTERFACES.has(iface)) {
      throw badRequest(`Invalid input for field 'interface': must be public, internal or admin.`);
    }
    const endpoints = await catalog.listEndpoints({
      serviceId,
      regionId,
      interface: iface as EndpointInterface | undefined,
    });
    return listBody('endpoints', endpoints.map((e) => endpointView(cloud, e)), cloud.url(request.url));
  });

  app.get<IdParams>('/v3/endpoints/:id', async (request) => {
    requireAdmin(await requireCaller(request, cloud), 'get_endpoint');
    const endpoint = await catalog.getEndpoint(request.params.id);
    if (!endpoint) throw notFound('endpoint', request.params.id);
    return { endpoint: endpointView(cloud, endpoint) };
  });
}
