// A flavor's extra specs (read by everyone, written by admins) and the access list of
// private flavors (admins), as Nova's os-extra_specs and os-flavor-access.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { parseExtraSpecs } from './flavor-input';
import { existingFlavor } from './flavor-routes';
import { bodyObject, isPlainObject, novaCaller, requireNovaAdmin } from './nova-request';

type IdParams = { Params: { flavorId: string } };
type KeyParams = { Params: { flavorId: string; key: string } };

function accessView(flavorId: string, projects: string[]) {
  return { flavor_access: projects.map((tenant_id) => ({ flavor_id: flavorId, tenant_id })) };
}

function tenantOf(action: Record<string, unknown>, name: string): string {
  const tenant = action.tenant;
  if (typeof tenant !== 'string' || tenant.length < 1 || tenant.length > 255) {
    throw new ApiError(400, `Invalid input for field/attribute ${name}. Value: ${JSON.stringify(action)}. 'tenant' is a required property`);
  }
  return tenant;
}

export function registerFlavorExtraRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { flavors } = cloud.store;

  app.get<IdParams>('/v2.1/flavors/:flavorId/os-extra_specs', async (request) => {
    novaCaller(request);
    const flavor = await existingFlavor(cloud, request.params.flavorId);
    return { extra_specs: flavor.extraSpecs };
  });

  app.post<IdParams>('/v2.1/flavors/:flavorId/os-extra_specs', async (request) => {
    requireNovaAdmin(novaCaller(request), 'os_compute_api:os-flavor-extra-specs:create');
    const specs = parseExtraSpecs(isPlainObject(request.body) ? request.body.extra_specs : undefined);
    const flavor = await existingFlavor(cloud, request.params.flavorId);
    await cloud.store.transaction((repos) => repos.flavors.setExtraSpecs(flavor.id, specs));
    return { extra_specs: specs };
  });

  app.get<KeyParams>('/v2.1/flavors/:flavorId/os-extra_specs/:key', async (request) => {
    novaCaller(request);
    const flavor = await existingFlavor(cloud, request.params.flavorId);
    const value = flavor.extraSpecs[request.params.key];
    if (value === undefined) {
      throw new ApiError(404, `Flavor ${flavor.id} has no extra specs with key ${request.params.key}.`);
    }
    return { [request.params.key]: value };
  });

  app.put<KeyParams>('/v2.1/flavors/:flavorId/os-extra_specs/:key', async (request) => {
    requireNovaAdmin(novaCaller(request), 'os_compute_api:os-flavor-extra-specs:update');
    const specs = parseExtraSpecs(request.body);
    const keys = Object.keys(specs);
    if (keys.length > 1) throw new ApiError(400, 'Request body contains too many items.');
    if (keys[0] !== request.params.key) throw new ApiError(400, 'Request body and URI mismatch');
    const flavor = await existingFlavor(cloud, request.params.flavorId);
    await flavors.setExtraSpecs(flavor.id, specs);
    return specs;
  });

  app.delete<KeyParams>('/v2.1/flavors/:flavorId/os-extra_specs/:key', async (request, reply) => {
    requireNovaAdmin(novaCaller(request), 'os_compute_api:os-flavor-extra-specs:delete');
    const flavor = await existingFlavor(cloud, request.params.flavorId);
    if (!(await flavors.deleteExtraSpec(flavor.id, request.params.key))) {
      throw new ApiError(404, `Flavor ${flavor.id} has no extra specs with key ${request.params.key}.`);
    }
    return reply.code(202).send();
  });

  app.get<IdParams>('/v2.1/flavors/:flavorId/os-flavor-access', async (request) => {
    requireNovaAdmin(novaCaller(request), 'os_compute_api:os-flavor-access');
    const flavor = await existingFlavor(cloud, request.params.flavorId);
    if (flavor.isPublic) throw new ApiError(404, 'Access list not available for public flavors.');
    return accessView(flavor.id, await flavors.listAccess(flavor.id));
  });

  app.post<IdParams>('/v2.1/flavors/:flavorId/action', async (request) => {
    const caller = novaCaller(request);
    const body = isPlainObject(request.body) ? request.body : {};
    const add = body.addTenantAccess;
    const remove = body.removeTenantAccess;
    if (add === undefined && remove === undefined) {
      throw new ApiError(400, 'There is no such action: ' + (Object.keys(body)[0] ?? '(none)'));
    }
    if (add !== undefined) {
      requireNovaAdmin(caller, 'os_compute_api:os-flavor-access:add_tenant_access');
      const tenant = tenantOf(bodyObject(body, 'addTenantAccess'), 'addTenantAccess');
      const flavor = await existingFlavor(cloud, request.params.flavorId);
      // Nova asks Keystone whether the project exists before granting access.
      if (!(await cloud.store.identity.getProject(tenant))) {
        throw new ApiError(400, `Project ID ${tenant} is not a valid project.`);
      }
      if (flavor.isPublic) throw new ApiError(409, 'Can not add access to a public flavor.');
      if (!(await flavors.addAccess(flavor.id, tenant))) {
        throw new ApiError(409, `Flavor access already exists for flavor ${flavor.id} and project ${tenant} combination.`);
      }
      return accessView(flavor.id, await flavors.listAccess(flavor.id));
    }
    requireNovaAdmin(caller, 'os_compute_api:os-flavor-access:remove_tenant_access');
    const tenant = tenantOf(bodyObject(body, 'removeTenantAccess'), 'removeTenantAccess');
    const flavor = await existingFlavor(cloud, request.params.flavorId);
    if (!(await flavors.removeAccess(flavor.id, tenant))) {
      throw new ApiError(404, `Flavor access not found for ${flavor.id} / ${tenant} combination.`);
    }
    return accessView(flavor.id, await flavors.listAccess(flavor.id));
  });
}
