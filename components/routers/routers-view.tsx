'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';

import { ConfirmActionDialog } from '@/components/networks/confirm-action-dialog';
import { NeutronStatusBadge } from '@/components/networks/network-badges';
import { useAreaDialogs } from '@/components/networks/use-area-dialogs';
import { Button } from '@/components/ui/button';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import type { RouterListView, RouterRow } from '@/lib/bff/routers';
import { routersQuery } from '@/lib/query/network-queries';
import type { Scope } from '@/lib/query/queries';

import { CreateRouterDialog } from './router-dialogs';

export const routerHref = (id: string) => `/project/network/routers/${encodeURIComponent(id)}`;

/** The project's routers: gateway and its addresses, SNAT, how many subnets each joins. */
export function RoutersView({ scope, isAdmin, initialData }: { scope: Scope; isAdmin: boolean; initialData?: RouterListView }) {
  const t = useTranslations('routers');
  const tn = useTranslations('networks');
  const query = useQuery({ ...routersQuery(scope), initialData });
  const { dialog, open, close, refresh } = useAreaDialogs<{ kind: 'create' } | { kind: 'delete'; router: RouterRow }>();
  const label = (r: RouterRow) => r.name || r.id;

  const columns: Column<RouterRow>[] = [
    {
      key: 'name',
      header: t('name'),
      cell: (r) => (
        <Link href={routerHref(r.id)} className="font-medium text-sky-800 hover:underline">
          {label(r)}
        </Link>
      ),
    },
    { key: 'status', header: t('status'), cell: (r) => <NeutronStatusBadge status={r.status} label={tn.has(`statuses.${r.status}`) ? tn(`statuses.${r.status}`) : r.status} /> },
    { key: 'gateway', header: t('externalNetwork'), cell: (r) => (r.externalGateway ? (r.gatewayNetworkName ?? r.externalGateway.networkId) : t('noGateway')) },
    {
      key: 'ips',
      header: t('externalIps'),
      cell: (r) => <span className="font-mono text-xs">{r.externalGateway?.externalFixedIps.map((ip) => ip.ipAddress).join(', ') || '—'}</span>,
    },
    { key: 'snat', header: t('snat'), cell: (r) => (r.externalGateway ? (r.externalGateway.enableSnat ? t('on') : t('off')) : '—') },
    { key: 'interfaces', header: t('interfaces'), cell: (r) => r.interfaceCount },
    {
      key: 'actions',
      header: <span className="sr-only">{t('actions')}</span>,
      cell: (r) => (
        <Button variant="danger" onClick={() => open({ kind: 'delete', router: r })} aria-label={t('deleteNamed', { name: label(r) })}>
          {t('delete')}
        </Button>
      ),
    },
  ];

  return (
    <div className="space-y-4">
      <Panel title={t('listTitle')} actions={<Button onClick={() => open({ kind: 'create' })} disabled={!query.data}>{t('createButton')}</Button>}>
        <QueryPanelBody query={query} skeletonRows={4}>
          {(data) => <DataTable columns={columns} rows={data.routers} rowKey={(r) => r.id} empty={t('empty')} caption={t('listTitle')} />}
        </QueryPanelBody>
      </Panel>
      {dialog?.kind === 'create' && query.data && <CreateRouterDialog externalNetworks={query.data.externalNetworks} isAdmin={isAdmin} onClose={close} onCreated={refresh} />}
      {dialog?.kind === 'delete' && (
        <ConfirmActionDialog
          title={t('deleteTitle', { name: label(dialog.router) })}
          url={`/api/routers/${encodeURIComponent(dialog.router.id)}`}
          deletedText={t('deleted', { name: label(dialog.router) })}
          conflictCode="network.router_in_use"
          conflictHelp={tn('errors.router_in_use')}
          onClose={close}
          onDeleted={refresh}
        >
          <p>{dialog.router.interfaceCount > 0 ? t('deleteHasInterfaces', { count: dialog.router.interfaceCount }) : t('deleteWarning')}</p>
        </ConfirmActionDialog>
      )}
    </div>
  );
}
