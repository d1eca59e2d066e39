'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';

import { useToast } from '@/components/ui/toast';
import type { ServerAction } from '@/lib/compute/server-status';
import { ApiClientError, apiFetch } from '@/lib/query/api';

/** Sends one action to one instance, says what happened, and refreshes every instance query. */
export function useServerAction() {
  const t = useTranslations('instances');
  const toast = useToast();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; name: string; action: ServerAction }) =>
      apiFetch(`/api/servers/${encodeURIComponent(id)}/action`, { method: 'POST', body: { action } }),
    onSuccess: (_, { name, action }) => {
      toast.show({ tone: 'success', title: t('actionSent', { action: t(`actions.${action}`), name }) });
    },
    onError: (error, { name, action }) => {
      const payload = error instanceof ApiClientError ? error.payload : null;
      toast.show({
        tone: 'error',
        title: t('actionFailed', { action: t(`actions.${action}`), name }),
        detail: [payload?.message ?? String(error), payload?.requestId].filter(Boolean).join(' · '),
      });
    },
    onSettled: () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'servers' || q.queryKey[0] === 'server' }),
  });
}
