'use client';

import { useShownErrors } from '@/components/ui/use-shown-errors';

export type { ShownError } from '@/components/ui/use-shown-errors';

/**
 * BFF errors as the alarm pages show them: field keys under "alarms.errors" (Aodh's own words pass through
 * as they came), anything else under the shared "errors".
 */
export function useAlarmErrors() {
  return useShownErrors('alarms.errors');
}
