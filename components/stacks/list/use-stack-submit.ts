'use client';

import { useState } from 'react';

import { fieldsOf } from '@/components/ui/use-api-feedback';

import { useStackFeedback } from './use-stack-feedback';

/**
 * The stack forms' plumbing: field errors and busy state, and `send`, which runs a request with the form busy.
 * The BFF's field errors go next to their fields (and to `onFields`, e.g. to show the step they are on);
 * anything else goes to a toast with the request ID.
 */
export function useStackSubmit(onFields?: (fields: Record<string, string>) => void) {
  const feedback = useStackFeedback();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const send = async (request: () => Promise<void>): Promise<void> => {
    setBusy(true);
    try {
      await request();
    } catch (error) {
      const fields = fieldsOf(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) feedback.toastError(error);
      else onFields?.(fields);
    } finally {
      setBusy(false);
    }
  };

  return { ...feedback, errors, setErrors, busy, send };
}
