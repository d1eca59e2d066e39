'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import { useApiFeedback } from '@/components/ui/use-api-feedback';
import type { FloatingIpRow } from '@/lib/bff/floating-ips';
import { apiFetch } from '@/lib/query/api';
import { serverFloatingIpsQuery } from '@/lib/query/floating-ip-queries';

import { FloatingIpStatusBadge } from './floating-ip-status-badge';
import { InstanceAssociateDialog } from './instance-associate-dialog';

/**
 * The instance page's floating IPs: its addresses with disassociate (which Horizon's instance page lacked),
 * and associate: an existing free address or a new one from a pool, in one step.
 */
export function InstanceFloatingIps({ serverId }: { serverId: string }) {
  const t = useTranslations('floatingIps');
  const queryClient = useQueryClient();
  const { toastError, toastSuccess } = useApiFeedback('floatingIps');
  const query = useQuery(serverFloatingIpsQuery(serverId));
  const [associating, setAssociating] = useState(false);
  const [removing, setRemoving] = useState<FloatingIpRow | null>(null);
  const [busy, setBusy] = useState(false);

  // The instance's addresses (Nova's view of them) change too, so the detail query refreshes with ours.
  const refresh = () =>
    queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'floating-ips' || q.queryKey[0] === 'server' || q.queryKey[0] === 'servers' });

  const disassociate = async () => {
    if (!removing) return;
    setBusy(true);
    try {
      await apiFetch(`/api/floating-ips/${encodeURIComponent(removing.id)}/port`, { method: 'DELETE' });
      toastSuccess(t('disassociated', { address: removing.floatingIpAddress }));
      await refresh();
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  const columns: Column<FloatingIpRow>[] = [
    { key: 'address', header: t('address'), cell: (f) => <span className="font-mono font-medium">{f.floatingIpAddress}</span> },
    { key: 'fixed', header: t('mappedFixedIp'), cell: (f) => <span className="font-mono">{f.fixedIpAddress ?? '—'}</span> },
    { key: 'pool', header: t('pool'), cell: (f) => f.poolName ?? f.floatingNetworkId },
    { key: 'status', header: t('statusLabel'), cell: (f) => <FloatingIpStatusBadge status={f.status} /> },
    {
      key: 'actions',
      header: <span className="sr-only">{t('actions')}</span>,
      cell: (f) => (
        <Button variant="secondary" onClick={() => setRemoving(f)} aria-label={t('disassociateNamed', { address: f.floatingIpAddress })}>
          {t('disassociate')}
        </Button>
      ),
    },
  ];

  return (
    <Panel
      title={t('sectionTitle')}
      actions={
        <Button variant="secondary" disabled={!query.data} onClick={() => setAssociating(true)}>
          {t('associateToInstance')}
        </Button>
      }
    >
      <div className="space-y-3">
        <QueryPanelBody query={query} skeletonRows={2}>
          {(d) => <DataTable columns={columns} rows={d.floatingIps} rowKey={(f) => f.id} empty={t('instanceEmpty')} caption={t('sectionTitle')} />}
        </QueryPanelBody>
        <p className="text-xs text-slate-600">{t('instanceTip')}</p>
        <p className="text-xs text-slate-600">
          {t('cliLabel')} <code className="rounded bg-slate-100 px-1 font-mono">openstack server add floating ip {serverId} &lt;address&gt;</code>
        </p>
      </div>
      {associating && query.data && <InstanceAssociateDialog serverId={serverId} view={query.data} onClose={() => setAssociating(false)} onDone={refresh} />}
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t('disassociateTitle', { address: removing.floatingIpAddress }) : ''}
        confirmLabel={t('disassociate')}
        cancelLabel={t('cancel')}
        busy={busy}
        onCancel={() => setRemoving(null)}
        onConfirm={disassociate}
      >
        <p>{t('disassociateWarning')}</p>
      </ConfirmDialog>
    </Panel>
  );
}
