'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'use-intl';
import { useTransition } from 'react';

import { LOCALES } from '@/lib/i18n/locales';
import { apiFetch } from '@/lib/query/api';
import { cn } from '@/lib/cn';

/** English / 日本語; the choice is kept in a cookie and the page re-renders in place. */
export function LanguageSwitch({ tone = 'dark' }: { tone?: 'dark' | 'light' }) {
  const t = useTranslations('shell');
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const choose = (locale: string) =>
    startTransition(async () => {
      await apiFetch('/api/preferences/locale', { method: 'POST', body: { locale } });
      router.refresh();
    });
  return (
    <div role="group" aria-label={t('language')} className="flex shrink-0 gap-1 whitespace-nowrap">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() => choose(locale)}
          className={cn(
            'rounded px-2 py-1 text-xs font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-400',
            tone === 'dark'
              ? locale === current
                ? 'bg-slate-600 text-white'
                : 'text-slate-300 hover:bg-slate-700'
              : locale === current
                ? 'bg-slate-800 text-white'
                : 'text-slate-600 hover:bg-slate-200',
          )}
        >
          {locale === 'en' ? 'English' : '日本語'}
        </button>
      ))}
    </div>
  );
}
