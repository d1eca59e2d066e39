'use client';

import { useShownErrors } from '@/components/ui/use-shown-errors';

/** A failed call as the security-group pages show it: a sentence, and Neutron's or Nova's request ID. */
export type { ShownError } from '@/components/ui/use-shown-errors';

/**
 * Turns BFF errors into text for the security-group pages: field keys under "securityGroups.errors", the BFF's
 * "secgroup.*" codes (Neutron's refusals) under the same, anything else under the shared "errors".
 */
export function useSecurityGroupErrors() {
  return useShownErrors('securityGroups.errors', 'secgroup');
}
