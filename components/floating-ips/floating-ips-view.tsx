'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import { useToast } from '@/components/ui/toast';
import { useApiFeedback } from '@/components/ui/use-api-feedback';
import type { FloatingIpListView, FloatingIpRow } from '@/lib/bff/floating-ips';
import { apiFetch } from '@/lib/query/api';
import { floatingIpsQuery } from '@/lib/query/floating-ip-queries';
import type { Scope } from '@/lib/query/queries';

import { AllocateDialog } from './allocate-dialog';
import { AssociateDialog } from './associate-dialog';
import { FloatingIpStatusBadge } from './floating-ip-status-badge';
import { QuotaNote } from './quota-note';

type Dialogs = { kind: 'allocate' } | { kind: 'associate' | 'disassociate'; fip: FloatingIpRow } | { kind: 'release'; fips: FloatingIpRow[] };

interface ReleaseResult {
  released: string[];
  failed: { id: string; error: { message: string; requestId: string | null } }[];
}

/** The floating IPs list: allocate, associate, disassociate, release one or several; admins may see all projects. */
export function FloatingIpsView({ scope, isAdmin, allProjects, initialData }: { scope: Scope; isAdmin: boolean; allProjects: boolean; initialData?: FloatingIpListView }) {
  const t = useTranslations('floatingIps');
  const queryClient = useQueryClient();
  const { toastError, toastSuccess } = useApiFeedback('floatingIps');
  const toast = useToast();
  const query = useQuery({ ...floatingIpsQuery(scope, allProjects), initialData });
  const [dialog, setDialog] = useState<Dialogs | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['floating-ips'] });
  const close = () => setDialog(null);
  const rows = query.data?.floatingIps ?? [];
  const chosen = rows.filter((f) => selected.has(f.id));

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  /** Runs a confirmed action with the dialog busy, then refreshes the list; failures go to a toast. */
  const act = async (send: () => Promise<void>) => {
    setBusy(true);
    try {
      await send();
      await refresh();
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
      close();
    }
  };

  const disassociate = (fip: FloatingIpRow) =>
    act(async () => {
      await apiFetch(`/api/floating-ips/${encodeURIComponent(fip.id)}/port`, { method: 'DELETE' });
      toastSuccess(t('disassociated', { address: fip.floatingIpAddress }));
    });

  const release = (fips: FloatingIpRow[]) =>
    act(async () => {
      const result = await apiFetch<ReleaseResult>('/api/floating-ips', { method: 'DELETE', body: { ids: fips.map((f) => f.id) } });
      const addressOf = new Map(fips.map((f) => [f.id, f.floatingIpAddress]));
      if (result.released.length) toastSuccess(t('released', { addresses: result.released.map((id) => addressOf.get(id)).join(', ') }));
      for (const failure of result.failed) {
        toast.show({ tone: 'error', title: t('releaseFailed', { address: addressOf.get(failure.id) ?? failure.id, message: failure.error.message }), detail: failure.error.requestId ?? undefined });
      }
      setSelected(new Set());
    });

  const columns: Column<FloatingIpRow>[] = [
    {
      key: 'select',
      header: <span className="sr-only">{t('select')}</span>,
      cell: (f) => (
        <input type="checkbox" className="h-4 w-4" checked={selected.has(f.id)} onChange={() => toggle(f.id)} aria-label={t('selectNamed', { address: f.floatingIpAddress })} />
      ),
    },
    { key: 'address', header: t('address'), cell: (f) => <span className="font-mono font-medium">{f.floatingIpAddress}</span> },
    { key: 'pool', header: t('pool'), cell: (f) => f.poolName ?? f.floatingNetworkId },
    { key: 'fixed', header: t('mappedFixedIp'), cell: (f) => (f.fixedIpAddress ? <span className="font-mono">{f.fixedIpAddress}</span> : '—') },
    {
      key: 'instance',
      header: t('instance'),
      cell: (f) =>
        f.serverId ? (
          <Link href={`/project/compute/instances/${encodeURIComponent(f.serverId)}`} className="text-sky-800 hover:underline">
            {f.serverName || f.serverId}
          </Link>
        ) : f.portId ? (
          <span className="text-slate-600">{t('portOnly', { port: f.portId })}</span>
        ) : (
          '—'
        ),
    },
    { key: 'status', header: t('statusLabel'), cell: (f) => <FloatingIpStatusBadge status={f.status} /> },
    ...(allProjects ? [{ key: 'project', header: t('project'), cell: (f: FloatingIpRow) => f.projectName ?? f.projectId }] : []),
    {
      key: 'actions',
      header: <span className="sr-only">{t('actions')}</span>,
      cell: (f) => (
        <div className="flex flex-wrap gap-1">
          {f.portId ? (
            <Button variant="secondary" onClick={() => setDialog({ kind: 'disassociate', fip: f })} aria-label={t('disassociateNamed', { address: f.floatingIpAddress })}>
              {t('disassociate')}
            </Button>
          ) : (
            <Button variant="secondary" disabled={allProjects} onClick={() => setDialog({ kind: 'associate', fip: f })} aria-label={t('associateNamed', { address: f.floatingIpAddress })}>
              {t('associate')}
            </Button>
          )}
          <Button variant="danger" onClick={() => setDialog({ kind: 'release', fips: [f] })} aria-label={t('releaseNamed', { address: f.floatingIpAddress })}>
            {t('release')}
          </Button>
        </div>
      ),
    },
  ];

  const data = query.data;
  return (
    <div className="space-y-4">
      {isAdmin && (
        <nav aria-label={t('viewLabel')} className="flex gap-3 text-sm">
          <Link href="/project/network/floating-ips" aria-current={allProjects ? undefined : 'page'} className={allProjects ? 'text-sky-700 hover:underline' : 'font-semibold'}>
            {t('thisProject')}
          </Link>
          <Link href="/project/network/floating-ips?all=1" aria-current={allProjects ? 'page' : undefined} className={allProjects ? 'font-semibold' : 'text-sky-700 hover:underline'}>
            {t('allProjects')}
          </Link>
        </nav>
      )}
      {data?.namesError && <Alert tone="warning">{t('namesFailed', { requestId: data.namesError.requestId ?? '—' })}</Alert>}
      <Panel
        title={allProjects ? t('allProjectsTitle') : t('listTitle')}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            {data?.quota && !allProjects && <QuotaNote quota={data.quota} />}
            <Button variant="danger" disabled={chosen.length === 0} onClick={() => setDialog({ kind: 'release', fips: chosen })}>
              {t('releaseSelected', { count: chosen.length })}
            </Button>
            {!allProjects && (
              <Button onClick={() => setDialog({ kind: 'allocate' })} disabled={!data}>
                {t('allocate')}
              </Button>
            )}
          </div>
        }
      >
        <QueryPanelBody query={query} skeletonRows={4}>
          {(d) => <DataTable columns={columns} rows={d.floatingIps} rowKey={(f) => f.id} empty={allProjects ? t('emptyAll') : t('empty')} caption={t('listTitle')} />}
        </QueryPanelBody>
      </Panel>

      {data && dialog?.kind === 'allocate' && <AllocateDialog pools={data.pools} quota={data.quota} onClose={close} onDone={refresh} />}
      {dialog?.kind === 'associate' && <AssociateDialog scope={scope} fip={dialog.fip} onClose={close} onDone={refresh} />}
      <ConfirmDialog
        open={dialog?.kind === 'disassociate'}
        title={dialog?.kind === 'disassociate' ? t('disassociateTitle', { address: dialog.fip.floatingIpAddress }) : ''}
        confirmLabel={t('disassociate')}
        cancelLabel={t('cancel')}
        busy={busy}
        onCancel={close}
        onConfirm={() => dialog?.kind === 'disassociate' && void disassociate(dialog.fip)}
      >
        <p>{t('disassociateWarning')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog?.kind === 'release'}
        title={dialog?.kind === 'release' ? t('releaseTitle', { count: dialog.fips.length }) : ''}
        confirmLabel={t('release')}
        cancelLabel={t('cancel')}
        destructive
        busy={busy}
        onCancel={close}
        onConfirm={() => dialog?.kind === 'release' && void release(dialog.fips)}
      >
        <p>{t('releaseWarning')}</p>
        {dialog?.kind === 'release' && (
          <ul className="mt-2 list-disc pl-5 font-mono text-xs">
            {dialog.fips.map((f) => (
              <li key={f.id}>
                {f.floatingIpAddress}
                {f.fixedIpAddress ? ` → ${f.fixedIpAddress}` : ''}
              </li>
            ))}
          </ul>
        )}
      </ConfirmDialog>
    </div>
  );
}
