import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';

import { isSessionEnded } from './api';

/** 401 and 403 are answers, not glitches: never retried. A 401 ends the session in the browser too. */
export function makeQueryClient(onSessionEnded: (code: string) => void): QueryClient {
  const onError = (error: unknown) => {
    if (isSessionEnded(error)) onSessionEnded(error.payload.code);
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) =>
          !(error && 'status' in error && [401, 403, 404].includes((error as { status: number }).status)) && failures < 2,
      },
    },
  });
}
