'use client';

import { type FormEvent, useState } from 'react';
import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import { Dialog } from '@/components/ui/dialog';
import { FormActions } from '@/components/ui/form-actions';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import { fieldsOf, zodFields } from '@/components/ui/use-api-feedback';
import type { SecurityGroup } from '@/lib/openstack/neutron/types';
import { apiFetch } from '@/lib/query/api';
import { createSecurityGroupSchema, updateSecurityGroupSchema } from '@/lib/validation/security-groups';

import { type ShownError, useSecurityGroupErrors } from './use-security-group-errors';

export interface EditableGroup {
  id: string;
  name: string;
  description: string;
  isDefault: boolean;
}

/** Creates a group, or edits one's name and description (the default group keeps its name). */
export function SecurityGroupFormDialog({ group, onClose, onSaved }: { group: EditableGroup | null; onClose: () => void; onSaved: (saved: SecurityGroup) => void }) {
  const t = useTranslations('securityGroups');
  const toast = useToast();
  const { fieldText, shown } = useSecurityGroupErrors();
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const values = group?.isDefault ? { description } : { name, description };
    const parsed = (group ? updateSecurityGroupSchema : createSecurityGroupSchema).safeParse(values);
    if (!parsed.success) return setErrors(zodFields(parsed.error.issues));
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      const { group: saved } = await apiFetch<{ group: SecurityGroup }>(group ? `/api/security-groups/${encodeURIComponent(group.id)}` : '/api/security-groups', {
        method: group ? 'PUT' : 'POST',
        body: parsed.data,
      });
      toast.show({ tone: 'success', title: group ? t('saved', { name: saved.name }) : t('created', { name: saved.name }) });
      onSaved(saved);
      onClose();
    } catch (error) {
      const fields = fieldsOf(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(shown(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open title={group ? t('editTitle', { name: group.name }) : t('createTitle')} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate className="space-y-3">
        <TextField
          label={t('name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          disabled={group?.isDefault}
          error={fieldText(errors.name)}
          maxLength={255}
          autoFocus={!group?.isDefault}
        />
        {group?.isDefault && <p className="text-xs text-slate-500">{t('defaultKeepsName')}</p>}
        <TextField label={t('description')} value={description} onChange={(e) => setDescription(e.target.value)} error={fieldText(errors.description)} maxLength={255} />
        {failure && (
          <Alert tone="error">
            <p>{failure.text}</p>
            {failure.requestId && <p className="mt-1 font-mono text-xs">{failure.requestId}</p>}
          </Alert>
        )}
        <FormActions busy={busy} cancelLabel={t('cancel')} submitLabel={group ? t('save') : t('create')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
