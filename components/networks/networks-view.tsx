'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import type { NetworkListView, NetworkRow } from '@/lib/bff/networks';
import { networksQuery } from '@/lib/query/network-queries';
import type { Scope } from '@/lib/query/queries';

import { ConfirmActionDialog } from './confirm-action-dialog';
import { NeutronStatusBadge } from './network-badges';
import { useAreaDialogs } from './use-area-dialogs';
import { CreateNetworkDialog, EditNetworkDialog } from './network-dialogs';

export const networkHref = (id: string) => `/project/network/networks/${encodeURIComponent(id)}`;

/** The project's networks (own, shared and external), or every project's for an admin who asks. */
export function NetworksView({ scope, isAdmin, allProjects: allFromUrl, initialData }: { scope: Scope; isAdmin: boolean; allProjects: boolean; initialData?: NetworkListView }) {
  const t = useTranslations('networks');
  const router = useRouter();
  const pathname = usePathname();
  // The box follows the click at once (and fetches); the URL catches up, so reload and back keep the choice.
  const [allProjects, setAllProjects] = useState(allFromUrl);
  useEffect(() => setAllProjects(allFromUrl), [allFromUrl]);
  const query = useQuery({ ...networksQuery(scope, allProjects), initialData: allProjects === allFromUrl ? initialData : undefined });
  const { dialog, open, close, refresh } = useAreaDialogs<{ kind: 'create' } | { kind: 'edit' | 'delete'; network: NetworkRow }>();
  const label = (n: { name: string; id: string }) => n.name || n.id;
  const mine = (n: NetworkRow) => isAdmin || n.projectId === scope.projectId;

  const columns: Column<NetworkRow>[] = [
    {
      key: 'name',
      header: t('name'),
      cell: (n) => (
        <Link href={networkHref(n.id)} className="font-medium text-sky-800 hover:underline">
          {label(n)}
        </Link>
      ),
    },
    ...(allProjects ? [{ key: 'project', header: t('project'), cell: (n: NetworkRow) => n.projectName ?? <span className="font-mono text-xs">{n.projectId}</span> }] : []),
    {
      key: 'subnets',
      header: t('subnets'),
      cell: (n) =>
        n.subnets.length === 0
          ? '—'
          : n.subnets.map((s) => (
              <div key={s.id} className="whitespace-nowrap">
                {s.name && <span>{s.name} </span>}
                <span className="font-mono text-xs text-slate-600">{s.cidr}</span>
              </div>
            )),
    },
    { key: 'shared', header: t('shared'), cell: (n) => (n.shared ? <Badge tone="info">{t('yes')}</Badge> : t('no')) },
    { key: 'external', header: t('external'), cell: (n) => (n.external ? <Badge tone="info">{t('yes')}</Badge> : t('no')) },
    { key: 'status', header: t('status'), cell: (n) => <NeutronStatusBadge status={n.status} label={t.has(`statuses.${n.status}`) ? t(`statuses.${n.status}`) : n.status} /> },
    { key: 'admin', header: t('adminState'), cell: (n) => (n.adminStateUp ? t('up') : t('down')) },
    {
      key: 'actions',
      header: <span className="sr-only">{t('actions')}</span>,
      cell: (n) =>
        mine(n) && (
          <div className="flex gap-1">
            <Button variant="secondary" onClick={() => open({ kind: 'edit', network: n })} aria-label={t('editNamed', { name: label(n) })}>
              {t('edit')}
            </Button>
            <Button variant="danger" onClick={() => open({ kind: 'delete', network: n })} aria-label={t('deleteNamed', { name: label(n) })}>
              {t('delete')}
            </Button>
          </div>
        ),
    },
  ];

  return (
    <div className="space-y-4">
      <Panel
        title={t('listTitle')}
        actions={
          <div className="flex items-center gap-3">
            {isAdmin && (
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" checked={allProjects} onChange={(e) => {
                    setAllProjects(e.target.checked);
                    router.push(e.target.checked ? `${pathname}?all=1` : pathname);
                  }} />
                {t('allProjects')}
              </label>
            )}
            <Button onClick={() => open({ kind: 'create' })}>{t('createButton')}</Button>
          </div>
        }
      >
        <QueryPanelBody query={query} skeletonRows={5}>
          {(data) => <DataTable columns={columns} rows={data.networks} rowKey={(n) => n.id} empty={t('empty')} caption={t('listTitle')} />}
        </QueryPanelBody>
      </Panel>
      {dialog?.kind === 'create' && <CreateNetworkDialog isAdmin={isAdmin} onClose={close} onCreated={() => refresh()} />}
      {dialog?.kind === 'edit' && <EditNetworkDialog network={dialog.network} isAdmin={isAdmin} onClose={close} onSaved={() => refresh()} />}
      {dialog?.kind === 'delete' && (
        <ConfirmActionDialog
          title={t('deleteTitle', { name: label(dialog.network) })}
          url={`/api/networks/${encodeURIComponent(dialog.network.id)}`}
          deletedText={t('deleted', { name: label(dialog.network) })}
          conflictCode="network.network_in_use"
          conflictHelp={t('errors.network_in_use')}
          onClose={close}
          onDeleted={() => refresh()}
        >
          <p>{t('deleteWarning')}</p>
        </ConfirmActionDialog>
      )}
    </div>
  );
}
