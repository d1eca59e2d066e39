import { getConfig } from '@/lib/config';
import { noStoreJson, publicRoute } from '@/lib/bff/guard';
import { assertCsrfToken } from '@/lib/bff/csrf';
import { revokeSessionTokens } from '@/lib/bff/login';
import { getSession } from '@/lib/bff/session';

/** Revokes both Keystone tokens, then clears the cookie even if Keystone could not be reached. */
export const POST = publicRoute(async (request) => {
  const session = await getSession();
  if (!session.token) return noStoreJson({ revoked: false });
  assertCsrfToken(request, session.csrf);
  let revoked = true;
  try {
    await revokeSessionTokens(getConfig().authUrl, session);
  } catch {
    revoked = false;
  }
  session.destroy();
  return noStoreJson({ revoked });
});
