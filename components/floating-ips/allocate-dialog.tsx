'use client';

import { type FormEvent, useState } from 'react';
import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import { Dialog } from '@/components/ui/dialog';
import { FormActions } from '@/components/ui/form-actions';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { FloatingIpPool } from '@/lib/bff/floating-ips';
import type { FloatingIp } from '@/lib/openstack/neutron/types';
import { apiFetch } from '@/lib/query/api';
import { allocateFloatingIpSchema } from '@/lib/validation/floating-ips';

import { QuotaNote } from './quota-note';
import { useFloatingIpForm } from './use-floating-ip-form';

/** Allocate an address from a pool (an external network); the pool is picked only when there are several. */
export function AllocateDialog({ pools, quota, onClose, onDone }: { pools: FloatingIpPool[]; quota: { used: number; limit: number } | null; onClose: () => void; onDone: () => void }) {
  const t = useTranslations('floatingIps');
  const [networkId, setNetworkId] = useState(pools[0]?.id ?? '');
  const [description, setDescription] = useState('');
  const form = useFloatingIpForm(allocateFloatingIpSchema);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(
      { networkId, description },
      (data) => apiFetch<{ floatingIp: FloatingIp }>('/api/floating-ips', { method: 'POST', body: data }),
      (answer) => t('allocated', { address: (answer as { floatingIp: FloatingIp }).floatingIp.floatingIpAddress }),
      () => (onDone(), onClose()),
    );
  };
  return (
    <Dialog open title={t('allocateTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        {pools.length === 0 && <Alert tone="warning">{t('noPools')}</Alert>}
        {pools.length === 1 ? (
          <p>
            {t('poolLabel')}: <span className="font-medium">{pools[0]?.name}</span>
          </p>
        ) : (
          <SelectField
            label={t('poolLabel')}
            value={networkId}
            onChange={(e) => setNetworkId(e.target.value)}
            options={[{ value: '', label: t('choosePool') }, ...pools.map((p) => ({ value: p.id, label: p.name }))]}
            error={form.fieldText(form.errors.networkId)}
          />
        )}
        {pools.length === 1 && form.errors.networkId && <p className="text-sm text-red-700">{form.fieldText(form.errors.networkId)}</p>}
        <TextField label={t('description')} value={description} onChange={(e) => setDescription(e.target.value)} error={form.fieldText(form.errors.description)} />
        {quota && <QuotaNote quota={quota} />}
        <FormActions busy={form.busy} cancelLabel={t('cancel')} submitLabel={t('allocate')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
