// Who sees what in Gnocchi: an admin sees everything; anyone else the resources and metrics
// of their project (as owner or creator).

import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../http/api-error';
import { apiCaller, callerProjectId, isAdmin } from '../compute/api-caller';
import type { MetricRow } from '../../store/metrics';
import type { ResourceAttributes } from './search-query';

export interface MetricCaller {
  userId: string;
  projectId: string;
  admin: boolean;
  seesResource(resource: ResourceAttributes): boolean;
  seesMetric(metric: MetricRow, resource?: ResourceAttributes): boolean;
}

export function metricCaller(request: FastifyRequest): MetricCaller {
  const caller = apiCaller(request);
  const projectId = callerProjectId(caller);
  if (projectId === null) throw new ApiError(403, 'Access was denied to this resource.');
  const admin = isAdmin(caller);
  const seesResource = (r: ResourceAttributes) => admin || r.project_id === projectId || r.created_by_project_id === projectId;
  return {
    userId: caller.user.id,
    projectId,
    admin,
    seesResource,
    seesMetric: (m, r) => admin || m.created_by_project_id === projectId || (r !== undefined && seesResource(r)),
  };
}
