// Gnocchi's JSON for resources and metrics.

import type { MetricRow } from '../../store/metrics';
import { archivePolicyView, findArchivePolicy } from './archive-policies';
import type { MetricResource } from './resources';

export function resourceView(resource: MetricResource, metrics: readonly MetricRow[]) {
  return {
    ...resource.attributes,
    metrics: Object.fromEntries(metrics.filter((m) => m.name !== null).map((m) => [m.name, m.id])),
  };
}

export function metricView(metric: MetricRow, resource?: MetricResource) {
  const policy = findArchivePolicy(metric.archive_policy_name);
  return {
    id: metric.id,
    archive_policy: policy ? archivePolicyView(policy) : { name: metric.archive_policy_name },
    creator: `${metric.created_by_user_id}:${metric.created_by_project_id}`,
    created_by_user_id: metric.created_by_user_id,
    created_by_project_id: metric.created_by_project_id,
    name: metric.name,
    unit: metric.unit,
    resource_id: metric.resource_id,
    ...(resource === undefined ? {} : { resource: resource.attributes }),
  };
}
