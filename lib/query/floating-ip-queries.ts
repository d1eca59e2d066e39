import { queryOptions } from '@tanstack/react-query';

import type { AssociateTarget, FloatingIpListView, ServerFloatingIpsView } from '../bff/floating-ips';
import type { NetworkAgentsView } from '../bff/network-agents';
import type { ApiErrorPayload } from '../api-error';
import { apiFetch } from './api';
import type { Scope } from './queries';

/** Query factories for the floating IPs page, the instance page's floating IP section and the agents page. */
export const floatingIpsQuery = (scope: Scope, allProjects: boolean) =>
  queryOptions({
    queryKey: ['floating-ips', scope.projectId, scope.region, allProjects ? 'all' : 'project'],
    queryFn: () => apiFetch<FloatingIpListView>(`/api/floating-ips${allProjects ? '?all=1' : ''}`),
  });

export const associateTargetsQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['floating-ips', scope.projectId, scope.region, 'targets'],
    queryFn: () => apiFetch<{ targets: AssociateTarget[]; serversError: ApiErrorPayload | null }>('/api/floating-ips/targets'),
  });

/** Keyed by the server alone: a server id belongs to one project, and the section has no scope to hand. */
export const serverFloatingIpsQuery = (serverId: string) =>
  queryOptions({
    queryKey: ['floating-ips', 'server', serverId],
    queryFn: () => apiFetch<ServerFloatingIpsView>(`/api/servers/${encodeURIComponent(serverId)}/floating-ips`),
  });

export const networkAgentsQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['network-agents', scope.projectId, scope.region],
    queryFn: () => apiFetch<NetworkAgentsView>('/api/admin/network-agents'),
  });
