'use client';

import { useFeedbackSubmit } from '@/components/ui/use-form-submit';

import { useStackFeedback } from './use-stack-feedback';

/**
 * The stack forms' plumbing: field errors and busy state, and `send`, which runs a request with the form busy.
 * The BFF's field errors go next to their fields (and to `onFields`, e.g. to show the step they are on);
 * anything else goes to a toast with the request ID.
 */
export function useStackSubmit(onFields?: (fields: Record<string, string>) => void) {
  return useFeedbackSubmit(useStackFeedback(), onFields);
}
