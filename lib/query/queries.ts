import { queryOptions } from '@tanstack/react-query';

import type { ApiAccessView } from '../bff/api-access';
import type { AdminOverview, ProjectRow } from '../bff/identity';
import type { ServerDetailView, ServerListView } from '../bff/servers';
import type { ProjectUsage } from '../bff/usage';
import type { ProjectOverview } from '../bff/overview';
import type { SessionView } from '../bff/session-view';
import { apiFetch } from './api';

/** Query keys carry the scope, so a project or region switch never shows another scope's data. */
export interface Scope {
  projectId: string;
  region: string | null;
}

export const sessionQuery = () =>
  queryOptions({ queryKey: ['session'], queryFn: () => apiFetch<SessionView>('/api/session') });

export const overviewQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['overview', scope.projectId, scope.region],
    queryFn: () => apiFetch<ProjectOverview>('/api/overview'),
  });

export const apiAccessQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['api-access', scope.projectId, scope.region],
    queryFn: () => apiFetch<ApiAccessView>('/api/api-access'),
  });

export const projectsQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['identity-projects', scope.projectId],
    queryFn: () => apiFetch<{ projects: ProjectRow[]; scope: 'all' | 'mine' }>('/api/identity/projects'),
  });

export const adminOverviewQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['admin-overview', scope.projectId, scope.region],
    queryFn: () => apiFetch<AdminOverview>('/api/admin/overview'),
  });

export interface ServerListParams {
  limit: number;
  marker?: string;
  name?: string;
  status?: string;
  all?: boolean;
}

export const serverListQuery = (scope: Scope, params: ServerListParams) =>
  queryOptions({
    queryKey: ['servers', scope.projectId, scope.region, params],
    queryFn: () => {
      const search = new URLSearchParams({ limit: String(params.limit) });
      if (params.marker) search.set('marker', params.marker);
      if (params.name) search.set('name', params.name);
      if (params.status) search.set('status', params.status);
      if (params.all) search.set('all', '1');
      return apiFetch<ServerListView>(`/api/servers?${search}`);
    },
  });

export const serverDetailQuery = (scope: Scope, id: string) =>
  queryOptions({
    queryKey: ['server', scope.projectId, scope.region, id],
    queryFn: () => apiFetch<ServerDetailView>(`/api/servers/${encodeURIComponent(id)}`),
  });

export const usageQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['usage', scope.projectId, scope.region],
    queryFn: () => apiFetch<ProjectUsage>('/api/usage'),
  });
