'use client';

import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslations } from 'use-intl';

import { zodFields } from '@/components/ui/use-api-feedback';
import { Dialog } from '@/components/ui/dialog';
import { FormActions } from '@/components/ui/form-actions';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import type { Snapshot, VolumeType } from '@/lib/openstack/cinder';
import { apiFetch } from '@/lib/query/api';
import type { Scope } from '@/lib/query/queries';
import { volumeOptionsQuery } from '@/lib/query/resource-queries';
import { createVolumeSchema } from '@/lib/validation/volumes';

/** An empty volume, one holding an image (at least the image's minimum disk), or one from a snapshot. */
export function CreateVolumeDialog({
  scope,
  snapshots,
  types,
  initialSnapshotId,
  onClose,
  onCreated,
}: {
  scope: Scope;
  snapshots: Snapshot[];
  types: VolumeType[];
  initialSnapshotId?: string;
  onClose: () => void;
  onCreated: () => void;
}) {
  const t = useTranslations('volumes');
  const { fieldText, toastSuccess, errors, setErrors, busy, send } = useFormSubmit('volumes');
  const options = useQuery(volumeOptionsQuery(scope));
  const [form, setForm] = useState({
    name: '',
    description: '',
    sizeGb: String(snapshots.find((sn) => sn.id === initialSnapshotId)?.sizeGb ?? 1),
    source: initialSnapshotId ? 'snapshot' : 'empty',
    imageId: '',
    snapshotId: initialSnapshotId ?? '',
    volumeType: '',
  });
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));

  const images = options.data?.images ?? [];
  const available = snapshots.filter((s) => s.status === 'available');
  // Choosing a source raises the size to what it needs; the user may still type a smaller one (and be told).
  const choose = (key: 'imageId' | 'snapshotId') => (event: { target: { value: string } }) => {
    const id = event.target.value;
    const min = key === 'imageId' ? images.find((i) => i.id === id)?.minDiskGb : available.find((sn) => sn.id === id)?.sizeGb;
    setForm((f) => ({ ...f, [key]: id, sizeGb: String(Math.max(Number(f.sizeGb) || 1, min ?? 1)) }));
  };
  const minimum =
    form.source === 'image'
      ? (images.find((i) => i.id === form.imageId)?.minDiskGb ?? 1)
      : form.source === 'snapshot'
        ? (available.find((s) => s.id === form.snapshotId)?.sizeGb ?? 1)
        : 1;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = createVolumeSchema.safeParse(form);
    const found = parsed.success ? {} : zodFields(parsed.error.issues);
    if (parsed.success && parsed.data.sizeGb < minimum) found.sizeGb = form.source === 'image' ? 'below_image_min' : 'below_snapshot';
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    await send(async () => {
      await apiFetch('/api/volumes', { method: 'POST', body: form });
      toastSuccess(t('created', { name: parsed.data.name }));
      onCreated();
      onClose();
    });
  };

  return (
    <Dialog open title={t('createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <TextField label={t('name')} value={form.name} onChange={set('name')} error={fieldText(errors.name)} maxLength={255} />
        <TextField label={t('description')} value={form.description} onChange={set('description')} error={fieldText(errors.description)} />
        <SelectField
          label={t('source')}
          value={form.source}
          onChange={set('source')}
          options={(['empty', 'image', 'snapshot'] as const).map((s) => ({ value: s, label: t(`sources.${s}`) }))}
        />
        {form.source === 'image' && (
          <SelectField
            label={t('image')}
            value={form.imageId}
            onChange={choose('imageId')}
            error={fieldText(errors.imageId) ?? (options.isError ? t('optionsFailed') : null)}
            options={[
              { value: '', label: options.isPending ? t('loading') : t('choose') },
              ...images.map((i) => ({ value: i.id, label: t('imageOption', { name: i.name, min: i.minDiskGb }) })),
            ]}
          />
        )}
        {form.source === 'snapshot' && (
          <SelectField
            label={t('snapshot')}
            value={form.snapshotId}
            onChange={choose('snapshotId')}
            error={fieldText(errors.snapshotId)}
            options={[{ value: '', label: t('choose') }, ...available.map((s) => ({ value: s.id, label: t('snapshotOption', { name: s.name || s.id, size: s.sizeGb }) }))]}
          />
        )}
        <TextField
          label={t('sizeGb')}
          type="number"
          min={minimum}
          value={form.sizeGb}
          onChange={set('sizeGb')}
          error={errors.sizeGb ? `${fieldText(errors.sizeGb)} ${t('minimumIs', { min: minimum })}` : null}
        />
        <SelectField
          label={t('type')}
          value={form.volumeType}
          onChange={set('volumeType')}
          options={[{ value: '', label: t('defaultType') }, ...types.map((ty) => ({ value: ty.name, label: ty.name }))]}
        />
        <FormActions busy={busy} cancelLabel={t('cancel')} submitLabel={t('create')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
