'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';

import type { SessionView } from '@/lib/bff/session-view';
import { setCsrfToken } from '@/lib/query/api';

import { ScopeSwitcher } from './scope-switcher';
import { SideNav } from './side-nav';
import { UserMenu } from './user-menu';

export function AppShell({ session, csrfToken, children }: { session: SessionView; csrfToken: string; children: ReactNode }) {
  const t = useTranslations('shell');
  setCsrfToken(csrfToken);
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t('skipToContent')}
      </a>
      <header className="flex flex-wrap items-center justify-between gap-4 bg-slate-900 px-4 py-2 text-white">
        <div className="flex flex-wrap items-center gap-6">
          <Link href="/project/overview" className="text-lg font-semibold tracking-tight">
            Zenith
          </Link>
          <ScopeSwitcher session={session} />
          {session.embeddedCloud && (
            <span className="rounded bg-amber-500/20 px-2 py-0.5 text-xs text-amber-200">{t('embeddedCloud')}</span>
          )}
        </div>
        <UserMenu session={session} />
      </header>
      <div className="flex flex-col md:flex-row">
        <aside className="w-full shrink-0 border-b border-slate-200 bg-slate-50 py-4 md:w-56 md:border-b-0 md:border-r md:py-6">
          <SideNav isAdmin={session.isAdmin} />
        </aside>
        <main id="main" className="min-w-0 flex-1 p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
