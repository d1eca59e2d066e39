'use client';

import { type ReactNode, useState } from 'react';
import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useApiFeedback } from '@/components/ui/use-api-feedback';
import { ApiClientError, apiFetch } from '@/lib/query/api';

/**
 * Deleting a network resource (or another change that cannot be undone, such as clearing a gateway). When Neutron refuses because something still uses it (NetworkInUse,
 * SubnetInUse, RouterInUse) the dialog stays open and explains what to remove first, with Neutron's words,
 * instead of a toast that vanishes.
 */
export function ConfirmActionDialog({
  title,
  url,
  method = 'DELETE',
  body,
  confirmLabel,
  deletedText,
  conflictCode,
  conflictHelp,
  children,
  onClose,
  onDeleted,
}: {
  title: string;
  url: string;
  method?: 'DELETE' | 'PUT' | 'POST';
  body?: unknown;
  /** The confirm button's words; Delete unless given. */
  confirmLabel?: string;
  deletedText: string;
  conflictCode: string;
  conflictHelp: string;
  children: ReactNode;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const t = useTranslations('networks');
  const { toastError, toastSuccess } = useApiFeedback('networks');
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    try {
      await apiFetch(url, { method, body });
      toastSuccess(deletedText);
      onDeleted();
      onClose();
    } catch (error) {
      if (error instanceof ApiClientError && error.payload.code === conflictCode) setConflict(error.payload.message);
      else {
        toastError(error);
        onClose();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog open title={title} confirmLabel={confirmLabel ?? t('delete')} cancelLabel={t('cancel')} destructive busy={busy} onCancel={onClose} onConfirm={() => void confirm()}>
      {children}
      {conflict && (
        <Alert tone="error" className="mt-3">
          <p>{conflictHelp}</p>
          <p className="mt-1 text-xs">{conflict}</p>
        </Alert>
      )}
    </ConfirmDialog>
  );
}
