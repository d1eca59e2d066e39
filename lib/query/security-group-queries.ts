import { queryOptions } from '@tanstack/react-query';

import type { SecurityGroupDetailView, SecurityGroupListView, ServerSecurityGroupsView } from '../bff/security-groups';
import { apiFetch } from './api';
import type { Scope } from './queries';

/** Query factories for the security-group pages and the instance page's security-group section. */
export const securityGroupsQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['security-groups', scope.projectId, scope.region],
    queryFn: () => apiFetch<SecurityGroupListView>('/api/security-groups'),
  });

export const securityGroupQuery = (scope: Scope, id: string) =>
  queryOptions({
    queryKey: ['security-group', scope.projectId, scope.region, id],
    queryFn: () => apiFetch<SecurityGroupDetailView>(`/api/security-groups/${encodeURIComponent(id)}`),
  });

/** Keyed by the server alone (its id is unique across projects): the instance page's sections take only the id. */
export const serverSecurityGroupsQuery = (serverId: string) =>
  queryOptions({
    queryKey: ['server-security-groups', serverId],
    queryFn: () => apiFetch<ServerSecurityGroupsView>(`/api/servers/${encodeURIComponent(serverId)}/security-groups`),
  });
