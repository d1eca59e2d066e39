'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'use-intl';

import { ConfirmActionDialog } from '@/components/networks/confirm-action-dialog';
import { DetailList } from '@/components/networks/detail-list';
import { NeutronStatusBadge } from '@/components/networks/network-badges';
import { networkHref } from '@/components/networks/networks-view';
import { useAreaDialogs } from '@/components/networks/use-area-dialogs';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import type { RouterDetailView, RouterInterfaceRow } from '@/lib/bff/routers';
import { routerQuery } from '@/lib/query/network-queries';
import type { Scope } from '@/lib/query/queries';

import { AddInterfaceDialog, GatewayDialog, RoutesDialog } from './router-dialogs';

type Dialogs = { kind: 'gateway' | 'clear-gateway' | 'add-interface' | 'routes' | 'delete' } | { kind: 'remove-interface'; row: RouterInterfaceRow };

/** One router: its gateway and external addresses, SNAT, the subnets it joins, and its static routes. */
export function RouterDetail({ scope, id, isAdmin, initialData }: { scope: Scope; id: string; isAdmin: boolean; initialData?: RouterDetailView }) {
  const query = useQuery({ ...routerQuery(scope, id), initialData });
  return (
    <QueryPanelBody query={query} skeletonRows={8}>
      {(data) => <RouterDetailBody data={data} isAdmin={isAdmin} />}
    </QueryPanelBody>
  );
}

function RouterDetailBody({ data, isAdmin }: { data: RouterDetailView; isAdmin: boolean }) {
  const t = useTranslations('routers');
  const tn = useTranslations('networks');
  const router = useRouter();
  const { dialog, open, close, refresh } = useAreaDialogs<Dialogs>();
  const { router: r, interfaces } = data;
  const name = r.name || r.id;
  const gateway = r.externalGateway;
  const subnetText = (row: RouterInterfaceRow) => `${row.networkName ?? row.networkId}: ${row.cidr ?? row.subnetId}`;

  const interfaceColumns: Column<RouterInterfaceRow>[] = [
    {
      key: 'network',
      header: t('network'),
      cell: (row) => (
        <Link href={networkHref(row.networkId)} className="text-sky-800 hover:underline">
          {row.networkName ?? row.networkId}
        </Link>
      ),
    },
    { key: 'subnet', header: t('subnet'), cell: (row) => `${row.subnetName || '—'}` },
    { key: 'cidr', header: t('cidr'), cell: (row) => <span className="font-mono text-xs">{row.cidr ?? '—'}</span> },
    { key: 'ip', header: t('ipAddress'), cell: (row) => <span className="font-mono text-xs">{row.ipAddress}</span> },
    {
      key: 'actions',
      header: <span className="sr-only">{t('actions')}</span>,
      cell: (row) => (
        <Button variant="danger" onClick={() => open({ kind: 'remove-interface', row })} aria-label={t('removeInterfaceNamed', { subnet: subnetText(row) })}>
          {t('removeInterface')}
        </Button>
      ),
    },
  ];

  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title={t('overview')} actions={<Button variant="danger" onClick={() => open({ kind: 'delete' })}>{t('deleteRouter')}</Button>}>
          <DetailList
            fields={[
              [t('id'), <span key="id" className="font-mono text-xs">{r.id}</span>],
              [t('status'), <NeutronStatusBadge key="s" status={r.status} label={tn.has(`statuses.${r.status}`) ? tn(`statuses.${r.status}`) : r.status} />],
              [t('adminState'), r.adminStateUp ? tn('up') : tn('down')],
              [t('description'), r.description || '—'],
              [t('distributed'), r.distributed === null ? '—' : r.distributed ? tn('yes') : tn('no')],
              [t('ha'), r.ha === null ? '—' : r.ha ? tn('yes') : tn('no')],
            ]}
          />
        </Panel>
        <Panel
          title={t('gateway')}
          actions={
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => open({ kind: 'gateway' })}>
                {gateway ? t('changeGateway') : t('setGateway')}
              </Button>
              {gateway && (
                <Button variant="danger" onClick={() => open({ kind: 'clear-gateway' })}>
                  {t('clearGateway')}
                </Button>
              )}
            </div>
          }
        >
          {gateway ? (
            <DetailList
              fields={[
                [
                  t('externalNetwork'),
                  <Link key="n" href={networkHref(gateway.networkId)} className="text-sky-800 hover:underline">
                    {data.gatewayNetworkName ?? gateway.networkId}
                  </Link>,
                ],
                [t('externalIps'), <span key="ips" className="font-mono text-xs">{gateway.externalFixedIps.map((ip) => ip.ipAddress).join(', ') || '—'}</span>],
                [t('snat'), gateway.enableSnat ? t('on') : t('off')],
              ]}
            />
          ) : (
            <Alert tone="info">{t('noGatewayExplained')}</Alert>
          )}
        </Panel>
      </div>

      <Panel title={t('interfaces')} actions={<Button onClick={() => open({ kind: 'add-interface' })}>{t('addInterface')}</Button>}>
        <DataTable columns={interfaceColumns} rows={interfaces} rowKey={(row) => `${row.portId}-${row.subnetId}`} empty={t('noInterfaces')} caption={t('interfaces')} />
      </Panel>

      <Panel title={t('staticRoutes')} actions={<Button variant="secondary" onClick={() => open({ kind: 'routes' })}>{t('editRoutes')}</Button>}>
        <DataTable
          columns={[
            { key: 'destination', header: t('destination'), cell: (route) => <span className="font-mono text-xs">{route.destination}</span> },
            { key: 'nexthop', header: t('nexthop'), cell: (route) => <span className="font-mono text-xs">{route.nexthop}</span> },
          ]}
          rows={r.routes}
          rowKey={(route) => `${route.destination}-${route.nexthop}`}
          empty={t('noRoutes')}
          caption={t('staticRoutes')}
        />
      </Panel>

      {dialog?.kind === 'gateway' && <GatewayDialog router={r} externalNetworks={data.externalNetworks} isAdmin={isAdmin} onClose={close} onSaved={refresh} />}
      {dialog?.kind === 'add-interface' && <AddInterfaceDialog router={r} subnets={data.attachableSubnets} onClose={close} onSaved={refresh} />}
      {dialog?.kind === 'routes' && <RoutesDialog router={r} connectedCidrs={data.connectedCidrs} onClose={close} onSaved={refresh} />}
      {dialog?.kind === 'clear-gateway' && (
        <ConfirmActionDialog
          title={t('clearGatewayTitle', { name })}
          url={`/api/routers/${encodeURIComponent(r.id)}/gateway`}
          method="PUT"
          body={{ networkId: '' }}
          confirmLabel={t('clearGateway')}
          deletedText={t('gatewayCleared')}
          conflictCode="invalid_input"
          conflictHelp={t('clearGatewayRefused')}
          onClose={close}
          onDeleted={refresh}
        >
          <p>{t('clearGatewayWarning')}</p>
        </ConfirmActionDialog>
      )}
      {dialog?.kind === 'remove-interface' && (
        <ConfirmActionDialog
          title={t('removeInterfaceTitle', { subnet: subnetText(dialog.row) })}
          url={`/api/routers/${encodeURIComponent(r.id)}/interfaces?subnet=${encodeURIComponent(dialog.row.subnetId)}`}
          confirmLabel={t('removeInterface')}
          deletedText={t('interfaceRemoved', { subnet: subnetText(dialog.row) })}
          conflictCode="service.conflict"
          conflictHelp={t('removeInterfaceRefused')}
          onClose={close}
          onDeleted={refresh}
        >
          <p>{t('removeInterfaceWarning', { network: dialog.row.networkName ?? dialog.row.networkId })}</p>
        </ConfirmActionDialog>
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmActionDialog
          title={t('deleteTitle', { name })}
          url={`/api/routers/${encodeURIComponent(r.id)}`}
          deletedText={t('deleted', { name })}
          conflictCode="network.router_in_use"
          conflictHelp={tn('errors.router_in_use')}
          onClose={close}
          onDeleted={() => {
            refresh();
            router.push('/project/network/routers');
          }}
        >
          <p>{interfaces.length > 0 ? t('deleteHasInterfaces', { count: interfaces.length }) : t('deleteWarning')}</p>
        </ConfirmActionDialog>
      )}
    </div>
  );
}
