'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useToast } from '@/components/ui/toast';
import { ApiClientError, apiFetch } from '@/lib/query/api';

/** The volumes attached to an instance, each with a detach that first reminds to unmount it. */
export function AttachedVolumes({ serverId, volumeIds, canDetach }: { serverId: string; volumeIds: string[]; canDetach: boolean }) {
  const t = useTranslations('operations');
  const toast = useToast();
  const queryClient = useQueryClient();
  const [detaching, setDetaching] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function detach() {
    if (!detaching) return;
    setBusy(true);
    try {
      await apiFetch(`/api/volumes/${encodeURIComponent(detaching)}/attachment`, { method: 'DELETE', body: { serverId } });
      toast.show({ tone: 'success', title: t('done.detach') });
    } catch (caught) {
      toast.show({ tone: 'error', title: t('detachFailed'), detail: caught instanceof ApiClientError ? [caught.message, caught.payload.requestId].filter(Boolean).join(' · ') : String(caught) });
    } finally {
      setBusy(false);
      setDetaching(null);
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'server' });
    }
  }

  if (volumeIds.length === 0) return <p className="text-sm text-slate-500">{t('noVolumes')}</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100 text-sm">
        {volumeIds.map((id) => (
          <li key={id} className="flex items-center justify-between gap-3 py-2">
            <span className="font-mono text-xs">{id}</span>
            <Button variant="secondary" disabled={!canDetach} onClick={() => setDetaching(id)}>
              {t('detach')}
            </Button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={detaching !== null}
        title={t('titles.detach')}
        confirmLabel={t('detach')}
        cancelLabel={t('cancel')}
        destructive
        busy={busy}
        onCancel={() => setDetaching(null)}
        onConfirm={detach}
      >
        {t('detachWarning')}
      </ConfirmDialog>
    </>
  );
}
