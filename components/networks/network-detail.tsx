'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import type { NetworkDetailView, SubnetUsage } from '@/lib/bff/networks';
import { networkQuery } from '@/lib/query/network-queries';
import type { Scope } from '@/lib/query/queries';

import { ConfirmActionDialog } from './confirm-action-dialog';
import { DetailList } from './detail-list';
import { IpMeter, NeutronStatusBadge } from './network-badges';
import { EditNetworkDialog } from './network-dialogs';
import { NetworkPorts } from './network-ports';
import { SubnetDialog } from './subnet-dialog';
import { useAreaDialogs } from './use-area-dialogs';

type Dialogs = { kind: 'edit' | 'delete' | 'add-subnet' } | { kind: 'edit-subnet' | 'delete-subnet'; subnet: SubnetUsage };

/** One network: its fields (MTU included), its subnets with address use, and its ports with their owners. */
export function NetworkDetail({ scope, id, isAdmin, initialData }: { scope: Scope; id: string; isAdmin: boolean; initialData?: NetworkDetailView }) {
  const query = useQuery({ ...networkQuery(scope, id), initialData });
  return (
    <QueryPanelBody query={query} skeletonRows={8}>
      {(data) => <NetworkDetailBody scope={scope} isAdmin={isAdmin} data={data} />}
    </QueryPanelBody>
  );
}

function NetworkDetailBody({ scope, isAdmin, data }: { scope: Scope; isAdmin: boolean; data: NetworkDetailView }) {
  const t = useTranslations('networks');
  const router = useRouter();
  const { dialog, open, close, refresh } = useAreaDialogs<Dialogs>();
  const { network, subnets } = data;
  const name = network.name || network.id;
  const editable = isAdmin || network.projectId === scope.projectId;
  const subnetLabel = (s: { name: string; cidr: string }) => s.name || s.cidr;

  const subnetColumns: Column<SubnetUsage>[] = [
    { key: 'name', header: t('name'), cell: (s) => <span className="font-medium">{s.name || '—'}</span> },
    { key: 'cidr', header: t('cidr'), cell: (s) => <span className="font-mono text-xs">{s.cidr}</span> },
    { key: 'gateway', header: t('gateway'), cell: (s) => <span className="font-mono text-xs">{s.gatewayIp ?? t('noGateway')}</span> },
    { key: 'dhcp', header: t('dhcp'), cell: (s) => (s.enableDhcp ? t('on') : t('off')) },
    {
      key: 'pools',
      header: t('allocationPools'),
      cell: (s) => (
        <span className="font-mono text-xs">
          {s.allocationPools.map((p) => (
            <span key={p.start} className="block whitespace-nowrap">{`${p.start} – ${p.end}`}</span>
          ))}
        </span>
      ),
    },
    { key: 'dns', header: t('dns'), cell: (s) => <span className="font-mono text-xs">{s.dnsNameservers.join(', ') || '—'}</span> },
    {
      key: 'routes',
      header: t('hostRoutes'),
      cell: (s) => (
        <span className="font-mono text-xs">
          {s.hostRoutes.length === 0 ? '—' : s.hostRoutes.map((r) => <span key={r.destination} className="block whitespace-nowrap">{`${r.destination} → ${r.nexthop}`}</span>)}
        </span>
      ),
    },
    { key: 'usage', header: t('ipUsage'), cell: (s) => <IpMeter used={s.usedIps} total={s.totalIps} label={t('ipUsageValue', { used: s.usedIps, total: s.totalIps })} /> },
    {
      key: 'actions',
      header: <span className="sr-only">{t('actions')}</span>,
      cell: (s) =>
        editable && (
          <div className="flex gap-1">
            <Button variant="secondary" onClick={() => open({ kind: 'edit-subnet', subnet: s })} aria-label={t('editNamed', { name: subnetLabel(s) })}>
              {t('edit')}
            </Button>
            <Button variant="danger" onClick={() => open({ kind: 'delete-subnet', subnet: s })} aria-label={t('deleteNamed', { name: subnetLabel(s) })}>
              {t('delete')}
            </Button>
          </div>
        ),
    },
  ];

  return (
    <div className="space-y-6">
      <Panel
        title={t('overview')}
        actions={
          editable && (
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => open({ kind: 'edit' })}>
                {t('edit')}
              </Button>
              <Button variant="danger" onClick={() => open({ kind: 'delete' })}>
                {t('deleteNetwork')}
              </Button>
            </div>
          )
        }
      >
        <DetailList
          fields={[
            [t('id'), <span key="id" className="font-mono text-xs">{network.id}</span>],
            [t('status'), <NeutronStatusBadge key="s" status={network.status} label={t.has(`statuses.${network.status}`) ? t(`statuses.${network.status}`) : network.status} />],
            [t('adminState'), network.adminStateUp ? t('up') : t('down')],
            [t('shared'), network.shared ? t('yes') : t('no')],
            [t('external'), network.external ? t('yes') : t('no')],
            [t('mtu'), network.mtu ?? '—'],
            [t('networkType'), network.providerNetworkType ? `${network.providerNetworkType}${network.providerSegmentationId !== null ? ` (${network.providerSegmentationId})` : ''}` : '—'],
            [t('portSecurity'), network.portSecurityEnabled ? t('on') : t('off')],
            [t('description'), network.description || '—'],
            [t('project'), <span key="p" className="font-mono text-xs">{network.projectId}</span>],
          ]}
        />
        {network.mtu !== null && network.mtu < 1500 && <p className="mt-3 text-xs text-slate-600">{t('mtuNote', { mtu: network.mtu })}</p>}
      </Panel>

      <Panel title={t('subnets')} actions={editable && <Button onClick={() => open({ kind: 'add-subnet' })}>{t('addSubnet')}</Button>}>
        <DataTable columns={subnetColumns} rows={subnets} rowKey={(s) => s.id} empty={t('noSubnets')} caption={t('subnets')} />
      </Panel>

      {data.namesError && <Alert tone="warning">{t('namesFailed', { requestId: data.namesError.requestId ?? '—' })}</Alert>}
      <NetworkPorts scope={scope} networkId={network.id} subnets={subnets} ports={data.ports} onChanged={refresh} />

      {dialog?.kind === 'edit' && <EditNetworkDialog network={network} isAdmin={isAdmin} onClose={close} onSaved={refresh} />}
      {dialog?.kind === 'delete' && (
        <ConfirmActionDialog
          title={t('deleteTitle', { name })}
          url={`/api/networks/${encodeURIComponent(network.id)}`}
          deletedText={t('deleted', { name })}
          conflictCode="network.network_in_use"
          conflictHelp={t('errors.network_in_use')}
          onClose={close}
          onDeleted={() => {
            refresh();
            router.push('/project/network/networks');
          }}
        >
          <p>{t('deleteWarning')}</p>
        </ConfirmActionDialog>
      )}
      {dialog?.kind === 'add-subnet' && <SubnetDialog networkId={network.id} others={subnets} onClose={close} onSaved={refresh} />}
      {dialog?.kind === 'edit-subnet' && (
        <SubnetDialog networkId={network.id} subnet={dialog.subnet} others={subnets.filter((s) => s.id !== dialog.subnet.id)} onClose={close} onSaved={refresh} />
      )}
      {dialog?.kind === 'delete-subnet' && (
        <ConfirmActionDialog
          title={t('deleteSubnetTitle', { name: subnetLabel(dialog.subnet) })}
          url={`/api/subnets/${encodeURIComponent(dialog.subnet.id)}`}
          deletedText={t('subnetDeleted', { name: subnetLabel(dialog.subnet) })}
          conflictCode="network.subnet_in_use"
          conflictHelp={t('errors.subnet_in_use')}
          onClose={close}
          onDeleted={refresh}
        >
          <p>{t('deleteSubnetWarning')}</p>
        </ConfirmActionDialog>
      )}
    </div>
  );
}
