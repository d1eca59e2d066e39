import 'server-only';

/** Cookies that remember harmless choices across sessions; HttpOnly all the same. */
export const LAST_PROJECT_COOKIE = 'zenith_last_project';
export const LOCALE_COOKIE = 'zenith_locale';

export const preferenceCookie = {
  httpOnly: true,
  sameSite: 'lax' as const,
  path: '/',
  maxAge: 365 * 24 * 60 * 60,
};
