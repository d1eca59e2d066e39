'use client';

import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslations } from 'use-intl';

import { zodFields } from '@/components/ui/use-api-feedback';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormActions } from '@/components/ui/form-actions';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import type { KeyPair } from '@/lib/openstack/nova/keypairs';
import { apiFetch } from '@/lib/query/api';
import { createKeyPairSchema, importKeyPairSchema } from '@/lib/validation/keypairs';

interface Created {
  keyPair: KeyPair;
  privateKey: string | null;
}

/** Generate (Nova makes the pair) or import (the user's own public key) a key pair. */
export function KeyPairFormDialog({
  mode,
  onClose,
  onCreated,
}: {
  mode: 'create' | 'import';
  onClose: () => void;
  onCreated: (created: Created) => void;
}) {
  const t = useTranslations('keypairs');
  const { fieldText, toastSuccess, errors, setErrors, busy, send } = useFormSubmit('keypairs');
  const [name, setName] = useState('');
  const [publicKey, setPublicKey] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = mode === 'import' ? importKeyPairSchema.safeParse({ name, publicKey }) : createKeyPairSchema.safeParse({ name });
    if (!parsed.success) return setErrors(zodFields(parsed.error.issues));
    await send(async () => {
      const created = await apiFetch<Created>('/api/keypairs', { method: 'POST', body: parsed.data });
      toastSuccess(t(mode === 'import' ? 'imported' : 'created', { name: created.keyPair.name }));
      onCreated(created);
    });
  };

  return (
    <Dialog open title={mode === 'import' ? t('importTitle') : t('createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <TextField label={t('name')} value={name} onChange={(e) => setName(e.target.value)} error={fieldText(errors.name)} maxLength={255} />
        {mode === 'import' ? (
          <TextareaField
            label={t('publicKey')}
            rows={5}
            value={publicKey}
            onChange={(e) => setPublicKey(e.target.value)}
            hint={t('publicKeyHint')}
            error={fieldText(errors.publicKey)}
            placeholder="ssh-ed25519 AAAA… user@host"
          />
        ) : (
          <p className="text-sm text-slate-600">{t('createExplained')}</p>
        )}
        <FormActions busy={busy} cancelLabel={t('cancel')} submitLabel={mode === 'import' ? t('import') : t('create')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/**
 * The private key of a generated pair, offered once: it came in the BFF's answer and lives only in this
 * dialog's memory; closing the dialog drops it.
 */
export function PrivateKeyDialog({ name, privateKey, onClose }: { name: string; privateKey: string; onClose: () => void }) {
  const t = useTranslations('keypairs');
  const url = useMemo(() => URL.createObjectURL(new Blob([privateKey], { type: 'application/x-pem-file' })), [privateKey]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <Dialog
      open
      title={t('privateKeyTitle', { name })}
      onClose={onClose}
      footer={
        <>
          <a
            href={url}
            download={`${name}.pem`}
            className="inline-flex items-center rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800"
          >
            {t('downloadPrivateKey')}
          </a>
          <Button variant="secondary" onClick={onClose}>
            {t('done')}
          </Button>
        </>
      }
    >
      <Alert tone="warning">{t('privateKeyOnce')}</Alert>
      <p className="mt-3 text-sm">{t('privateKeyUse', { file: `${name}.pem` })}</p>
      <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-2 font-mono text-xs">chmod 600 {name}.pem{'\n'}ssh -i {name}.pem cirros@IP</pre>
    </Dialog>
  );
}
