'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';

import type { SessionView } from '@/lib/bff/session-view';
import { apiFetch } from '@/lib/query/api';

import { LanguageSwitch } from './language-switch';

/** The user's name opens a menu with the language choice and logout; Escape and outside clicks close it. */
export function UserMenu({ session }: { session: SessionView }) {
  const t = useTranslations('shell');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !menuRef.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);

  async function logout() {
    setBusy(true);
    try {
      await apiFetch('/api/auth/logout', { method: 'POST' });
    } finally {
      window.location.assign('/login?reason=logged_out');
    }
  }

  return (
    <div className="relative" ref={menuRef}>
      <button
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="rounded-md px-2 py-1 text-sm text-white hover:bg-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-400"
      >
        {session.user.name}
        <span className="ml-1 text-slate-400">@{session.user.domainName}</span>
      </button>
      {open && (
        <div className="absolute right-0 z-20 mt-2 w-64 space-y-3 rounded-md border border-slate-700 bg-slate-800 p-3 shadow-lg">
          <div className="text-xs text-slate-300">
            <p>{t('roles', { roles: session.roles.join(', ') || '—' })}</p>
          </div>
          <LanguageSwitch />
          <button
            type="button"
            onClick={logout}
            disabled={busy}
            className="w-full rounded-md bg-slate-700 px-3 py-2 text-left text-sm text-white hover:bg-slate-600 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-400"
          >
            {busy ? t('loggingOut') : t('logout')}
          </button>
        </div>
      )}
    </div>
  );
}
