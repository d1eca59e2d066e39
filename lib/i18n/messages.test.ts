import { describe, expect, it } from 'vitest';

import { localeFromAcceptLanguage } from './locales';
import { MESSAGES } from './messages';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it('has every English key in Japanese and no extra ones', () => {
    expect(keys(MESSAGES.ja).sort()).toEqual(keys(MESSAGES.en).sort());
  });

  it('leaves no Japanese message empty or identical to a long English sentence', () => {
    const en = new Map(keys(MESSAGES.en).map((k) => [k, k.split('.').reduce<any>((o, p) => o[p], MESSAGES.en)]));
    for (const key of keys(MESSAGES.ja)) {
      const ja = key.split('.').reduce<any>((o, p) => o[p], MESSAGES.ja) as string;
      expect(ja.trim(), key).not.toBe('');
      if ((en.get(key) as string).split(' ').length > 3) expect(ja, key).not.toBe(en.get(key));
    }
  });
});

describe('localeFromAcceptLanguage', () => {
  it('picks the best supported language by quality', () => {
    expect(localeFromAcceptLanguage('ja-JP,ja;q=0.9,en;q=0.8')).toBe('ja');
    expect(localeFromAcceptLanguage('fr-FR,fr;q=0.9,ja;q=0.5,en;q=0.7')).toBe('en');
    expect(localeFromAcceptLanguage('de')).toBe('en');
    expect(localeFromAcceptLanguage(null)).toBe('en');
  });
});
