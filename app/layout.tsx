import type { Metadata } from 'next';
import type { ReactNode } from 'react';

import { Providers } from '@/components/providers';
import { MESSAGES } from '@/lib/i18n/messages';
import { getLocale } from '@/lib/i18n/server';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Zenith', template: '%s · Zenith' },
  description: 'OpenStack operations dashboard and guide',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-100 text-slate-900 antialiased">
        <Providers locale={locale} messages={MESSAGES[locale]}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
