'use client';

import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import type { ApiErrorPayload } from '@/lib/api-error';
import { ApiClientError } from '@/lib/query/api';

/** One failing part of a page: what failed, which service, and the request ID to look up in its logs. */
export function ApiErrorNotice({ error }: { error: ApiErrorPayload | Error }) {
  const t = useTranslations('errors');
  const payload: ApiErrorPayload =
    error instanceof ApiClientError
      ? error.payload
      : 'code' in error && 'status' in error
        ? error
        : { code: 'internal', status: 0, message: error.message, service: null, requestId: null };
  const text = t.has(payload.code) ? t(payload.code, { service: payload.service ?? '' }) : payload.message;
  return (
    <Alert tone="error">
      <p>{text}</p>
      <p className="mt-1 text-xs opacity-80">
        {payload.service && <span>{t('serviceLabel', { service: payload.service })} · </span>}
        {payload.status > 0 && <span>HTTP {payload.status}</span>}
        {payload.requestId && <span className="font-mono"> · {payload.requestId}</span>}
      </p>
    </Alert>
  );
}
