'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import type { LaunchOptions } from '@/lib/bff/launch';
import type { ServerRow } from '@/lib/bff/servers';
import type { VolumeListView } from '@/lib/bff/volumes';
import { canChangeVolumes, canResize, canSnapshot } from '@/lib/compute/server-status';
import { ApiClientError, apiFetch } from '@/lib/query/api';

type Operation = 'rename' | 'resize' | 'snapshot' | 'attach' | null;

/** Rename, resize, snapshot and attach a volume: the operations that need input, each in a dialog. */
export function InstanceOperations({ server, isAdmin }: { server: ServerRow; isAdmin: boolean }) {
  const t = useTranslations('operations');
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Operation>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const flavors = useQuery({
    queryKey: ['launch-options'],
    queryFn: () => apiFetch<LaunchOptions>('/api/servers/launch-options'),
    enabled: open === 'resize',
  });
  const volumes = useQuery({
    queryKey: ['volumes-for-attach', server.projectId],
    queryFn: () => apiFetch<VolumeListView>('/api/volumes'),
    enabled: open === 'attach',
  });

  const start = (operation: Exclude<Operation, null>, initial = '') => {
    setValue(initial);
    setError(null);
    setOpen(operation);
  };

  async function submit() {
    if (!value.trim()) {
      setError(t(open === 'resize' ? 'chooseFlavor' : open === 'attach' ? 'chooseVolume' : 'nameRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    const id = encodeURIComponent(server.id);
    try {
      if (open === 'rename') await apiFetch(`/api/servers/${id}`, { method: 'PUT', body: { name: value } });
      if (open === 'resize') await apiFetch(`/api/servers/${id}/resize`, { method: 'POST', body: { flavorId: value } });
      if (open === 'snapshot') await apiFetch(`/api/servers/${id}/snapshot`, { method: 'POST', body: { name: value } });
      if (open === 'attach') await apiFetch(`/api/volumes/${encodeURIComponent(value)}/attachment`, { method: 'POST', body: { serverId: server.id } });
      toast.show({ tone: 'success', title: t(`done.${open!}`, { name: server.name }) });
      setOpen(null);
      await queryClient.invalidateQueries({ predicate: (q) => ['server', 'servers', 'volumes-for-attach'].includes(String(q.queryKey[0])) });
    } catch (caught) {
      setError(caught instanceof ApiClientError ? [caught.message, caught.payload.requestId].filter(Boolean).join(' · ') : String(caught));
    } finally {
      setBusy(false);
    }
  }

  const otherFlavors = (flavors.data?.flavors ?? []).filter((f) => f.name !== server.flavor.name);
  const attachable = (volumes.data?.volumes ?? []).filter((v) => v.status === 'available');

  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" onClick={() => start('rename', server.name)}>
        {t('rename')}
      </Button>
      <Button variant="secondary" disabled={!canResize(server, isAdmin)} onClick={() => start('resize')}>
        {t('resize')}
      </Button>
      <Button variant="secondary" disabled={!canSnapshot(server, isAdmin)} onClick={() => start('snapshot', `${server.name}-snapshot`)}>
        {t('snapshot')}
      </Button>
      <Button variant="secondary" disabled={!canChangeVolumes(server, isAdmin)} onClick={() => start('attach')}>
        {t('attach')}
      </Button>
      <Dialog
        open={open !== null}
        title={open ? t(`titles.${open}`, { name: server.name }) : ''}
        onClose={() => setOpen(null)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(null)} disabled={busy}>
              {t('cancel')}
            </Button>
            <Button onClick={submit} busy={busy}>
              {open ? t(`submit.${open}`) : ''}
            </Button>
          </>
        }
      >
        <div className="space-y-3">
          {open === 'rename' && <TextField label={t('newName')} value={value} maxLength={255} onChange={(e) => setValue(e.target.value)} error={error} autoFocus />}
          {open === 'resize' && (
            <>
              <p>{t('resizeHelp', { flavor: server.flavor.name })}</p>
              <SelectField
                label={t('newFlavor')}
                value={value}
                onChange={(e) => setValue(e.target.value)}
                options={[
                  { value: '', label: flavors.isPending ? t('loading') : t('chooseFlavor') },
                  ...otherFlavors.map((f) => ({ value: f.id, label: `${f.name} · ${f.vcpus} vCPU, ${f.ramMb} MiB, ${f.diskGb} GB` })),
                ]}
                error={error}
              />
            </>
          )}
          {open === 'snapshot' && (
            <>
              <Alert tone="warning">{t('snapshotAdvice')}</Alert>
              <TextField label={t('snapshotName')} value={value} maxLength={255} onChange={(e) => setValue(e.target.value)} error={error} />
            </>
          )}
          {open === 'attach' && (
            <SelectField
              label={t('volume')}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              options={[
                { value: '', label: volumes.isPending ? t('loading') : attachable.length ? t('chooseVolume') : t('noAvailableVolumes') },
                ...attachable.map((v) => ({ value: v.id, label: `${v.name || v.id} (${v.sizeGb} GB)` })),
              ]}
              error={error}
            />
          )}
        </div>
      </Dialog>
    </div>
  );
}
