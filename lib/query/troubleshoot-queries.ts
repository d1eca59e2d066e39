import { queryOptions } from '@tanstack/react-query';

import type { TroubleshootOptions, TroubleshootView } from '../bff/troubleshoot';
import type { TraceQuery } from '../network/troubleshoot/types';
import { troubleshootParams } from '../validation/troubleshoot';
import { apiFetch } from './api';
import type { Scope } from './queries';

/** Query factories for the connectivity troubleshooter: the pickers' instances, and one check per question. */
export const troubleshootOptionsQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['troubleshoot-options', scope.projectId, scope.region],
    queryFn: () => apiFetch<TroubleshootOptions>('/api/troubleshoot/options'),
  });

export const troubleshootQuery = (scope: Scope, query: TraceQuery) => {
  const params = troubleshootParams(query).toString();
  return queryOptions({
    queryKey: ['troubleshoot', scope.projectId, scope.region, params],
    queryFn: () => apiFetch<TroubleshootView>(`/api/troubleshoot?${params}`),
    // A check answers for the moment it ran: re-running is explicit (the button, or after adding a rule).
    staleTime: Infinity,
    retry: false,
  });
};
