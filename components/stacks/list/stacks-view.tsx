'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';

import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import type { StackSummary } from '@/lib/openstack/heat/types';
import type { Scope } from '@/lib/query/queries';
import { stacksQuery } from '@/lib/query/stack-queries';

import { StackActionsMenu } from './stack-actions-menu';
import { StackStatusBadge } from './stack-status-badge';

const LAUNCH = '/project/orchestration/stacks/launch';
const stackHref = (id: string) => `/project/orchestration/stacks/${encodeURIComponent(id)}`;

/** The project's stacks with their status, filtered by name (kept in the URL); polls while any is in progress. */
export function StacksView({ scope, initialData }: { scope: Scope; initialData?: { stacks: StackSummary[] } }) {
  const t = useTranslations('stacks');
  const format = useFormatter();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [filter, setFilter] = useState(searchParams.get('name') ?? '');
  const query = useQuery({ ...stacksQuery(scope), initialData });

  const changeFilter = (value: string) => {
    setFilter(value);
    const params = new URLSearchParams(searchParams.toString());
    if (value) params.set('name', value);
    else params.delete('name');
    const search = params.toString();
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  };

  const when = (iso: string | null) =>
    iso ? <time dateTime={iso}>{format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'medium' })}</time> : t('never');

  const columns: Column<StackSummary>[] = [
    {
      key: 'name',
      header: t('columns.name'),
      cell: (s) => (
        <Link href={stackHref(s.id)} className="font-medium text-sky-800 hover:underline">
          {s.name}
        </Link>
      ),
    },
    { key: 'status', header: t('columns.status'), cell: (s) => <StackStatusBadge status={s} /> },
    { key: 'created', header: t('columns.created'), cell: (s) => when(s.createdAt) },
    { key: 'updated', header: t('columns.updated'), cell: (s) => when(s.updatedAt) },
    { key: 'description', header: t('columns.description'), cell: (s) => <span className="line-clamp-2 max-w-sm text-slate-600">{s.description}</span> },
    { key: 'actions', header: <span className="sr-only">{t('columns.actions')}</span>, cell: (s) => <StackActionsMenu stack={s} /> },
  ];

  const needle = filter.trim().toLowerCase();
  return (
    <Panel
      title={t('listTitle')}
      actions={
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <span className="sr-only">{t('filterLabel')}</span>
            <input
              type="search"
              value={filter}
              onChange={(event) => changeFilter(event.target.value)}
              placeholder={t('filterLabel')}
              className="w-48 rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-sky-600"
            />
          </label>
          <Link href={LAUNCH} className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
            {t('launch')}
          </Link>
        </div>
      }
    >
      <QueryPanelBody query={query} skeletonRows={4}>
        {(data) =>
          data.stacks.length === 0 ? (
            <div className="space-y-3 py-6 text-center text-sm text-slate-600">
              <p className="font-medium text-slate-800">{t('empty')}</p>
              <p>{t('emptyHint')}</p>
              <Link href={LAUNCH} className="inline-block rounded-md bg-sky-700 px-3 py-2 font-medium text-white hover:bg-sky-800">
                {t('launch')}
              </Link>
            </div>
          ) : (
            <DataTable
              columns={columns}
              rows={data.stacks.filter((s) => s.name.toLowerCase().includes(needle))}
              rowKey={(s) => s.id}
              empty={t('emptyFiltered', { filter })}
              caption={t('listTitle')}
            />
          )
        }
      </QueryPanelBody>
    </Panel>
  );
}
