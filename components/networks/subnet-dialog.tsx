'use client';

import { type FormEvent, useState } from 'react';
import { useTranslations } from 'use-intl';

import { Dialog } from '@/components/ui/dialog';
import { FormActions } from '@/components/ui/form-actions';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { zodFields } from '@/components/ui/use-api-feedback';
import type { Subnet } from '@/lib/openstack/neutron/types';
import { apiFetch } from '@/lib/query/api';
import { overlappingSubnet, subnetInput, updateSubnetInput } from '@/lib/validation/subnets';

import { EMPTY_SUBNET, SubnetFields, type SubnetForm, subnetFormOf, subnetRequest } from './subnet-fields';

/**
 * Adds a subnet to a network, or edits one. The CIDR is checked against the network's other subnets here
 * and again by the BFF; whatever Neutron still refuses comes back next to the field it is about.
 */
export function SubnetDialog({
  networkId,
  subnet,
  others,
  onClose,
  onSaved,
}: {
  networkId: string;
  /** The subnet to edit; none to add one. */
  subnet?: Subnet;
  others: Subnet[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useTranslations('networks');
  const { fieldText, toastSuccess, errors, setErrors, busy, send } = useFormSubmit('networks');
  const [form, setForm] = useState<SubnetForm>(subnet ? subnetFormOf(subnet) : EMPTY_SUBNET);
  const creating = !subnet;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = subnetRequest(form);
    const parsed = creating ? subnetInput.safeParse(body) : updateSubnetInput.safeParse(body);
    const found = parsed.success ? {} : zodFields(parsed.error.issues);
    if (creating && !found.cidr && overlappingSubnet(form.cidr, others)) found.cidr = 'cidr_overlap';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await send(async () => {
      if (subnet) await apiFetch(`/api/subnets/${encodeURIComponent(subnet.id)}`, { method: 'PUT', body });
      else await apiFetch('/api/subnets', { method: 'POST', body: { ...body, networkId } });
      toastSuccess(t(creating ? 'subnetCreated' : 'subnetSaved', { name: form.name || form.cidr }));
      onSaved();
      onClose();
    });
  };

  return (
    <Dialog open title={subnet ? t('editSubnetTitle', { name: subnet.name || subnet.cidr }) : t('addSubnetTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="max-h-[70vh] space-y-3 overflow-y-auto pr-1">
        <SubnetFields form={form} creating={creating} onChange={(changes) => setForm((f) => ({ ...f, ...changes }))} error={(field) => fieldText(errors[field])} />
        <FormActions busy={busy} cancelLabel={t('cancel')} submitLabel={creating ? t('create') : t('save')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
