'use client';

import { useCallback } from 'react';
import { useTranslations } from 'use-intl';

import type { ApiErrorPayload } from '@/lib/api-error';
import { ApiClientError } from '@/lib/query/api';

/** A failed call as a page shows it: a sentence, and the cloud's request ID. */
export interface ShownError {
  text: string;
  requestId: string | null;
}

/**
 * Turns BFF errors into text for one area's pages: field keys under `namespace` (a key not found there, e.g. the
 * service's own words, passes through as it came); with `codePrefix`, the BFF's "<codePrefix>.*" codes (the
 * service's refusals) under the same namespace; anything else under the shared "errors".
 */
export function useShownErrors(namespace: string, codePrefix?: string) {
  const t = useTranslations(namespace);
  const tErrors = useTranslations('errors');

  const fieldText = useCallback(
    (key: string | undefined | null): string | null => (!key ? null : t.has(key) ? t(key) : key),
    [t],
  );

  const shown = useCallback(
    (error: unknown): ShownError => {
      const payload: ApiErrorPayload =
        error instanceof ApiClientError
          ? error.payload
          : { code: 'internal', status: 0, message: error instanceof Error ? error.message : String(error), service: null, requestId: null };
      const own = codePrefix && payload.code.startsWith(`${codePrefix}.`) ? payload.code.slice(codePrefix.length + 1) : null;
      const text =
        own && t.has(own)
          ? t(own)
          : tErrors.has(payload.code)
            ? tErrors(payload.code, { service: payload.service ?? '' })
            : payload.message;
      return { text, requestId: payload.requestId };
    },
    [t, tErrors, codePrefix],
  );

  return { fieldText, shown };
}
