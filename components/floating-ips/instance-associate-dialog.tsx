'use client';

import { type FormEvent, useState } from 'react';
import { useTranslations } from 'use-intl';

import { Dialog } from '@/components/ui/dialog';
import { FormActions } from '@/components/ui/form-actions';
import { SelectField } from '@/components/ui/select-field';
import type { ServerFloatingIpsView } from '@/lib/bff/floating-ips';
import type { FloatingIp } from '@/lib/openstack/neutron/types';
import { apiFetch } from '@/lib/query/api';
import { serverFloatingIpSchema } from '@/lib/validation/floating-ips';

import { splitTargets, targetKey } from './split-targets';
import { UnreachableTargets } from './unreachable-targets';
import { useFloatingIpForm } from './use-floating-ip-form';

type Mode = 'existing' | 'allocate';

/** From the instance page: an existing free address, or allocate-and-associate, onto one of its fixed IPs. */
export function InstanceAssociateDialog({ serverId, view, onClose, onDone }: { serverId: string; view: ServerFloatingIpsView; onClose: () => void; onDone: () => void }) {
  const t = useTranslations('floatingIps');
  const [mode, setMode] = useState<Mode>(view.available.length ? 'existing' : 'allocate');
  const [floatingIpId, setFloatingIpId] = useState(view.available[0]?.id ?? '');
  const [networkId, setNetworkId] = useState(view.pools[0]?.id ?? '');
  const form = useFloatingIpForm(serverFloatingIpSchema);
  const poolId = mode === 'existing' ? (view.available.find((f) => f.id === floatingIpId)?.floatingNetworkId ?? '') : networkId;
  const poolName = view.pools.find((p) => p.id === poolId)?.name ?? poolId;
  const { usable, unreachable } = splitTargets(view.targets, poolId);
  const [picked, setTarget] = useState('');
  const target = usable.some((u) => targetKey(u) === picked) ? picked : usable[0] ? targetKey(usable[0]) : '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = usable.find((u) => targetKey(u) === target);
    void form.submit(
      { mode, floatingIpId, networkId, portId: chosen?.portId ?? '', fixedIpAddress: chosen?.fixedIpAddress ?? '' },
      (data) => apiFetch<{ floatingIp: FloatingIp }>(`/api/servers/${encodeURIComponent(serverId)}/floating-ips`, { method: 'POST', body: data }),
      (answer) => t('associated', { address: (answer as { floatingIp: FloatingIp }).floatingIp.floatingIpAddress, fixedIp: chosen?.fixedIpAddress ?? '' }),
      () => (onDone(), onClose()),
    );
  };

  return (
    <Dialog open title={t('associateToInstance')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">{t('source')}</legend>
          {(['existing', 'allocate'] as const).map((m) => (
            <label key={m} className="flex items-center gap-2 text-sm">
              <input type="radio" name="fip-mode" value={m} checked={mode === m} disabled={m === 'existing' && view.available.length === 0} onChange={() => setMode(m)} />
              {t(`mode.${m}`)}
            </label>
          ))}
        </fieldset>
        {mode === 'existing' ? (
          <SelectField
            label={t('address')}
            value={floatingIpId}
            onChange={(e) => setFloatingIpId(e.target.value)}
            options={view.available.map((f) => ({ value: f.id, label: `${f.floatingIpAddress} (${f.poolName ?? f.floatingNetworkId})` }))}
            error={form.fieldText(form.errors.floatingIpId)}
          />
        ) : (
          <SelectField
            label={t('poolLabel')}
            value={networkId}
            onChange={(e) => setNetworkId(e.target.value)}
            options={[{ value: '', label: t('choosePool') }, ...view.pools.map((p) => ({ value: p.id, label: p.name }))]}
            error={form.fieldText(form.errors.networkId)}
          />
        )}
        <SelectField
          label={t('fixedIp')}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          options={usable.length ? usable.map((u) => ({ value: targetKey(u), label: `${u.fixedIpAddress} (${u.networkName ?? u.networkId})` })) : [{ value: '', label: t('noReachableFixedIp') }]}
          error={form.fieldText(form.errors.portId)}
        />
        <UnreachableTargets targets={unreachable} pool={poolName} />
        <FormActions busy={form.busy} cancelLabel={t('cancel')} submitLabel={t('associate')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
