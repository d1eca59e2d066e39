'use client';

import { type FormEvent, useState } from 'react';
import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import { Dialog } from '@/components/ui/dialog';
import { FormActions } from '@/components/ui/form-actions';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { apiFetch } from '@/lib/query/api';
import type { ImageRow } from '@/lib/bff/images';
import { CONTAINER_FORMATS, DISK_FORMATS, createImageSchema } from '@/lib/validation/images';

import { formatBytes } from './image-badges';
import { uploadImageFile } from './upload-image-file';
import { zodFields } from '@/components/ui/use-api-feedback';
import { VisibilityField } from './visibility-field';

/** Create an image from a local file (streamed through the BFF to Glance) or from a URL Glance fetches. */
export function CreateImageDialog({
  open,
  canPublish,
  canImportUrl,
  uploadLimitBytes,
  csrfToken,
  onClose,
  onCreated,
}: {
  open: boolean;
  canPublish: boolean;
  canImportUrl: boolean;
  uploadLimitBytes: number;
  csrfToken: string;
  onClose: () => void;
  onCreated: () => void;
}) {
  const t = useTranslations('images');
  const { fieldText, toastSuccess, errors, setErrors, busy, send } = useFormSubmit('images');
  const [source, setSource] = useState<'file' | 'url'>('file');
  const [form, setForm] = useState({ name: '', diskFormat: 'qcow2', containerFormat: 'bare', visibility: 'private', minDiskGb: '0', minRamMb: '0', url: '' });
  const [isProtected, setProtected] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = {
      ...form,
      source,
      protected: isProtected,
      ...(source === 'file' ? { sizeBytes: file?.size ?? 0 } : {}),
    };
    const parsed = createImageSchema.safeParse(candidate);
    const found = parsed.success ? {} : zodFields(parsed.error.issues);
    if (source === 'file' && !file) found.file = 'file_required';
    else if (source === 'file' && file && file.size > uploadLimitBytes) found.file = 'too_large';
    if ('sizeBytes' in found) found.file ??= 'file_empty';
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    await send(
      async () => {
        const image = await apiFetch<ImageRow>('/api/images', { method: 'POST', body: parsed.data });
        if (source === 'file' && file) {
          setProgress(0);
          await uploadImageFile(image.id, file, csrfToken, setProgress);
        }
        toastSuccess(t(source === 'file' ? 'created' : 'importStarted', { name: image.name }));
        onCreated();
        onClose();
      },
      () => setProgress(null),
    );
  };

  return (
    <Dialog open={open} title={t('createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <fieldset className="flex gap-4">
          <legend className="mb-1 text-sm font-medium text-slate-800">{t('source')}</legend>
          {(['file', 'url'] as const).map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm">
              <input type="radio" name="source" value={s} checked={source === s} onChange={() => setSource(s)} disabled={s === 'url' && !canImportUrl} />
              {t(`sources.${s}`)}
            </label>
          ))}
        </fieldset>
        {!canImportUrl && <p className="text-xs text-slate-500">{t('urlUnavailable')}</p>}
        <TextField label={t('name')} value={form.name} onChange={set('name')} error={fieldText(errors.name)} maxLength={255} />
        {source === 'file' ? (
          <div className="space-y-1">
            <label htmlFor="image-file" className="block text-sm font-medium text-slate-800">
              {t('file')}
            </label>
            <input
              id="image-file"
              type="file"
              aria-invalid={errors.file ? true : undefined}
              aria-describedby="image-file-hint"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              className="block w-full text-sm"
            />
            <p id="image-file-hint" className="text-xs text-slate-500">
              {t('fileHint', { limit: formatBytes(uploadLimitBytes) })}
            </p>
            {errors.file && <p className="text-sm text-red-700">{fieldText(errors.file)}</p>}
          </div>
        ) : (
          <TextField label={t('url')} type="url" value={form.url} onChange={set('url')} error={fieldText(errors.url)} placeholder="https://" />
        )}
        <div className="grid grid-cols-2 gap-3">
          <SelectField label={t('diskFormat')} value={form.diskFormat} onChange={set('diskFormat')} options={DISK_FORMATS.map((f) => ({ value: f, label: f }))} error={fieldText(errors.diskFormat)} />
          <SelectField label={t('containerFormat')} value={form.containerFormat} onChange={set('containerFormat')} options={CONTAINER_FORMATS.map((f) => ({ value: f, label: f }))} error={fieldText(errors.containerFormat)} />
          <TextField label={t('minDisk')} type="number" min={0} value={form.minDiskGb} onChange={set('minDiskGb')} error={fieldText(errors.minDiskGb)} />
          <TextField label={t('minRam')} type="number" min={0} value={form.minRamMb} onChange={set('minRamMb')} error={fieldText(errors.minRamMb)} />
        </div>
        <VisibilityField value={form.visibility} onChange={(v) => setForm((f) => ({ ...f, visibility: v }))} canPublish={canPublish} error={fieldText(errors.visibility)} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={isProtected} onChange={(e) => setProtected(e.target.checked)} />
          {t('protected')}
        </label>
        {progress !== null && (
          <div className="space-y-1">
            <progress className="w-full" max={1} value={progress} aria-label={t('uploading')} />
            <p className="text-xs text-slate-600">{t('uploadProgress', { percent: Math.round(progress * 100) })}</p>
          </div>
        )}
        {errors.form && <Alert tone="error">{fieldText(errors.form)}</Alert>}
        <FormActions busy={busy} cancelLabel={t('cancel')} submitLabel={t('create')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
