// GET /os-services (admins): Nova's services with state by the clock; PUT /os-services/{id}
// (2.53+) to disable/enable a service or force it down, as operators do for maintenance.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { ComputeService } from '../../store/schema';
import { lastReport, novaNaiveTime, serviceIsUp } from './host-state';
import { atLeast } from './microversion';
import { invalidInput, isPlainObject, novaCaller, queryValue, requireNovaAdmin, type NovaQuery } from './nova-request';

export function serviceView(request: FastifyRequest, service: ComputeService, now: number) {
  return {
    id: atLeast(request, '2.53') ? service.id : service.seq,
    binary: service.binary,
    host: service.host,
    zone: service.zone,
    status: service.disabled ? 'disabled' : 'enabled',
    state: serviceIsUp(service, now) ? 'up' : 'down',
    updated_at: novaNaiveTime(lastReport(service, now)),
    disabled_reason: service.disabledReason,
    ...(atLeast(request, '2.11') ? { forced_down: service.forcedDown } : {}),
  };
}

export function registerComputeServiceRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { hosts } = cloud.store;

  app.get<{ Querystring: NovaQuery }>('/v2.1/os-services', async (request) => {
    requireNovaAdmin(novaCaller(request), 'os_compute_api:os-services:list');
    const services = await hosts.listServices({
      host: queryValue(request.query, 'host'),
      binary: queryValue(request.query, 'binary'),
    });
    const now = cloud.clock.now();
    return { services: services.map((s) => serviceView(request, s, now)) };
  });

  app.put<{ Params: { serviceId: string } }>('/v2.1/os-services/:serviceId', async (request) => {
    requireNovaAdmin(novaCaller(request), 'os_compute_api:os-services:update');
    if (!atLeast(request, '2.53')) {
      throw new ApiError(404, 'Service updates by id need microversion 2.53 or later.');
    }
    const input = request.body;
    if (!isPlainObject(input)) throw new ApiError(400, 'The request body is not a JSON object.');
    const service = await hosts.getService(request.params.serviceId);
    if (!service) throw new ApiError(404, `Service ${request.params.serviceId} could not be found.`);
    const { status, disabled_reason: reason, forced_down: forcedDown } = input;
    if (status === undefined && forcedDown === undefined) {
      throw new ApiError(400, 'At least one of status or forced_down must be specified.');
    }
    if (status !== undefined && status !== 'enabled' && status !== 'disabled') {
      throw invalidInput('status', status, `'${String(status)}' is not one of ['enabled', 'disabled']`);
    }
    if (reason !== undefined && (typeof reason !== 'string' || reason.length > 255)) {
      throw invalidInput('disabled_reason', reason, 'must be a string of at most 255 characters');
    }
    if (reason !== undefined && status !== 'disabled') {
      throw new ApiError(400, 'Specifying a disabled reason is not supported when the status is enabled.');
    }
    if (forcedDown !== undefined && typeof forcedDown !== 'boolean') {
      throw invalidInput('forced_down', forcedDown, `${JSON.stringify(forcedDown)} is not of type 'boolean'`);
    }
    if (service.binary !== 'nova-compute' && status !== undefined) {
      throw new ApiError(400, `Updating a ${service.binary} service is not supported. Only nova-compute services can be updated.`);
    }
    const updated = await hosts.updateService(service.id, {
      ...(status === undefined ? {} : { disabled: status === 'disabled', disabledReason: status === 'disabled' ? ((reason as string | undefined) ?? null) : null }),
      ...(forcedDown === undefined ? {} : { forcedDown }),
    });
    if (!updated) throw new ApiError(404, `Service ${service.id} could not be found.`);
    return { service: serviceView(request, updated, cloud.clock.now()) };
  });
}
