'use client';

import { useCallback } from 'react';
import { useTranslations } from 'use-intl';

import type { ApiErrorPayload } from '@/lib/api-error';
import { ApiClientError } from '@/lib/query/api';

/** A failed call as the security-group pages show it: a sentence, and Neutron's or Nova's request ID. */
export interface ShownError {
  text: string;
  requestId: string | null;
}

/**
 * Turns BFF errors into text for the security-group pages: field keys under "securityGroups.errors", the BFF's
 * "secgroup.*" codes (Neutron's refusals) under the same, anything else under the shared "errors".
 */
export function useSecurityGroupErrors() {
  const t = useTranslations('securityGroups.errors');
  const tErrors = useTranslations('errors');

  const fieldText = useCallback(
    (key: string | undefined | null): string | null => (!key ? null : t.has(key) ? t(key as 'invalid_cidr') : key),
    [t],
  );

  const shown = useCallback(
    (error: unknown): ShownError => {
      const payload: ApiErrorPayload =
        error instanceof ApiClientError
          ? error.payload
          : { code: 'internal', status: 0, message: error instanceof Error ? error.message : String(error), service: null, requestId: null };
      const own = payload.code.startsWith('secgroup.') ? payload.code.slice('secgroup.'.length) : null;
      const text =
        own && t.has(own)
          ? t(own as 'in_use')
          : tErrors.has(payload.code)
            ? tErrors(payload.code as 'pageFailed', { service: payload.service ?? '' })
            : payload.message;
      return { text, requestId: payload.requestId };
    },
    [t, tErrors],
  );

  return { fieldText, shown };
}
