'use client';

import { useCallback } from 'react';
import { useTranslations } from 'use-intl';

import { useApiFeedback } from '@/components/ui/use-api-feedback';
import { splitMessage } from '@/lib/orchestration/parameter-form';

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
  const { toastError, toastSuccess } = useApiFeedback('stacks', { ownCodes: false });

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

  return { messageText, toastError, toastSuccess };
}
