'use client';

import { type FormEvent, useState } from 'react';
import { useTranslations } from 'use-intl';

import { fieldsOf, useApiFeedback, zodFields } from '@/components/ui/use-api-feedback';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import type { Flavor } from '@/lib/openstack/nova/flavors';
import { apiFetch } from '@/lib/query/api';
import { type FlavorValues, flavorSchema, specsToText } from '@/lib/validation/flavors';

/**
 * Creates a flavor, or "edits" one: Nova cannot change a flavor, so saving makes a new flavor with a new
 * ID and deletes the old one. The form says so, and asks once more before doing it.
 */
export function FlavorFormDialog({ flavor, onClose, onSaved }: { flavor: Flavor | null; onClose: () => void; onSaved: () => void }) {
  const t = useTranslations('flavors');
  const { fieldText, toastError, toastSuccess } = useApiFeedback('flavors');
  const [form, setForm] = useState({
    name: flavor?.name ?? '',
    vcpus: String(flavor?.vcpus ?? 1),
    ramMb: String(flavor?.ramMb ?? 1024),
    diskGb: String(flavor?.diskGb ?? 10),
    ephemeralGb: String(flavor?.ephemeralGb ?? 0),
    swapMb: String(flavor?.swapMb ?? 0),
    description: flavor?.description ?? '',
    projects: '',
    extraSpecs: flavor ? specsToText(flavor.extraSpecs) : '',
  });
  const [isPublic, setPublic] = useState(flavor?.isPublic ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<FlavorValues | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));

  const save = async (values: FlavorValues) => {
    setBusy(true);
    try {
      const body = { ...values, extraSpecs: specsToText(values.extraSpecs), projects: values.projects.join('\n') };
      const saved = await apiFetch<Flavor>(flavor ? `/api/flavors/${encodeURIComponent(flavor.id)}` : '/api/flavors', {
        method: flavor ? 'PUT' : 'POST',
        body,
      });
      toastSuccess(flavor ? t('replaced', { name: saved.name, id: saved.id }) : t('created', { name: saved.name }));
      onSaved();
      onClose();
    } catch (error) {
      setConfirming(null);
      const fields = fieldsOf(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) toastError(error);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = flavorSchema.safeParse({ ...form, isPublic });
    if (!parsed.success) return setErrors(zodFields(parsed.error.issues));
    setErrors({});
    if (flavor) setConfirming(parsed.data);
    else void save(parsed.data);
  };

  return (
    <>
      <Dialog
        open={confirming === null}
        title={flavor ? t('editTitle', { name: flavor.name }) : t('createTitle')}
        // Closing this dialog to show the confirmation is not a cancel.
        onClose={() => confirming === null && onClose()}
      >
        <form onSubmit={submit} noValidate className="space-y-3">
          {flavor && <Alert tone="warning">{t('replaceExplained')}</Alert>}
          <TextField label={t('name')} value={form.name} onChange={set('name')} error={fieldText(errors.name)} maxLength={255} />
          <div className="grid grid-cols-2 gap-3">
            <TextField label={t('vcpus')} type="number" min={1} value={form.vcpus} onChange={set('vcpus')} error={fieldText(errors.vcpus)} />
            <TextField label={t('ramMb')} type="number" min={1} value={form.ramMb} onChange={set('ramMb')} error={fieldText(errors.ramMb)} />
            <TextField label={t('diskGb')} type="number" min={0} value={form.diskGb} onChange={set('diskGb')} error={fieldText(errors.diskGb)} />
            <TextField label={t('ephemeralGb')} type="number" min={0} value={form.ephemeralGb} onChange={set('ephemeralGb')} error={fieldText(errors.ephemeralGb)} />
            <TextField label={t('swapMb')} type="number" min={0} value={form.swapMb} onChange={set('swapMb')} error={fieldText(errors.swapMb)} />
          </div>
          <TextField label={t('description')} value={form.description} onChange={set('description')} error={fieldText(errors.description)} />
          <TextareaField
            label={t('extraSpecs')}
            rows={4}
            value={form.extraSpecs}
            onChange={set('extraSpecs')}
            hint={t('extraSpecsHint')}
            error={fieldText(errors.extraSpecs)}
            placeholder="hw:cpu_policy=dedicated"
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} />
            {t('public')}
          </label>
          {!isPublic && (
            <TextareaField
              label={t('projects')}
              rows={2}
              value={form.projects}
              onChange={set('projects')}
              hint={flavor ? t('projectsHintReplace') : t('projectsHint')}
              error={fieldText(errors.projects)}
            />
          )}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={onClose} disabled={busy}>
              {t('cancel')}
            </Button>
            <Button type="submit" busy={busy}>
              {flavor ? t('replaceButton') : t('create')}
            </Button>
          </div>
        </form>
      </Dialog>
      <ConfirmDialog
        open={confirming !== null}
        title={t('replaceConfirmTitle', { name: flavor?.name ?? '' })}
        confirmLabel={t('replaceButton')}
        cancelLabel={t('cancel')}
        destructive
        busy={busy}
        onConfirm={() => confirming && void save(confirming)}
        onCancel={() => setConfirming(null)}
      >
        <p>{t('replaceConfirm', { id: flavor?.id ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
