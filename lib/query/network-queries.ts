import { queryOptions } from '@tanstack/react-query';

import type { NetworkDetailView, NetworkListView } from '../bff/networks';
import type { RouterDetailView, RouterListView } from '../bff/routers';
import type { TopologyGraph } from '../bff/topology';
import { apiFetch } from './api';
import type { Scope } from './queries';

/** Query factories for the networks, routers and topology pages. Every key starts with 'network-area' so one invalidation refreshes them all. */
export const networksQuery = (scope: Scope, allProjects: boolean) =>
  queryOptions({
    queryKey: ['network-area', 'networks', scope.projectId, scope.region, allProjects],
    queryFn: () => apiFetch<NetworkListView>(`/api/networks${allProjects ? '?all=1' : ''}`),
  });

export const networkQuery = (scope: Scope, id: string) =>
  queryOptions({
    queryKey: ['network-area', 'network', scope.projectId, scope.region, id],
    queryFn: () => apiFetch<NetworkDetailView>(`/api/networks/${encodeURIComponent(id)}`),
  });

export const routersQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['network-area', 'routers', scope.projectId, scope.region],
    queryFn: () => apiFetch<RouterListView>('/api/routers'),
  });

export const routerQuery = (scope: Scope, id: string) =>
  queryOptions({
    queryKey: ['network-area', 'router', scope.projectId, scope.region, id],
    queryFn: () => apiFetch<RouterDetailView>(`/api/routers/${encodeURIComponent(id)}`),
  });

export const topologyQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['network-area', 'topology', scope.projectId, scope.region],
    queryFn: () => apiFetch<TopologyGraph>('/api/topology'),
  });

export const NETWORK_AREA_KEY = ['network-area'] as const;
