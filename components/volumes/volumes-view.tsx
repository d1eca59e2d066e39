'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { useApiFeedback } from '@/components/ui/use-api-feedback';
import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import type { VolumeListView, VolumeRow } from '@/lib/bff/volumes';
import type { Snapshot } from '@/lib/openstack/cinder';
import { apiFetch } from '@/lib/query/api';
import type { Scope } from '@/lib/query/queries';
import { volumesQuery } from '@/lib/query/resource-queries';

import { CreateVolumeDialog } from './create-volume-dialog';
import { AttachVolumeDialog, ExtendVolumeDialog, SnapshotVolumeDialog } from './volume-action-dialogs';
import { VOLUME_TRANSITIONAL, VolumeStatusBadge } from './volume-badges';

type Dialogs =
  | { kind: 'create'; snapshotId?: string }
  | { kind: 'extend' | 'snapshot' | 'attach' | 'detach' | 'delete'; volume: VolumeRow }
  | { kind: 'delete-snapshot'; snapshot: Snapshot };

const unsettled = (data: VolumeListView | undefined): boolean =>
  !!data && (data.volumes.some((v) => VOLUME_TRANSITIONAL.has(v.status)) || data.snapshots.some((s) => VOLUME_TRANSITIONAL.has(s.status)));

export function VolumesView({ scope, initialData }: { scope: Scope; initialData?: VolumeListView }) {
  const t = useTranslations('volumes');
  const queryClient = useQueryClient();
  const { toastError, toastSuccess } = useApiFeedback('volumes');
  // Volumes and snapshots on their way somewhere refresh by themselves until they settle.
  const query = useQuery({ ...volumesQuery(scope), initialData, refetchInterval: (q) => (unsettled(q.state.data) ? 2_000 : false) });
  const [dialog, setDialog] = useState<Dialogs | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['volumes'] });
  const close = () => setDialog(null);
  const label = (v: { name: string; id: string }) => v.name || v.id;

  const confirmAction = async (send: () => Promise<unknown>, success: string) => {
    setBusy(true);
    try {
      await send();
      toastSuccess(success);
      await refresh();
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
      close();
    }
  };

  const volumeColumns: Column<VolumeRow>[] = [
    { key: 'name', header: t('name'), cell: (v) => <span className="font-medium">{label(v)}</span> },
    { key: 'size', className: 'whitespace-nowrap px-3 py-2 text-slate-800', header: t('size'), cell: (v) => t('gb', { value: v.sizeGb }) },
    { key: 'status', header: t('statusLabel'), cell: (v) => <VolumeStatusBadge status={v.status} /> },
    { key: 'type', header: t('type'), cell: (v) => v.volumeType ?? '—' },
    {
      key: 'attached',
      header: t('attachedTo'),
      cell: (v) =>
        v.attachedTo.length === 0
          ? '—'
          : v.attachedTo.map((a) => (
              <div key={a.serverId}>
                <Link href={`/project/compute/instances/${encodeURIComponent(a.serverId)}`} className="text-sky-800 hover:underline">
                  {a.serverName ?? a.serverId}
                </Link>
                {a.device && <span className="ml-1 font-mono text-xs text-slate-500">{a.device}</span>}
              </div>
            )),
    },
    { key: 'bootable', header: t('bootable'), cell: (v) => (v.bootable ? t('yes') : t('no')) },
    {
      key: 'actions',
      header: <span className="sr-only">{t('actions')}</span>,
      cell: (v) => {
        const settled = !VOLUME_TRANSITIONAL.has(v.status);
        const name = label(v);
        return (
          <div className="flex flex-wrap gap-1">
            <Button variant="secondary" disabled={!settled} onClick={() => setDialog({ kind: 'extend', volume: v })} aria-label={t('extendNamed', { name })}>
              {t('extend')}
            </Button>
            <Button variant="secondary" disabled={!settled} onClick={() => setDialog({ kind: 'snapshot', volume: v })} aria-label={t('snapshotNamed', { name })}>
              {t('snapshotAction')}
            </Button>
            {v.attachedTo.length > 0 ? (
              <Button variant="secondary" disabled={!settled} onClick={() => setDialog({ kind: 'detach', volume: v })} aria-label={t('detachNamed', { name })}>
                {t('detach')}
              </Button>
            ) : (
              <Button variant="secondary" disabled={v.status !== 'available'} onClick={() => setDialog({ kind: 'attach', volume: v })} aria-label={t('attachNamed', { name })}>
                {t('attach')}
              </Button>
            )}
            <Button variant="danger" disabled={!settled || v.attachedTo.length > 0} onClick={() => setDialog({ kind: 'delete', volume: v })} aria-label={t('deleteNamed', { name })}>
              {t('delete')}
            </Button>
          </div>
        );
      },
    },
  ];

  const volumeNames = new Map((query.data?.volumes ?? []).map((v) => [v.id, label(v)]));
  const snapshotColumns: Column<Snapshot>[] = [
    { key: 'name', header: t('name'), cell: (s) => <span className="font-medium">{label(s)}</span> },
    { key: 'volume', header: t('volume'), cell: (s) => volumeNames.get(s.volumeId) ?? s.volumeId },
    { key: 'size', header: t('size'), cell: (s) => t('gb', { value: s.sizeGb }) },
    { key: 'status', header: t('statusLabel'), cell: (s) => <VolumeStatusBadge status={s.status} /> },
    {
      key: 'actions',
      header: <span className="sr-only">{t('actions')}</span>,
      cell: (s) => (
        <div className="flex gap-1">
          <Button variant="secondary" disabled={s.status !== 'available'} onClick={() => setDialog({ kind: 'create', snapshotId: s.id })} aria-label={t('volumeFromNamed', { name: label(s) })}>
            {t('volumeFrom')}
          </Button>
          <Button variant="danger" disabled={VOLUME_TRANSITIONAL.has(s.status)} onClick={() => setDialog({ kind: 'delete-snapshot', snapshot: s })} aria-label={t('deleteNamed', { name: label(s) })}>
            {t('delete')}
          </Button>
        </div>
      ),
    },
  ];

  const data = query.data;
  const body = (content: (d: VolumeListView) => React.ReactNode, rows = 4) =>
    query.isError ? <ApiErrorNotice error={query.error} /> : data ? content(data) : <PanelSkeleton rows={rows} />;

  return (
    <div className="space-y-6">
      {data?.serversError && <Alert tone="warning">{t('serversFailed', { requestId: data.serversError.requestId ?? '—' })}</Alert>}
      <Panel title={t('listTitle')} actions={<Button onClick={() => setDialog({ kind: 'create' })} disabled={!data}>{t('createButton')}</Button>}>
        {body((d) => <DataTable columns={volumeColumns} rows={d.volumes} rowKey={(v) => v.id} empty={t('empty')} caption={t('listTitle')} />)}
      </Panel>
      <Panel title={t('snapshotsTitle')}>
        {body((d) => <DataTable columns={snapshotColumns} rows={d.snapshots} rowKey={(s) => s.id} empty={t('noSnapshots')} caption={t('snapshotsTitle')} />, 2)}
      </Panel>
      <Panel title={t('typesTitle')}>
        {body(
          (d) => (
            <DataTable
              columns={[
                { key: 'name', header: t('name'), cell: (ty) => <span className="font-medium">{ty.name}</span> },
                { key: 'description', header: t('description'), cell: (ty) => ty.description || '—' },
                { key: 'public', header: t('public'), cell: (ty) => (ty.isPublic ? t('yes') : t('no')) },
              ]}
              rows={d.types}
              rowKey={(ty) => ty.id}
              empty={t('noTypes')}
              caption={t('typesTitle')}
            />
          ),
          2,
        )}
      </Panel>

      {data && dialog?.kind === 'create' && (
        <CreateVolumeDialog scope={scope} snapshots={data.snapshots} types={data.types} initialSnapshotId={dialog.snapshotId} onClose={close} onCreated={refresh} />
      )}
      {dialog?.kind === 'extend' && <ExtendVolumeDialog volume={dialog.volume} onClose={close} onDone={refresh} />}
      {dialog?.kind === 'snapshot' && <SnapshotVolumeDialog volume={dialog.volume} onClose={close} onDone={refresh} />}
      {dialog?.kind === 'attach' && <AttachVolumeDialog scope={scope} volume={dialog.volume} onClose={close} onDone={refresh} />}
      <ConfirmDialog
        open={dialog?.kind === 'detach'}
        title={dialog?.kind === 'detach' ? t('detachTitle', { name: label(dialog.volume) }) : ''}
        confirmLabel={t('detach')}
        cancelLabel={t('cancel')}
        destructive
        busy={busy}
        onCancel={close}
        onConfirm={() => {
          if (dialog?.kind !== 'detach') return;
          const { volume } = dialog;
          const server = volume.attachedTo[0];
          void confirmAction(
            () => apiFetch(`/api/volumes/${encodeURIComponent(volume.id)}/attachment`, { method: 'DELETE', body: { serverId: server?.serverId ?? '' } }),
            t('detaching', { name: label(volume) }),
          );
        }}
      >
        <p>{t('detachWarning', { server: dialog?.kind === 'detach' ? (dialog.volume.attachedTo[0]?.serverName ?? dialog.volume.attachedTo[0]?.serverId ?? '') : '' })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog?.kind === 'delete' || dialog?.kind === 'delete-snapshot'}
        title={dialog?.kind === 'delete' ? t('deleteTitle', { name: label(dialog.volume) }) : dialog?.kind === 'delete-snapshot' ? t('deleteSnapshotTitle', { name: label(dialog.snapshot) }) : ''}
        confirmLabel={t('delete')}
        cancelLabel={t('cancel')}
        destructive
        busy={busy}
        onCancel={close}
        onConfirm={() => {
          if (dialog?.kind === 'delete') {
            void confirmAction(() => apiFetch(`/api/volumes/${encodeURIComponent(dialog.volume.id)}`, { method: 'DELETE' }), t('deleting', { name: label(dialog.volume) }));
          } else if (dialog?.kind === 'delete-snapshot') {
            void confirmAction(() => apiFetch(`/api/volumes/snapshots/${encodeURIComponent(dialog.snapshot.id)}`, { method: 'DELETE' }), t('deleting', { name: label(dialog.snapshot) }));
          }
        }}
      >
        <p>{dialog?.kind === 'delete-snapshot' ? t('deleteSnapshotWarning') : t('deleteWarning')}</p>
      </ConfirmDialog>
    </div>
  );
}
