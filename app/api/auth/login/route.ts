import { cookies } from 'next/headers';

import { getConfig } from '@/lib/config';
import { noStoreJson, publicRoute } from '@/lib/bff/guard';
import { login, revokeSessionTokens, startSession } from '@/lib/bff/login';
import { LAST_PROJECT_COOKIE, preferenceCookie } from '@/lib/bff/preferences';
import { clientAddress, readJson } from '@/lib/bff/request';
import { getSession } from '@/lib/bff/session';
import { loginSchema } from '@/lib/validation/login';

export const POST = publicRoute(async (request) => {
  const input = loginSchema.parse(await readJson(request));
  const config = getConfig();
  const cookieStore = await cookies();
  const { unscoped, scoped } = await login(config, input, {
    address: clientAddress(request),
    preferredProjectId: cookieStore.get(LAST_PROJECT_COOKIE)?.value,
  });
  const session = await getSession();
  await revokeSessionTokens(config.authUrl, session).catch(() => undefined);
  startSession(session, unscoped, scoped);
  await session.save();
  cookieStore.set(LAST_PROJECT_COOKIE, scoped.info.project?.id ?? '', preferenceCookie);
  return noStoreJson({ project: session.project, csrfToken: session.csrf });
});
