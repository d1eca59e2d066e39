'use client';

import { useState } from 'react';

import { fieldsOf, useApiFeedback } from './use-api-feedback';

/**
 * The plumbing of a form in a dialog: its field errors and busy state, and `send`, which runs the request
 * with the form busy. When the request fails, the BFF's field errors (from an ApiClientError) go next to
 * their fields and anything else to a toast with the request ID. `onSettled` runs after either outcome.
 */
export function useFormSubmit(area: 'images' | 'flavors' | 'keypairs' | 'volumes' | 'floatingIps' | 'networkAgents' | 'networks') {
  const feedback = useApiFeedback(area);
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
    } finally {
      setBusy(false);
      onSettled?.();
    }
  };

  return { ...feedback, errors, setErrors, busy, send };
}
