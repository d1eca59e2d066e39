'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';

import { Button } from '@/components/ui/button';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';
import type { PortRow } from '@/lib/bff/networks';
import type { Subnet } from '@/lib/openstack/neutron/types';
import type { Scope } from '@/lib/query/queries';

import { ConfirmActionDialog } from './confirm-action-dialog';
import { NeutronStatusBadge } from './network-badges';
import { useAreaDialogs } from './use-area-dialogs';
import { CreatePortDialog, EditPortDialog } from './port-dialogs';

const ownerHref = (owner: PortRow['owner']): string | null =>
  owner.kind === 'instance' ? `/project/compute/instances/${encodeURIComponent(owner.id)}` : owner.kind === 'router' ? `/project/network/routers/${encodeURIComponent(owner.id)}` : null;

/**
 * A network's ports with their owners. A router's port is removed through the router, so it has no delete
 * here; an instance's port is deleted only after the dialog says which instance loses this network.
 */
export function NetworkPorts({ scope, networkId, subnets, ports, onChanged }: { scope: Scope; networkId: string; subnets: Subnet[]; ports: PortRow[]; onChanged: () => void }) {
  const t = useTranslations('networks');
  const { dialog, open, close } = useAreaDialogs<{ kind: 'create' } | { kind: 'edit' | 'delete'; port: PortRow }>();
  const label = (p: PortRow) => p.name || p.fixedIps[0]?.ipAddress || p.id.slice(0, 8);

  const columns: Column<PortRow>[] = [
    { key: 'name', header: t('name'), cell: (p) => <span className="font-medium">{p.name || <span className="font-mono text-xs">{p.id.slice(0, 8)}</span>}</span> },
    { key: 'ips', header: t('fixedIps'), cell: (p) => <span className="font-mono text-xs">{p.fixedIps.map((ip) => ip.ipAddress).join(', ') || '—'}</span> },
    { key: 'mac', header: t('mac'), cell: (p) => <span className="font-mono text-xs">{p.macAddress}</span> },
    { key: 'owner', header: t('deviceOwner'), cell: (p) => <span className="font-mono text-xs">{p.deviceOwner || '—'}</span> },
    {
      key: 'device',
      header: t('attachedTo'),
      cell: (p) => {
        const href = ownerHref(p.owner);
        const text = p.owner.name ?? p.owner.id;
        return href ? (
          <Link href={href} className="text-sky-800 hover:underline">
            {text}
          </Link>
        ) : (
          '—'
        );
      },
    },
    { key: 'status', header: t('status'), cell: (p) => <NeutronStatusBadge status={p.status} label={t.has(`statuses.${p.status}`) ? t(`statuses.${p.status}`) : p.status} /> },
    { key: 'admin', header: t('adminState'), cell: (p) => (p.adminStateUp ? t('up') : t('down')) },
    {
      key: 'actions',
      header: <span className="sr-only">{t('actions')}</span>,
      cell: (p) => (
        <div className="flex gap-1">
          <Button variant="secondary" onClick={() => open({ kind: 'edit', port: p })} aria-label={t('editNamed', { name: label(p) })}>
            {t('edit')}
          </Button>
          {p.owner.kind === 'router' ? (
            <Link href={ownerHref(p.owner) ?? '#'} className="px-2 py-2 text-xs text-sky-800 hover:underline">
              {t('routerPortHint')}
            </Link>
          ) : (
            <Button variant="danger" onClick={() => open({ kind: 'delete', port: p })} aria-label={t('deleteNamed', { name: label(p) })}>
              {t('delete')}
            </Button>
          )}
        </div>
      ),
    },
  ];

  return (
    <Panel title={t('ports')} actions={<Button onClick={() => open({ kind: 'create' })}>{t('createPort')}</Button>}>
      <DataTable columns={columns} rows={ports} rowKey={(p) => p.id} empty={t('noPorts')} caption={t('ports')} />
      {dialog?.kind === 'create' && <CreatePortDialog scope={scope} networkId={networkId} subnets={subnets} onClose={close} onSaved={onChanged} />}
      {dialog?.kind === 'edit' && <EditPortDialog port={dialog.port} onClose={close} onSaved={onChanged} />}
      {dialog?.kind === 'delete' && (
        <ConfirmActionDialog
          title={t('deletePortTitle', { name: label(dialog.port) })}
          url={`/api/ports/${encodeURIComponent(dialog.port.id)}${dialog.port.owner.kind === 'instance' ? '?confirm=instance' : ''}`}
          deletedText={t('portDeleted', { name: label(dialog.port) })}
          conflictCode="network.port_owned_by_router"
          conflictHelp={t('errors.port_owned_by_router')}
          onClose={close}
          onDeleted={onChanged}
        >
          <p>
            {dialog.port.owner.kind === 'instance'
              ? t('deleteInstancePortWarning', { instance: dialog.port.owner.name ?? dialog.port.owner.id, ip: dialog.port.fixedIps[0]?.ipAddress ?? '' })
              : dialog.port.owner.kind === 'network'
                ? t('deleteServicePortWarning', { owner: dialog.port.deviceOwner })
                : t('deletePortWarning')}
          </p>
        </ConfirmActionDialog>
      )}
    </Panel>
  );
}
