import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';

import type { EventPage, LinkedResource } from '../bff/stack-detail';
import type { ClassifiedOutput } from '../bff/stack-detail-outputs';
import type { SignalResult } from '../bff/stack-detail-signal';
import type { ScalingView } from '../bff/stack-scaling';
import { apiFetch } from './api';
import type { Scope } from './queries';

/**
 * Query factories for the stack page's tabs. Keys start with 'stacks' (as D1's stack-queries.ts does) so one
 * invalidation after an action or a signal refreshes every tab.
 */
const path = (id: string) => `/api/stacks/${encodeURIComponent(id)}`;
const key = (scope: Scope, id: string, ...rest: unknown[]) => ['stacks', 'detail', scope.projectId, scope.region, id, ...rest] as const;

export const EVENT_PAGE_SIZE = 200;
const LIVE_MS = 3000;

export const stackResourcesQuery = (scope: Scope, id: string, depth: number, live = false) =>
  queryOptions({
    queryKey: key(scope, id, 'resources', depth),
    queryFn: () => apiFetch<{ resources: LinkedResource[] }>(`${path(id)}/resources?depth=${depth}`),
    refetchInterval: live ? LIVE_MS : false,
  });

export const stackEventsQuery = (scope: Scope, id: string, resource: string, live = false) =>
  infiniteQueryOptions({
    queryKey: key(scope, id, 'events', resource),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(EVENT_PAGE_SIZE) });
      if (pageParam) params.set('marker', pageParam);
      if (resource) params.set('resource', resource);
      return apiFetch<EventPage>(`${path(id)}/events?${params}`);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextMarker ?? undefined,
    refetchInterval: live ? LIVE_MS : false,
  });

export const stackOutputsQuery = (scope: Scope, id: string) =>
  queryOptions({
    queryKey: key(scope, id, 'outputs'),
    queryFn: () => apiFetch<{ outputs: ClassifiedOutput[] }>(`${path(id)}/outputs`),
  });

/**
 * While the scaling tab is open it keeps watching: an alarm can resize the group at any moment, and a
 * resize may start and finish between two looks at the stack, so "live" alone would miss it.
 */
const SCALING_WATCH_MS = 10_000;

export const stackScalingQuery = (scope: Scope, id: string, live = false) =>
  queryOptions({
    queryKey: key(scope, id, 'scaling'),
    queryFn: () => apiFetch<ScalingView>(`${path(id)}/scaling`),
    refetchInterval: live ? LIVE_MS : SCALING_WATCH_MS,
  });

/** Sends an output's signal: the BFF reads the URL from Heat itself; the browser names the output only. */
export const sendOutputSignal = (id: string, outputKey: string) =>
  apiFetch<SignalResult>(`${path(id)}/outputs/${encodeURIComponent(outputKey)}/signal`, { method: 'POST' });
