import type { ReactNode } from 'react';

import { AppShell } from '@/components/shell/app-shell';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { type SessionView, loadSessionView } from '@/lib/bff/session-view';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const ctx = await loadScope();
  let session: SessionView;
  try {
    session = await loadSessionView(ctx);
  } catch (error) {
    redirectIfSessionEnded(error);
    throw error;
  }
  return (
    <AppShell session={session} csrfToken={ctx.session.csrf ?? ''}>
      {children}
    </AppShell>
  );
}
