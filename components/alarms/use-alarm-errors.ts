'use client';

import { useCallback } from 'react';
import { useTranslations } from 'use-intl';

import type { ApiErrorPayload } from '@/lib/api-error';
import { ApiClientError } from '@/lib/query/api';

export interface ShownError {
  text: string;
  requestId: string | null;
}

/**
 * BFF errors as the alarm pages show them: field keys under "alarms.errors" (Aodh's own words pass through
 * as they came), anything else under the shared "errors".
 */
export function useAlarmErrors() {
  const t = useTranslations('alarms.errors');
  const tErrors = useTranslations('errors');

  const fieldText = useCallback(
    (key: string | undefined | null): string | null => (!key ? null : t.has(key) ? t(key as 'name_required') : key),
    [t],
  );

  const shown = useCallback(
    (error: unknown): ShownError => {
      const payload: ApiErrorPayload =
        error instanceof ApiClientError
          ? error.payload
          : { code: 'internal', status: 0, message: error instanceof Error ? error.message : String(error), service: null, requestId: null };
      const text = tErrors.has(payload.code) ? tErrors(payload.code as 'pageFailed', { service: payload.service ?? '' }) : payload.message;
      return { text, requestId: payload.requestId };
    },
    [tErrors],
  );

  return { fieldText, shown };
}
