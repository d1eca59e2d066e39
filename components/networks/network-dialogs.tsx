'use client';

import { type FormEvent, useState } from 'react';
import { useTranslations } from 'use-intl';

import { Dialog } from '@/components/ui/dialog';
import { FormActions } from '@/components/ui/form-actions';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { zodFields } from '@/components/ui/use-api-feedback';
import type { Network } from '@/lib/openstack/neutron/types';
import { apiFetch } from '@/lib/query/api';
import { createNetworkInput, updateNetworkInput } from '@/lib/validation/networks';

import { CheckboxField } from './checkbox-field';
import { EMPTY_SUBNET, SubnetFields, type SubnetForm, subnetRequest } from './subnet-fields';

/** A network and, unless unticked, its first subnet: one form, one request, one outcome. */
export function CreateNetworkDialog({ isAdmin, onClose, onCreated }: { isAdmin: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const t = useTranslations('networks');
  const { fieldText, toastSuccess, errors, setErrors, busy, send } = useFormSubmit('networks');
  const [form, setForm] = useState({ name: '', description: '', adminStateUp: true, shared: false, withSubnet: true });
  const [subnet, setSubnet] = useState<SubnetForm>(EMPTY_SUBNET);

  const body = () => ({ name: form.name, description: form.description, adminStateUp: form.adminStateUp, shared: form.shared, subnet: form.withSubnet ? subnetRequest(subnet) : null });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = createNetworkInput.safeParse(body());
    setErrors(parsed.success ? {} : zodFields(parsed.error.issues));
    if (!parsed.success) return;
    await send(async () => {
      const created = await apiFetch<{ network: Network }>('/api/networks', { method: 'POST', body: body() });
      toastSuccess(t('created', { name: created.network.name || created.network.id }));
      onCreated(created.network.id);
      onClose();
    });
  };

  return (
    <Dialog open title={t('createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="max-h-[70vh] space-y-3 overflow-y-auto pr-1">
        <TextField label={t('name')} value={form.name} maxLength={255} onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} error={fieldText(errors.name)} />
        <TextField label={t('description')} value={form.description} onChange={(e) => setForm((f) => ({ ...f, description: e.target.value }))} error={fieldText(errors.description)} />
        <CheckboxField label={t('adminStateUp')} checked={form.adminStateUp} onChange={(adminStateUp) => setForm((f) => ({ ...f, adminStateUp }))} />
        {isAdmin && <CheckboxField label={t('sharedLabel')} checked={form.shared} onChange={(shared) => setForm((f) => ({ ...f, shared }))} />}
        {errors.shared && <p className="text-sm text-red-700">{fieldText(errors.shared)}</p>}
        <CheckboxField label={t('withSubnet')} checked={form.withSubnet} onChange={(withSubnet) => setForm((f) => ({ ...f, withSubnet }))} />
        {form.withSubnet && (
          <SubnetFields form={subnet} creating onChange={(changes) => setSubnet((s) => ({ ...s, ...changes }))} error={(field) => fieldText(errors[`subnet.${field}`])} />
        )}
        <FormActions busy={busy} cancelLabel={t('cancel')} submitLabel={t('create')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Name, description, admin state, and sharing for admins. */
export function EditNetworkDialog({ network, isAdmin, onClose, onSaved }: { network: Network; isAdmin: boolean; onClose: () => void; onSaved: () => void }) {
  const t = useTranslations('networks');
  const { fieldText, toastSuccess, errors, setErrors, busy, send } = useFormSubmit('networks');
  const [form, setForm] = useState({ name: network.name, description: network.description, adminStateUp: network.adminStateUp, shared: network.shared });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = isAdmin ? form : { name: form.name, description: form.description, adminStateUp: form.adminStateUp };
    const parsed = updateNetworkInput.safeParse(body);
    setErrors(parsed.success ? {} : zodFields(parsed.error.issues));
    if (!parsed.success) return;
    await send(async () => {
      await apiFetch(`/api/networks/${encodeURIComponent(network.id)}`, { method: 'PUT', body });
      toastSuccess(t('saved', { name: form.name || network.id }));
      onSaved();
      onClose();
    });
  };

  return (
    <Dialog open title={t('editTitle', { name: network.name || network.id })} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <TextField label={t('name')} value={form.name} maxLength={255} onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} error={fieldText(errors.name)} />
        <TextField label={t('description')} value={form.description} onChange={(e) => setForm((f) => ({ ...f, description: e.target.value }))} error={fieldText(errors.description)} />
        <CheckboxField label={t('adminStateUp')} checked={form.adminStateUp} onChange={(adminStateUp) => setForm((f) => ({ ...f, adminStateUp }))} />
        {isAdmin && <CheckboxField label={t('sharedLabel')} checked={form.shared} onChange={(shared) => setForm((f) => ({ ...f, shared }))} />}
        <FormActions busy={busy} cancelLabel={t('cancel')} submitLabel={t('save')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
