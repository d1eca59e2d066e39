import 'server-only';

import { cookies, headers } from 'next/headers';
import { createTranslator } from 'use-intl/core';

import { LOCALE_COOKIE } from '../bff/preferences';
import { type Locale, isLocale, localeFromAcceptLanguage } from './locales';
import { MESSAGES } from './messages';

/** The user's chosen language, else the browser's first supported one. */
export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}

export async function getTranslator() {
  const locale = await getLocale();
  return createTranslator({ locale, messages: MESSAGES[locale] });
}
