import en from './messages/en.json';
import ja from './messages/ja.json';
import type { Locale } from './locales';

export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = { en, ja };
