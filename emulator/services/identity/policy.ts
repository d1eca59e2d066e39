// Authorisation, kept to what the embedded cloud needs: the `admin` role on the token's
// project or domain makes a cloud administrator (Keystone's legacy admin_required rule);
// a few reads are also open to the subject itself.

import type { TokenContext } from './token-service';
import { forbidden } from './errors';

export function isAdmin(caller: TokenContext): boolean {
  return caller.roles.some((role) => role.name === 'admin');
}

/** Throws Keystone's 403 for the policy unless the caller is an admin. */
export function requireAdmin(caller: TokenContext, policy: string): void {
  if (!isAdmin(caller)) throw forbidden(policy);
}

/** Throws 403 unless the caller is an admin or the user the request is about. */
export function requireAdminOrSelf(caller: TokenContext, userId: string, policy: string): void {
  if (!isAdmin(caller) && caller.user.id !== userId) throw forbidden(policy);
}
