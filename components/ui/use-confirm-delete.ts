'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { useApiFeedback } from './use-api-feedback';
import { apiFetch } from '@/lib/query/api';

/**
 * The delete flow of a list page: which row is being confirmed, the DELETE request, a toast either way, a
 * refresh on success. `dialogProps` spreads into a ConfirmDialog (the area's Delete and Cancel labels included);
 * the page adds the title and the warning.
 */
export function useConfirmDelete<T>(
  area: 'images' | 'flavors' | 'keypairs',
  { url, deleted, refresh }: { url: (item: T) => string; deleted: (item: T) => string; refresh: () => Promise<unknown> },
) {
  const t = useTranslations(area);
  const { toastError, toastSuccess } = useApiFeedback(area);
  const [deleting, setDeleting] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      await apiFetch(url(deleting), { method: 'DELETE' });
      toastSuccess(deleted(deleting));
      await refresh();
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  };
  const cancel = () => setDeleting(null);

  return {
    deleting,
    askDelete: setDeleting,
    dialogProps: {
      open: deleting !== null,
      confirmLabel: t('delete'),
      cancelLabel: t('cancel'),
      destructive: true,
      busy,
      onConfirm: remove,
      onCancel: cancel,
    },
  };
}
