'use client';

import { useCallback } from 'react';
import { useTranslations } from 'use-intl';

import { useToast } from '@/components/ui/toast';
import type { ApiErrorPayload } from '@/lib/api-error';
import { splitMessage } from '@/lib/orchestration/parameter-form';
import { ApiClientError } from '@/lib/query/api';

const ARG_NAMES: Record<string, string[]> = {
  param_range: ['min', 'max'],
  param_length: ['min', 'max'],
  param_allowed: ['values'],
  param_pattern: ['pattern'],
  files_missing: ['names'],
};

/**
 * How the stack pages report results: a field message is an i18n key under "stacks.errors" (arguments after
 * "|") or Heat's / the template author's own text, shown as written; other failures go to a toast.
 */
export function useStackFeedback() {
  const t = useTranslations('stacks');
  const tErrors = useTranslations('errors');
  const toast = useToast();

  const messageText = useCallback(
    (message: string | null | undefined): string | null => {
      if (!message) return null;
      const { key, args } = splitMessage(message);
      const path = `errors.${key}`;
      if (!t.has(path)) return message;
      const names = ARG_NAMES[key] ?? [];
      return t(path, Object.fromEntries(names.map((n, i) => [n, args[i] ?? ''])));
    },
    [t],
  );

  const toastError = useCallback(
    (error: unknown) => {
      const payload: ApiErrorPayload =
        error instanceof ApiClientError
          ? error.payload
          : { code: 'internal', status: 0, message: error instanceof Error ? error.message : String(error), service: null, requestId: null };
      const title = tErrors.has(payload.code) ? tErrors(payload.code, { service: payload.service ?? '' }) : payload.message;
      toast.show({ tone: 'error', title, detail: payload.requestId ?? undefined });
    },
    [toast, tErrors],
  );

  const toastSuccess = useCallback((title: string) => toast.show({ tone: 'success', title }), [toast]);

  return { messageText, toastError, toastSuccess };
}
