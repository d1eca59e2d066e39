'use client';

import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslations } from 'use-intl';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Dialog } from '@/components/ui/dialog';
import { FormActions } from '@/components/ui/form-actions';
import { PanelSkeleton } from '@/components/ui/panel';
import { SelectField } from '@/components/ui/select-field';
import type { FloatingIpRow } from '@/lib/bff/floating-ips';
import { apiFetch } from '@/lib/query/api';
import { associateTargetsQuery } from '@/lib/query/floating-ip-queries';
import type { Scope } from '@/lib/query/queries';
import { associateFloatingIpSchema } from '@/lib/validation/floating-ips';

import { splitTargets, targetKey } from './split-targets';
import { UnreachableTargets } from './unreachable-targets';
import { useFloatingIpForm } from './use-floating-ip-form';

/** Pick an instance, then one of its fixed IPs; only those that can reach the address's pool are offered. */
export function AssociateDialog({ scope, fip, onClose, onDone }: { scope: Scope; fip: FloatingIpRow; onClose: () => void; onDone: () => void }) {
  const t = useTranslations('floatingIps');
  const query = useQuery(associateTargetsQuery(scope));
  const [serverId, setServerId] = useState('');
  const [target, setTarget] = useState('');
  const form = useFloatingIpForm(associateFloatingIpSchema);
  const { usable, unreachable } = splitTargets(query.data?.targets ?? [], fip.floatingNetworkId);
  const servers = [...new Map(usable.map((u) => [u.serverId, u.serverName || u.serverId])).entries()];
  const serverTargets = usable.filter((u) => u.serverId === serverId);

  const chooseServer = (id: string) => {
    setServerId(id);
    const first = usable.find((u) => u.serverId === id);
    setTarget(first ? targetKey(first) : '');
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = usable.find((u) => targetKey(u) === target);
    void form.submit(
      { portId: chosen?.portId ?? '', fixedIpAddress: chosen?.fixedIpAddress ?? '' },
      (data) => apiFetch(`/api/floating-ips/${encodeURIComponent(fip.id)}/port`, { method: 'PUT', body: data }),
      () => t('associated', { address: fip.floatingIpAddress, fixedIp: chosen?.fixedIpAddress ?? '' }),
      () => (onDone(), onClose()),
    );
  };

  return (
    <Dialog open title={t('associateTitle', { address: fip.floatingIpAddress })} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        {query.isError ? (
          <ApiErrorNotice error={query.error} />
        ) : !query.data ? (
          <PanelSkeleton rows={2} />
        ) : (
          <>
            <SelectField
              label={t('instance')}
              value={serverId}
              onChange={(e) => chooseServer(e.target.value)}
              options={[{ value: '', label: servers.length ? t('chooseInstance') : t('noInstances') }, ...servers.map(([id, name]) => ({ value: id, label: name }))]}
            />
            <SelectField
              label={t('fixedIp')}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              disabled={!serverId}
              options={[{ value: '', label: t('chooseFixedIp') }, ...serverTargets.map((u) => ({ value: targetKey(u), label: `${u.fixedIpAddress} (${u.networkName ?? u.networkId})` }))]}
              error={form.fieldText(form.errors.portId)}
            />
            <UnreachableTargets targets={unreachable} pool={fip.poolName ?? fip.floatingNetworkId} />
          </>
        )}
        <FormActions busy={form.busy} cancelLabel={t('cancel')} submitLabel={t('associate')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
