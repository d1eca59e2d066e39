'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { useTranslations } from 'use-intl';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { PanelSkeleton } from '@/components/ui/panel';
import { useToast } from '@/components/ui/toast';
import type { ServerListView } from '@/lib/bff/servers';
import { SERVER_STATUSES, canPerform, isTransitional } from '@/lib/compute/server-status';
import { ApiClientError, apiFetch } from '@/lib/query/api';
import { type Scope, serverListQuery } from '@/lib/query/queries';

import { InstancesTable } from './instances-table';
import { PAGE_SIZES, useListParams } from './use-list-params';

const REFRESH_WHILE_MOVING_MS = 3_000;

export function InstancesView({ scope, isAdmin, initialData }: { scope: Scope; isAdmin: boolean; initialData?: ServerListView }) {
  const t = useTranslations('instances');
  const toast = useToast();
  const queryClient = useQueryClient();
  const { params, update, nextPage, previousPage } = useListParams();
  const query = useQuery({
    ...serverListQuery(scope, { limit: params.limit, marker: params.marker, name: params.name, status: params.status, all: params.all }),
    initialData,
    // Rows in a transitional state refresh by themselves until they settle.
    refetchInterval: (q) => (q.state.data?.servers.some(isTransitional) ? REFRESH_WHILE_MOVING_MS : false),
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [searchText, setSearchText] = useState(params.name ?? '');

  const rows = query.data?.servers ?? [];
  const selectedRows = rows.filter((r) => selected.has(r.id));
  const deletable = selectedRows.filter((r) => canPerform('delete', r, isAdmin));

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () => setSelected((current) => (rows.every((r) => current.has(r.id)) ? new Set() : new Set(rows.map((r) => r.id))));

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ name: searchText.trim() || null });
  };

  async function deleteSelected() {
    setDeleting(true);
    const results = await Promise.allSettled(
      deletable.map((r) => apiFetch(`/api/servers/${encodeURIComponent(r.id)}/action`, { method: 'POST', body: { action: 'delete' } })),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ row: deletable[i]!, error: r.reason }] : []));
    setDeleting(false);
    setConfirmDelete(false);
    setSelected(new Set());
    if (failed.length < deletable.length) toast.show({ tone: 'success', title: t('deleteSent', { count: deletable.length - failed.length }) });
    for (const { row, error } of failed) {
      toast.show({
        tone: 'error',
        title: t('actionFailed', { action: t('actions.delete'), name: row.name }),
        detail: error instanceof ApiClientError ? [error.message, error.payload.requestId].filter(Boolean).join(' · ') : String(error),
      });
    }
    await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'servers' });
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <form role="search" onSubmit={submitSearch} className="flex items-end gap-2">
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-800">{t('searchLabel')}</span>
            <input
              type="search"
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
              placeholder={t('searchPlaceholder')}
              className="w-56 rounded-md border border-slate-300 px-3 py-2 text-sm focus:outline-none focus:ring-2 focus:ring-sky-600"
            />
          </label>
          <Button type="submit" variant="secondary">
            {t('search')}
          </Button>
        </form>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t('statusFilter')}</span>
          <select
            value={params.status ?? ''}
            onChange={(e) => update({ status: e.target.value || null })}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:outline-none focus:ring-2 focus:ring-sky-600"
          >
            <option value="">{t('anyStatus')}</option>
            {SERVER_STATUSES.filter((s) => s !== 'DELETED' && s !== 'UNKNOWN').map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {isAdmin && (
          <label className="flex items-center gap-2 pb-2 text-sm text-slate-800">
            <input type="checkbox" checked={params.all} onChange={(e) => update({ all: e.target.checked ? '1' : null })} />
            {t('allProjects')}
          </label>
        )}
        <div className="ml-auto flex items-end gap-2">
          <Button variant="danger" disabled={deletable.length === 0} onClick={() => setConfirmDelete(true)}>
            {t('deleteSelected', { count: deletable.length })}
          </Button>
          <Link
            href="/project/compute/instances/launch"
            className="inline-flex items-center rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
          >
            {t('launch')}
          </Link>
        </div>
      </div>

      {query.data?.partial.map((p) => (
        <Alert key={p.service} tone="warning">
          {t('partial', { service: p.service })} <span className="font-mono text-xs">{p.requestId}</span>
        </Alert>
      ))}

      <section className="rounded-lg border border-slate-200 bg-white shadow-sm" aria-busy={query.isFetching || undefined}>
        {query.isError ? (
          <div className="p-4">
            <ApiErrorNotice error={query.error} />
          </div>
        ) : !query.data ? (
          <div className="p-4">
            <PanelSkeleton rows={6} />
          </div>
        ) : rows.length === 0 ? (
          <div className="space-y-2 p-8 text-center text-sm text-slate-600">
            <p>{params.name || params.status ? t('emptyFiltered') : t('empty')}</p>
            {!params.name && !params.status && (
              <Link href="/project/compute/instances/launch" className="font-medium text-sky-700 underline">
                {t('launchFirst')}
              </Link>
            )}
          </div>
        ) : (
          <InstancesTable rows={rows} allProjects={query.data.allProjects} isAdmin={isAdmin} selected={selected} onToggle={toggle} onToggleAll={toggleAll} />
        )}
      </section>

      <nav aria-label={t('pagination')} className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <label className="flex items-center gap-2">
          {t('pageSize')}
          <select
            value={params.limit}
            onChange={(e) => update({ limit: e.target.value })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <div className="flex gap-2">
          <Button variant="secondary" disabled={params.trail.length === 0 && !params.marker} onClick={previousPage}>
            {t('previous')}
          </Button>
          <Button variant="secondary" disabled={!query.data?.nextMarker} onClick={() => query.data?.nextMarker && nextPage(query.data.nextMarker)}>
            {t('next')}
          </Button>
        </div>
      </nav>

      <ConfirmDialog
        open={confirmDelete}
        title={t('deleteTitle', { count: deletable.length })}
        confirmLabel={t('actions.delete')}
        cancelLabel={t('cancel')}
        destructive
        busy={deleting}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={deleteSelected}
      >
        <p>{t('deleteBody')}</p>
        <ul className="mt-2 list-disc pl-5">
          {deletable.map((r) => (
            <li key={r.id}>{r.name}</li>
          ))}
        </ul>
      </ConfirmDialog>
    </div>
  );
}
