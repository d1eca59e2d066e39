import type { Metadata } from 'next';

import { LoginForm } from '@/components/auth/login-form';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { Alert } from '@/components/ui/alert';
import { getConfig } from '@/lib/config';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Log in' };

const REASONS = ['session_expired', 'session_revoked', 'session_missing', 'logged_out'] as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const t = await getTranslator();
  const config = getConfig();
  const known = REASONS.find((r) => r === reason);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex items-center justify-between">
          <div>
            <h1 className="text-2xl font-semibold text-slate-900">Zenith</h1>
            <p className="text-sm text-slate-600">{t('login.tagline')}</p>
          </div>
          <LanguageSwitch tone="light" />
        </div>
        {known && <Alert tone={known === 'logged_out' ? 'info' : 'warning'}>{t(`login.reasons.${known}`)}</Alert>}
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm defaultDomain={process.env.ZENITH_DEFAULT_DOMAIN ?? 'Default'} />
        </div>
        <p className="text-center text-xs text-slate-500">
          {config.embedded ? t('login.embeddedCloud') : t('login.realCloud')}{' '}
          <span className="font-mono">{new URL(config.authUrl).host}</span>
        </p>
      </div>
    </main>
  );
}
