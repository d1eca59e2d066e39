'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import { SelectField } from '@/components/ui/select-field';
import { useToast } from '@/components/ui/toast';
import type { AlarmRow } from '@/lib/bff/alarms';
import type { AlarmState } from '@/lib/openstack/aodh/types';
import { alarmsQuery, deleteAlarmRequest, setAlarmEnabledRequest } from '@/lib/query/alarm-queries';
import type { Scope } from '@/lib/query/queries';

import { AlarmEnabledToggle } from './alarm-enabled-toggle';
import { AlarmStateBadge } from './alarm-state-badge';
import { alarmHref, typeKey } from './alarm-links';
import { useAlarmErrors } from './use-alarm-errors';

type BulkAction = 'enable' | 'disable' | 'delete';

/** The project's alarms, polled: state, rule in words, enable/disable and delete, one by one or in bulk. */
export function AlarmsView({ scope, state, initialData }: { scope: Scope; state?: AlarmState; initialData?: { alarms: AlarmRow[] } }) {
  const t = useTranslations('alarms');
  const format = useFormatter();
  const toast = useToast();
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const { shown } = useAlarmErrors();
  const query = useQuery({ ...alarmsQuery(scope, state), initialData });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState<AlarmRow[] | null>(null);
  const [busy, setBusy] = useState<BulkAction | null>(null);
  const rows = query.data?.alarms ?? [];
  const chosen = rows.filter((a) => selected.has(a.id));

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['alarms'] });
  const setFilter = (value: string) => router.replace(value ? `${pathname}?state=${encodeURIComponent(value)}` : pathname);
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const run = async (action: BulkAction, alarms: AlarmRow[]) => {
    setBusy(action);
    const results = await Promise.allSettled(
      alarms.map((a) => (action === 'delete' ? deleteAlarmRequest(a.id) : setAlarmEnabledRequest(a.id, action === 'enable'))),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ alarm: alarms[i]!, error: r.reason as unknown }] : []));
    const done = alarms.length - failed.length;
    if (done > 0) toast.show({ tone: 'success', title: t(`bulkDone.${action}`, { count: done }) });
    for (const { alarm, error } of failed) {
      const { text, requestId } = shown(error);
      toast.show({ tone: 'error', title: t('bulkFailed', { name: alarm.name, reason: text }), detail: requestId ?? undefined });
    }
    setSelected(new Set());
    setBusy(null);
    setConfirming(null);
    await refresh();
  };

  const columns: Column<AlarmRow>[] = [
    {
      key: 'select',
      header: (
        <input
          type="checkbox"
          aria-label={t('selectAll')}
          checked={rows.length > 0 && chosen.length === rows.length}
          onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((a) => a.id)) : new Set())}
        />
      ),
      cell: (a) => <input type="checkbox" aria-label={t('selectNamed', { name: a.name })} checked={selected.has(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />,
    },
    {
      key: 'name',
      header: t('name'),
      cell: (a) => (
        <Link href={alarmHref(a.id)} className="font-medium text-sky-800 hover:underline">
          {a.name || a.id}
        </Link>
      ),
    },
    { key: 'state', header: t('state'), cell: (a) => <AlarmStateBadge state={a.state} /> },
    { key: 'type', header: t('type'), className: 'whitespace-nowrap px-3 py-2 text-slate-800', cell: (a) => t(`types.${typeKey(a.type)}`) },
    { key: 'severity', header: t('severity'), cell: (a) => t(`severities.${a.severity}`) },
    { key: 'enabled', header: t('enabled'), cell: (a) => <AlarmEnabledToggle alarm={a} onChanged={() => void refresh()} /> },
    { key: 'rule', header: t('ruleLabel'), cell: (a) => a.ruleText },
    {
      key: 'since',
      header: t('stateSince'),
      className: 'whitespace-nowrap px-3 py-2 text-slate-800',
      cell: (a) => (a.stateTimestamp ? <time dateTime={a.stateTimestamp}>{format.dateTime(new Date(a.stateTimestamp), { dateStyle: 'short', timeStyle: 'medium' })}</time> : '—'),
    },
  ];

  return (
    <div className="space-y-4">
      <Panel
        title={t('listTitle')}
        actions={
          <Link href="/project/orchestration/alarms/create" className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800">
            {t('createButton')}
          </Link>
        }
      >
        <div className="mb-3 flex flex-wrap items-end gap-3">
          <SelectField
            label={t('filterState')}
            value={state ?? ''}
            onChange={(e) => setFilter(e.target.value)}
            options={[
              { value: '', label: t('allStates') },
              { value: 'alarm', label: t('states.alarm') },
              { value: 'ok', label: t('states.ok') },
              { value: 'insufficient data', label: t('states.insufficientData') },
            ]}
          />
          <div role="group" aria-label={t('bulkLabel')} className="flex flex-wrap gap-2">
            <Button variant="secondary" disabled={chosen.length === 0} busy={busy === 'enable'} onClick={() => void run('enable', chosen)}>
              {t('enableSelected', { count: chosen.length })}
            </Button>
            <Button variant="secondary" disabled={chosen.length === 0} busy={busy === 'disable'} onClick={() => void run('disable', chosen)}>
              {t('disableSelected', { count: chosen.length })}
            </Button>
            <Button variant="danger" disabled={chosen.length === 0} onClick={() => setConfirming(chosen)}>
              {t('deleteSelected', { count: chosen.length })}
            </Button>
          </div>
        </div>
        <QueryPanelBody query={query} skeletonRows={5}>
          {(data) => (
            <DataTable columns={columns} rows={data.alarms} rowKey={(a) => a.id} empty={state ? t('emptyFiltered') : t('empty')} caption={t('listTitle')} />
          )}
        </QueryPanelBody>
      </Panel>
      <ConfirmDialog
        open={confirming !== null}
        title={t('deleteManyTitle', { count: confirming?.length ?? 0 })}
        confirmLabel={t('delete')}
        cancelLabel={t('cancel')}
        destructive
        busy={busy === 'delete'}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && void run('delete', confirming)}
      >
        <p>{t('deleteWarning')}</p>
        <ul className="mt-2 list-disc pl-5">
          {confirming?.map((a) => (
            <li key={a.id}>{a.name}</li>
          ))}
        </ul>
      </ConfirmDialog>
    </div>
  );
}
