// /v3/types: list and show for everyone (public types, all for an admin); create, update,
// delete and extra specs for admins. GET /types/default names the default type.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { VolumeType } from '../../store/schema';
import { DEFAULT_VOLUME_TYPE } from '../../store/volume-types';
import { volumeContext, type VolumeContext } from './context';
import { badRequest, policyForbidden, typeNotFound } from './errors';
import { cinderRoute, type Params } from './register';
import { createTypeSchema, extraSpecsSchema, parseCinderBody, updateTypeSchema } from './schemas';
import { typeView } from './views';

const MANAGE = 'volume_extension:types_manage';

export function registerTypeRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;

  const visibleType = async (context: VolumeContext, id: string): Promise<VolumeType> => {
    const defaultType = await store.volumeTypes.ensureDefault(context.now);
    const type = id === 'default' ? defaultType : await store.volumeTypes.get(id);
    if (!type || (!type.isPublic && !context.admin)) throw typeNotFound(id);
    return type;
  };
  const managedType = async (context: VolumeContext, id: string): Promise<VolumeType> => {
    if (!context.admin) throw policyForbidden(MANAGE);
    return visibleType(context, id);
  };

  cinderRoute(app, 'GET', '/types', async (request) => {
    const context = await volumeContext(request, cloud);
    await store.volumeTypes.ensureDefault(context.now);
    const types = await store.volumeTypes.list(context.admin ? {} : { isPublic: true });
    return { volume_types: types.map(typeView) };
  });

  cinderRoute(app, 'GET', '/types/:id', async (request) => {
    const context = await volumeContext(request, cloud);
    return { volume_type: typeView(await visibleType(context, (request.params as Params).id ?? '')) };
  });

  cinderRoute(app, 'POST', '/types', async (request) => {
    const context = await volumeContext(request, cloud);
    if (!context.admin) throw policyForbidden(MANAGE);
    const { volume_type: input } = parseCinderBody(createTypeSchema, request.body, 'volume_type');
    if (await store.volumeTypes.findByNameOrId(input.name)) {
      throw new ApiError(409, `Volume Type ${input.name} already exists.`);
    }
    const type = await store.volumeTypes.create({
      id: randomUUID(),
      name: input.name,
      description: input.description ?? null,
      isPublic: input['os-volume-type-access:is_public'] ?? true,
      extraSpecs: input.extra_specs ?? {},
      createdAt: context.now,
    });
    return { volume_type: typeView(type) };
  });

  cinderRoute(app, 'PUT', '/types/:id', async (request) => {
    const context = await volumeContext(request, cloud);
    const type = await managedType(context, (request.params as Params).id ?? '');
    const { volume_type: input } = parseCinderBody(updateTypeSchema, request.body, 'volume_type');
    if (input.name !== undefined && input.name !== type.name) {
      if (type.name === DEFAULT_VOLUME_TYPE) throw badRequest('The default volume type cannot be renamed.');
      if (await store.volumeTypes.findByNameOrId(input.name)) {
        throw new ApiError(409, `Volume Type ${input.name} already exists.`);
      }
    }
    const updated = await store.volumeTypes.update(type.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.is_public !== undefined ? { isPublic: input.is_public } : {}),
    });
    return { volume_type: typeView(updated ?? type) };
  });

  cinderRoute(app, 'DELETE', '/types/:id', async (request, reply) => {
    const context = await volumeContext(request, cloud);
    const type = await managedType(context, (request.params as Params).id ?? '');
    if (type.name === DEFAULT_VOLUME_TYPE) throw badRequest('Default volume type can not be deleted.');
    const inUse = (await store.volumes.list({})).some((v) => v.volumeTypeId === type.id);
    if (inUse) {
      throw badRequest(`Volume Type ${type.id} deletion is not allowed with volumes present with the type.`);
    }
    await store.volumeTypes.delete(type.id);
    return reply.code(202).send();
  });

  // Extra specs.
  cinderRoute(app, 'GET', '/types/:id/extra_specs', async (request) => {
    const context = await volumeContext(request, cloud);
    return { extra_specs: (await visibleType(context, (request.params as Params).id ?? '')).extraSpecs };
  });
  cinderRoute(app, 'POST', '/types/:id/extra_specs', async (request) => {
    const context = await volumeContext(request, cloud);
    const type = await managedType(context, (request.params as Params).id ?? '');
    const { extra_specs: specs } = parseCinderBody(extraSpecsSchema, request.body, 'extra_specs');
    await store.volumeTypes.update(type.id, { extraSpecs: { ...type.extraSpecs, ...specs } });
    return { extra_specs: specs };
  });
  cinderRoute(app, 'GET', '/types/:id/extra_specs/:key', async (request) => {
    const context = await volumeContext(request, cloud);
    const { id = '', key = '' } = request.params as Params;
    const value = (await visibleType(context, id)).extraSpecs[key];
    if (value === undefined) throw new ApiError(404, `Volume Type ${id} has no extra specs with key ${key}.`);
    return { [key]: value };
  });
  cinderRoute(app, 'PUT', '/types/:id/extra_specs/:key', async (request) => {
    const context = await volumeContext(request, cloud);
    const { id = '', key = '' } = request.params as Params;
    const type = await managedType(context, id);
    const body = request.body as Record<string, unknown> | undefined;
    const value = body?.[key];
    if (body === undefined || Object.keys(body).length !== 1 || typeof value !== 'string') {
      throw badRequest('Request body and URI mismatch');
    }
    await store.volumeTypes.update(type.id, { extraSpecs: { ...type.extraSpecs, [key]: value } });
    return { [key]: value };
  });
  cinderRoute(app, 'DELETE', '/types/:id/extra_specs/:key', async (request, reply) => {
    const context = await volumeContext(request, cloud);
    const { id = '', key = '' } = request.params as Params;
    const type = await managedType(context, id);
    if (type.extraSpecs[key] === undefined) {
      throw new ApiError(404, `Volume Type ${id} has no extra specs with key ${key}.`);
    }
    const { [key]: _removed, ...rest } = type.extraSpecs;
    await store.volumeTypes.update(type.id, { extraSpecs: rest });
    return reply.code(202).send();
  });
}
