import { queryOptions } from '@tanstack/react-query';

import type { ApiAccessView } from '../bff/api-access';
import type { AdminOverview, ProjectRow } from '../bff/identity';
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
