// Host aggregates, read-only: the embedded cloud has none, so the list is empty and any one
// aggregate is not found. `openstack hypervisor show` reads this list; creating aggregates
// still answers 501 (registered after this, the catch-all handles it).

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { novaCaller, requireNovaAdmin } from './nova-request';

export function registerAggregateRoutes(app: FastifyInstance, _cloud: Cloud): void {
  app.get('/v2.1/os-aggregates', async (request) => {
    requireNovaAdmin(novaCaller(request), 'os_compute_api:os-aggregates:index');
    return { aggregates: [] };
  });

  app.get<{ Params: { aggregateId: string } }>('/v2.1/os-aggregates/:aggregateId', async (request) => {
    requireNovaAdmin(novaCaller(request), 'os_compute_api:os-aggregates:show');
    throw new ApiError(404, `Aggregate ${request.params.aggregateId} could not be found.`);
  });
}
