'use client';

import { useCallback } from 'react';
import { useTranslations } from 'use-intl';

import { useToast } from '@/components/ui/toast';
import type { ApiErrorPayload } from '@/lib/api-error';
import { ApiClientError } from '@/lib/query/api';

/**
 * How the images, flavors, key pairs and volumes forms report results: field errors (i18n keys from the
 * shared zod schemas or the BFF) next to their fields, everything else in a toast with the request ID.
 * A "<service>.<key>" code is shown in the area's own "errors.<key>" words when it has them, unless
 * `ownCodes` is false (e.g. the stacks, whose own error keys take arguments): then only the shared "errors".
 */
export function useApiFeedback(
  area: 'images' | 'flavors' | 'keypairs' | 'volumes' | 'floatingIps' | 'networkAgents' | 'networks' | 'stacks',
  { ownCodes = true }: { ownCodes?: boolean } = {},
) {
  const t = useTranslations(area);
  const tErrors = useTranslations('errors');
  const toast = useToast();

  const fieldText = useCallback(
    (key: string | undefined | null): string | null => {
      if (!key) return null;
      const path = `errors.${key}`;
      return t.has(path) ? t(path) : key;
    },
    [t],
  );

  const errorText = useCallback(
    (payload: ApiErrorPayload): string => {
      const own = `errors.${payload.code.replace(/^[a-z]+\./, '')}`;
      if (ownCodes && payload.code.includes('.') && t.has(own)) return t(own);
      return tErrors.has(payload.code) ? tErrors(payload.code, { service: payload.service ?? '' }) : payload.message;
    },
    [t, tErrors, ownCodes],
  );

  const toastError = useCallback(
    (error: unknown) => {
      const payload: ApiErrorPayload =
        error instanceof ApiClientError
          ? error.payload
          : { code: 'internal', status: 0, message: error instanceof Error ? error.message : String(error), service: null, requestId: null };
      toast.show({ tone: 'error', title: errorText(payload), detail: payload.requestId ?? undefined });
    },
    [toast, errorText],
  );

  const toastSuccess = useCallback((title: string) => toast.show({ tone: 'success', title }), [toast]);

  return { fieldText, toastError, toastSuccess };
}

/** The field errors of a 400 from the BFF, or of a client-side zod check, by field name. */
export function fieldsOf(error: unknown): Record<string, string> {
  return error instanceof ApiClientError ? (error.payload.fields ?? {}) : {};
}

/** A zod error's issues as field → message key, the shape the BFF answers with. */
export function zodFields(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path.map(String).join('.') || 'form'] ??= issue.message;
  return fields;
}
