import Link from 'next/link';

import { getTranslator } from '@/lib/i18n/server';

export default async function NotFound() {
  const t = await getTranslator();
  return (
    <main className="flex min-h-[50vh] items-center justify-center px-4">
      <div className="max-w-md space-y-3 text-center">
        <h1 className="text-xl font-semibold text-slate-900">{t('notFound.title')}</h1>
        <p className="text-sm text-slate-600">{t('notFound.body')}</p>
        <Link href="/project/overview" className="inline-block text-sm font-medium text-sky-700 underline hover:text-sky-900">
          {t('notFound.back')}
        </Link>
      </div>
    </main>
  );
}
