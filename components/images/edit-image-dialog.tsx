'use client';

import { type FormEvent, useState } from 'react';
import { useTranslations } from 'use-intl';

import { Dialog } from '@/components/ui/dialog';
import { KeyValueEditor } from '@/components/ui/key-value-editor';
import { FormActions } from '@/components/ui/form-actions';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import type { ImageRow } from '@/lib/bff/images';
import { apiFetch } from '@/lib/query/api';
import { updateImageSchema } from '@/lib/validation/images';

import { zodFields } from '@/components/ui/use-api-feedback';
import { VisibilityField } from './visibility-field';

/** Name, visibility, minimums, protection, tags and properties: what Glance lets an owner change. */
export function EditImageDialog({
  image,
  canPublish,
  onClose,
  onSaved,
}: {
  image: ImageRow;
  canPublish: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useTranslations('images');
  const { fieldText, toastSuccess, errors, setErrors, busy, send } = useFormSubmit('images');
  const [form, setForm] = useState({ name: image.name, visibility: image.visibility as string, minDiskGb: String(image.minDiskGb), minRamMb: String(image.minRamMb) });
  const [isProtected, setProtected] = useState(image.protected);
  const [tags, setTags] = useState(image.tags.join(', '));
  const [properties, setProperties] = useState(() =>
    Object.entries(image.properties)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => ({ key, value })),
  );
  // A row's error arrives as "properties.2.key"; it is shown under the whole list.
  const listError = (name: string) => errors[name] ?? Object.entries(errors).find(([key]) => key.startsWith(`${name}.`))?.[1];
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const tagList = tags.split(',').map((tag) => tag.trim()).filter(Boolean);
    const parsed = updateImageSchema.safeParse({ ...form, protected: isProtected, tags: tagList, properties });
    if (!parsed.success) return setErrors(zodFields(parsed.error.issues));
    await send(async () => {
      await apiFetch(`/api/images/${encodeURIComponent(image.id)}`, { method: 'PATCH', body: parsed.data });
      toastSuccess(t('saved', { name: parsed.data.name }));
      onSaved();
      onClose();
    });
  };

  return (
    <Dialog open title={t('editTitle', { name: image.name || image.id })} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <TextField label={t('name')} value={form.name} onChange={set('name')} error={fieldText(errors.name)} maxLength={255} />
        <div className="grid grid-cols-2 gap-3">
          <TextField label={t('minDisk')} type="number" min={0} value={form.minDiskGb} onChange={set('minDiskGb')} error={fieldText(errors.minDiskGb)} />
          <TextField label={t('minRam')} type="number" min={0} value={form.minRamMb} onChange={set('minRamMb')} error={fieldText(errors.minRamMb)} />
        </div>
        <VisibilityField value={form.visibility} onChange={(v) => setForm((f) => ({ ...f, visibility: v }))} canPublish={canPublish} error={fieldText(errors.visibility)} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={isProtected} onChange={(e) => setProtected(e.target.checked)} />
          {t('protected')}
        </label>
        <TextField label={t('tagsField')} value={tags} onChange={(e) => setTags(e.target.value)} error={fieldText(listError('tags'))} />
        <KeyValueEditor
          entries={properties}
          onChange={setProperties}
          max={128}
          error={fieldText(listError('properties'))}
          labels={{
            legend: t('properties'),
            key: (index) => t('propertyKey', { index }),
            value: (index) => t('propertyValue', { index }),
            remove: (index) => t('propertyRemove', { index }),
            add: t('propertyAdd'),
          }}
        />
        <p className="text-xs text-slate-500">{t('propertiesHint')}</p>
        <FormActions busy={busy} cancelLabel={t('cancel')} submitLabel={t('save')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
