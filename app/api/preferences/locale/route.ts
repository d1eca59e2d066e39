import { cookies } from 'next/headers';

import { noStoreJson, publicRoute } from '@/lib/bff/guard';
import { LOCALE_COOKIE, preferenceCookie } from '@/lib/bff/preferences';
import { readJson } from '@/lib/bff/request';
import { localeSchema } from '@/lib/validation/login';

/** The language choice is not secret and is needed before login, so it needs no session. */
export const POST = publicRoute(async (request) => {
  const { locale } = localeSchema.parse(await readJson(request));
  (await cookies()).set(LOCALE_COOKIE, locale, preferenceCookie);
  return noStoreJson({ locale });
});
