'use client';

import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslations } from 'use-intl';

import { zodFields } from '@/components/ui/use-api-feedback';
import { Alert } from '@/components/ui/alert';
import { Dialog } from '@/components/ui/dialog';
import { FormActions } from '@/components/ui/form-actions';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import type { VolumeRow } from '@/lib/bff/volumes';
import { apiFetch } from '@/lib/query/api';
import type { Scope } from '@/lib/query/queries';
import { volumeOptionsQuery } from '@/lib/query/resource-queries';
import { attachVolumeSchema, createSnapshotSchema, extendVolumeSchema } from '@/lib/validation/volumes';

/** One small form in a dialog: validate with the shared schema, send, show field errors or a toast. */
function useVolumeForm<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }) {
  const { fieldText, toastSuccess, errors, setErrors, busy, send } = useFormSubmit('volumes');
  const run = async (values: unknown, request: (data: T) => Promise<unknown>, success: string, done: () => void) => {
    const parsed = schema.safeParse(values);
    if (!parsed.success) return setErrors(zodFields(parsed.error.issues));
    await send(async () => {
      await request(parsed.data);
      toastSuccess(success);
      done();
    });
  };
  return { errors, busy, run, fieldText };
}

function FormDialog({ title, busy, submitLabel, onSubmit, onClose, children }: { title: string; busy: boolean; submitLabel: string; onSubmit: (e: FormEvent) => void; onClose: () => void; children: ReactNode }) {
  const t = useTranslations('volumes');
  return (
    <Dialog open title={title} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        {children}
        <FormActions busy={busy} cancelLabel={t('cancel')} submitLabel={submitLabel} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function ExtendVolumeDialog({ volume, onClose, onDone }: { volume: VolumeRow; onClose: () => void; onDone: () => void }) {
  const t = useTranslations('volumes');
  const [size, setSize] = useState(String(volume.sizeGb + 1));
  const form = useVolumeForm(extendVolumeSchema);
  const label = volume.name || volume.id;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(
      { newSizeGb: size },
      (data) => apiFetch(`/api/volumes/${encodeURIComponent(volume.id)}/extend`, { method: 'POST', body: data }),
      t('extended', { name: label, size }),
      () => (onDone(), onClose()),
    );
  };
  return (
    <FormDialog title={t('extendTitle', { name: label })} busy={form.busy} submitLabel={t('extend')} onSubmit={submit} onClose={onClose}>
      <p className="text-sm">{t('extendExplained', { size: volume.sizeGb })}</p>
      <TextField label={t('newSizeGb')} type="number" min={volume.sizeGb + 1} value={size} onChange={(e) => setSize(e.target.value)} error={form.fieldText(form.errors.newSizeGb)} />
    </FormDialog>
  );
}

export function SnapshotVolumeDialog({ volume, onClose, onDone }: { volume: VolumeRow; onClose: () => void; onDone: () => void }) {
  const t = useTranslations('volumes');
  const [name, setName] = useState(`${volume.name || 'volume'}-snapshot`);
  const [force, setForce] = useState(false);
  const form = useVolumeForm(createSnapshotSchema);
  const attached = volume.status === 'in-use';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(
      { volumeId: volume.id, name, force },
      (data) => apiFetch('/api/volumes/snapshots', { method: 'POST', body: data }),
      t('snapshotCreated', { name }),
      () => (onDone(), onClose()),
    );
  };
  return (
    <FormDialog title={t('snapshotTitle', { name: volume.name || volume.id })} busy={form.busy} submitLabel={t('createSnapshot')} onSubmit={submit} onClose={onClose}>
      <TextField label={t('name')} value={name} onChange={(e) => setName(e.target.value)} error={form.fieldText(form.errors.name)} />
      {attached && (
        <>
          <Alert tone="warning">{t('forceExplained')}</Alert>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} aria-describedby="force-error" />
            {t('force')}
          </label>
          {form.errors.force && (
            <p id="force-error" className="text-sm text-red-700">
              {form.fieldText(form.errors.force)}
            </p>
          )}
        </>
      )}
    </FormDialog>
  );
}

export function AttachVolumeDialog({ scope, volume, onClose, onDone }: { scope: Scope; volume: VolumeRow; onClose: () => void; onDone: () => void }) {
  const t = useTranslations('volumes');
  const options = useQuery(volumeOptionsQuery(scope));
  const [serverId, setServerId] = useState('');
  const form = useVolumeForm(attachVolumeSchema);
  const servers = options.data?.servers ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const server = servers.find((s) => s.id === serverId);
    void form.run(
      { serverId },
      (data) => apiFetch(`/api/volumes/${encodeURIComponent(volume.id)}/attachment`, { method: 'POST', body: data }),
      t('attaching', { name: volume.name || volume.id, server: server?.name ?? serverId }),
      () => (onDone(), onClose()),
    );
  };
  return (
    <FormDialog title={t('attachTitle', { name: volume.name || volume.id })} busy={form.busy} submitLabel={t('attach')} onSubmit={submit} onClose={onClose}>
      <SelectField
        label={t('server')}
        value={serverId}
        onChange={(e) => setServerId(e.target.value)}
        error={form.fieldText(form.errors.serverId) ?? (options.isError ? t('optionsFailed') : null)}
        options={[
          { value: '', label: options.isPending ? t('loading') : servers.length ? t('choose') : t('noServers') },
          ...servers.map((s) => ({ value: s.id, label: `${s.name} (${s.status ?? '?'})` })),
        ]}
      />
    </FormDialog>
  );
}
