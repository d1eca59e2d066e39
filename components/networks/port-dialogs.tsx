'use client';

import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslations } from 'use-intl';

import { Dialog } from '@/components/ui/dialog';
import { FormActions } from '@/components/ui/form-actions';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { zodFields } from '@/components/ui/use-api-feedback';
import type { Port, Subnet } from '@/lib/openstack/neutron/types';
import { apiFetch } from '@/lib/query/api';
import type { Scope } from '@/lib/query/queries';
import { securityGroupsQuery } from '@/lib/query/security-group-queries';
import { createPortInput, updatePortInput } from '@/lib/validation/networks';

import { CheckboxField } from './checkbox-field';

/** A port on this network: a subnet and address if wanted, and its security groups (the project's default unless chosen). */
export function CreatePortDialog({ scope, networkId, subnets, onClose, onSaved }: { scope: Scope; networkId: string; subnets: Subnet[]; onClose: () => void; onSaved: () => void }) {
  const t = useTranslations('networks');
  const { fieldText, toastSuccess, errors, setErrors, busy, send } = useFormSubmit('networks');
  const groups = useQuery(securityGroupsQuery(scope));
  const [form, setForm] = useState({ name: '', subnetId: '', ipAddress: '', adminStateUp: true, chooseGroups: false });
  const [chosen, setChosen] = useState<string[]>([]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { networkId, name: form.name, subnetId: form.subnetId, ipAddress: form.ipAddress, adminStateUp: form.adminStateUp, securityGroupIds: form.chooseGroups ? chosen : null };
    const parsed = createPortInput.safeParse(body);
    setErrors(parsed.success ? {} : zodFields(parsed.error.issues));
    if (!parsed.success) return;
    await send(async () => {
      await apiFetch('/api/ports', { method: 'POST', body });
      toastSuccess(t('portCreated', { name: form.name || form.ipAddress || networkId }));
      onSaved();
      onClose();
    });
  };

  return (
    <Dialog open title={t('createPortTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <TextField label={t('name')} value={form.name} maxLength={255} onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} error={fieldText(errors.name)} />
        <SelectField
          label={t('subnet')}
          value={form.subnetId}
          onChange={(e) => setForm((f) => ({ ...f, subnetId: e.target.value }))}
          options={[{ value: '', label: t('anySubnet') }, ...subnets.map((s) => ({ value: s.id, label: `${s.name || s.id} (${s.cidr})` }))]}
          error={fieldText(errors.subnetId)}
        />
        <TextField label={t('fixedIp')} value={form.ipAddress} placeholder={t('fixedIpPlaceholder')} onChange={(e) => setForm((f) => ({ ...f, ipAddress: e.target.value }))} error={fieldText(errors.ipAddress)} />
        <CheckboxField label={t('adminStateUp')} checked={form.adminStateUp} onChange={(adminStateUp) => setForm((f) => ({ ...f, adminStateUp }))} />
        <CheckboxField label={t('chooseGroups')} checked={form.chooseGroups} onChange={(chooseGroups) => setForm((f) => ({ ...f, chooseGroups }))} />
        {form.chooseGroups && (
          <fieldset className="space-y-1 rounded border border-slate-200 p-2">
            <legend className="px-1 text-sm font-medium text-slate-800">{t('securityGroups')}</legend>
            {groups.isPending && <p className="text-xs text-slate-500">{t('loading')}</p>}
            {groups.data?.groups.map((g) => (
              <CheckboxField
                key={g.id}
                label={g.name || g.id}
                checked={chosen.includes(g.id)}
                onChange={(on) => setChosen((c) => (on ? [...c, g.id] : c.filter((id) => id !== g.id)))}
              />
            ))}
            {form.chooseGroups && chosen.length === 0 && <p className="text-xs text-amber-800">{t('noGroupsWarning')}</p>}
          </fieldset>
        )}
        <FormActions busy={busy} cancelLabel={t('cancel')} submitLabel={t('create')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function EditPortDialog({ port, onClose, onSaved }: { port: Port; onClose: () => void; onSaved: () => void }) {
  const t = useTranslations('networks');
  const { fieldText, toastSuccess, errors, setErrors, busy, send } = useFormSubmit('networks');
  const [form, setForm] = useState({ name: port.name, adminStateUp: port.adminStateUp });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = updatePortInput.safeParse(form);
    setErrors(parsed.success ? {} : zodFields(parsed.error.issues));
    if (!parsed.success) return;
    await send(async () => {
      await apiFetch(`/api/ports/${encodeURIComponent(port.id)}`, { method: 'PUT', body: form });
      toastSuccess(t('portSaved', { name: form.name || port.id }));
      onSaved();
      onClose();
    });
  };

  return (
    <Dialog open title={t('editPortTitle', { name: port.name || port.id })} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <TextField label={t('name')} value={form.name} maxLength={255} onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} error={fieldText(errors.name)} />
        <CheckboxField label={t('adminStateUp')} checked={form.adminStateUp} onChange={(adminStateUp) => setForm((f) => ({ ...f, adminStateUp }))} />
        <FormActions busy={busy} cancelLabel={t('cancel')} submitLabel={t('save')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
