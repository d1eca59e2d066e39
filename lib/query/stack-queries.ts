import { queryOptions } from '@tanstack/react-query';

import type { PreviewResource, UpdatePreview } from '../openstack/heat/stacks';
import type { Stack, StackSummary, TemplateBundle, TemplateParameter } from '../openstack/heat/types';
import type { TemplateReference } from '../orchestration/template-references';
import type { LaunchStackRequest, StackAction, TemplateBundleRequest, UpdateStackRequest } from '../validation/stacks';
import { apiFetch } from './api';
import type { Scope } from './queries';

/**
 * Query factories and calls for the stacks list, launch, update and actions. Every key starts with
 * 'stacks' so one invalidation refreshes the list and the stack pages (D2's detail factories live in
 * stack-detail-queries.ts and start with the same key).
 */
export const STACKS_KEY = ['stacks'] as const;

const path = (id: string) => `/api/stacks/${encodeURIComponent(id)}`;

/** The list polls every few seconds while any stack is in progress. */
export const stacksQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['stacks', 'list', scope.projectId, scope.region],
    queryFn: () => apiFetch<{ stacks: StackSummary[] }>('/api/stacks'),
    refetchInterval: (query) => (query.state.data?.stacks.some((s) => s.status === 'IN_PROGRESS') ? 3000 : false),
  });

export const stackQuery = (scope: Scope, id: string) =>
  queryOptions({
    queryKey: ['stacks', 'stack', scope.projectId, scope.region, id],
    queryFn: () => apiFetch<{ stack: Stack }>(path(id)),
    refetchInterval: (query) => (query.state.data?.stack.status === 'IN_PROGRESS' ? 3000 : false),
  });

export const stackTemplateQuery = (scope: Scope, id: string) =>
  queryOptions({
    queryKey: ['stacks', 'template', scope.projectId, scope.region, id],
    queryFn: () => apiFetch<TemplateBundle>(`${path(id)}/template`),
    staleTime: 60_000,
  });

export interface ValidateResponse {
  description: string;
  parameters: TemplateParameter[];
  references: TemplateReference[];
}

export const validateStack = (bundle: TemplateBundleRequest) => apiFetch<ValidateResponse>('/api/stacks/validate', { method: 'POST', body: bundle });
export const previewStack = (input: LaunchStackRequest) => apiFetch<{ resources: PreviewResource[] }>('/api/stacks/preview', { method: 'POST', body: input });
export const createStack = (input: LaunchStackRequest) => apiFetch<{ stack: { id: string; name: string } }>('/api/stacks', { method: 'POST', body: input });
export const updateStack = (id: string, input: UpdateStackRequest) =>
  apiFetch<null>(path(id), { method: input.mode === 'existing' ? 'PATCH' : 'PUT', body: input });
export const previewStackUpdate = (id: string, input: UpdateStackRequest) =>
  apiFetch<{ changes: UpdatePreview | null }>(`${path(id)}/preview`, { method: 'POST', body: input });
export const deleteStack = (id: string) => apiFetch<null>(path(id), { method: 'DELETE' });
export const runStackAction = (id: string, action: StackAction) => apiFetch<null>(`${path(id)}/actions`, { method: 'POST', body: { action } });
