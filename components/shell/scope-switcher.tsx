'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useTranslations } from 'use-intl';

import { SelectMenu } from '@/components/ui/select-menu';
import type { SessionView } from '@/lib/bff/session-view';
import { ApiClientError, apiFetch } from '@/lib/query/api';

/** Project and region pickers: a switch rescopes on the server, then every panel reloads for the new scope. */
export function ScopeSwitcher({ session }: { session: SessionView }) {
  const t = useTranslations('shell');
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const change = (path: string, body: Record<string, string>) =>
    startTransition(async () => {
      setError(null);
      try {
        await apiFetch(path, { method: 'POST', body });
        queryClient.clear();
        router.refresh();
      } catch (caught) {
        setError(caught instanceof ApiClientError ? caught.message : String(caught));
      }
    });

  return (
    <div className="flex flex-wrap items-center gap-4" aria-busy={pending || undefined}>
      <SelectMenu
        label={t('project')}
        value={session.project.id}
        disabled={pending}
        onChange={(e) => change('/api/session/project', { projectId: e.target.value })}
        options={session.projects.map((p) => ({ value: p.id, label: p.name }))}
      />
      {session.regions.length > 1 && (
        <SelectMenu
          label={t('region')}
          value={session.region ?? ''}
          disabled={pending}
          onChange={(e) => change('/api/session/region', { region: e.target.value })}
          options={session.regions.map((r) => ({ value: r, label: r }))}
        />
      )}
      {pending && <span className="text-xs text-slate-300">{t('switching')}</span>}
      {error && (
        <span role="alert" className="text-xs text-red-300">
          {error}
        </span>
      )}
    </div>
  );
}
