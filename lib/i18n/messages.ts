import coreEn from './messages/core.en.json';
import computeEn from './messages/compute.en.json';
import computeJa from './messages/compute.ja.json';
import coreJa from './messages/core.ja.json';
import type { Locale } from './locales';

/**
 * Messages are kept in one file per area (`<area>.en.json` and `<area>.ja.json`, top-level keys unique
 * across areas) and merged here; a unit test checks that both languages have the same keys.
 */
const en = { ...coreEn, ...computeEn };

export type Messages = typeof en;

const ja: Messages = { ...coreJa, ...computeJa };

export const MESSAGES: Record<Locale, Messages> = { en, ja };
