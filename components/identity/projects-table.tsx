'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useTranslations } from 'use-intl';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import type { ProjectRow } from '@/lib/bff/identity';
import { ApiClientError, apiFetch } from '@/lib/query/api';
import { type Scope, projectsQuery } from '@/lib/query/queries';

export function ProjectsTable({ scope }: { scope: Scope }) {
  const t = useTranslations('identity');
  const query = useQuery(projectsQuery(scope));
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ApiClientError | null>(null);

  const switchTo = (projectId: string) =>
    startTransition(async () => {
      setError(null);
      try {
        await apiFetch('/api/session/project', { method: 'POST', body: { projectId } });
        queryClient.clear();
        router.push('/project/overview');
        router.refresh();
      } catch (caught) {
        if (caught instanceof ApiClientError) setError(caught);
      }
    });

  const columns: Column<ProjectRow>[] = [
    { key: 'name', header: t('name'), cell: (p) => <span className="font-medium">{p.name}</span> },
    { key: 'id', header: t('id'), cell: (p) => <span className="font-mono text-xs">{p.id}</span> },
    { key: 'domain', header: t('domain'), cell: (p) => <span className="font-mono text-xs">{p.domainId}</span> },
    { key: 'description', header: t('description'), cell: (p) => p.description },
    {
      key: 'state',
      header: t('state'),
      cell: (p) => <Badge tone={p.enabled ? 'ok' : 'error'}>{p.enabled ? t('enabled') : t('disabled')}</Badge>,
    },
    {
      key: 'action',
      header: <span className="sr-only">{t('actions')}</span>,
      cell: (p) =>
        p.current ? (
          <Badge tone="info">{t('current')}</Badge>
        ) : p.member && p.enabled ? (
          <Button variant="secondary" busy={pending} onClick={() => switchTo(p.id)}>
            {t('switchTo', { name: p.name })}
          </Button>
        ) : null,
    },
  ];

  return (
    <Panel title={query.data?.scope === 'all' ? t('allProjects') : t('myProjects')}>
      {error && <ApiErrorNotice error={error} />}
      {query.isError ? (
        <ApiErrorNotice error={query.error} />
      ) : query.data ? (
        <DataTable columns={columns} rows={query.data.projects} rowKey={(p) => p.id} empty={t('noProjects')} />
      ) : (
        <PanelSkeleton rows={4} />
      )}
    </Panel>
  );
}
