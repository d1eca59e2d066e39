'use client';

import { useState } from 'react';

import { fieldsOf, useApiFeedback } from './use-api-feedback';

/**
 * The plumbing of a form in a dialog: its field errors and busy state, and `send`, which runs the request
 * with the form busy. When the request fails, the BFF's field errors (from an ApiClientError) go next to
 * their fields and anything else to a toast with the request ID. `onSettled` runs after either outcome.
 */
export function useFormSubmit(area: 'images' | 'flavors' | 'keypairs' | 'volumes' | 'floatingIps' | 'networkAgents' | 'networks') {
  return useFeedbackSubmit(useApiFeedback(area));
}

/**
 * The same plumbing around any area's feedback (its toastError takes the failures without field errors);
 * `onFields`, when given, also gets the field errors of a failure that has some (e.g. to show the step they are on).
 */
export function useFeedbackSubmit<F extends { toastError: (error: unknown) => void }>(
  feedback: F,
  onFields?: (fields: Record<string, string>) => void,
) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const send = async (request: () => Promise<void>, onSettled?: () => void): Promise<void> => {
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
      onSettled?.();
    }
  };

  return { ...feedback, errors, setErrors, busy, send };
}
