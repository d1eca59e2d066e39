'use client';

import { type FormEvent, useState } from 'react';
import { useTranslations } from 'use-intl';

import { CheckboxField } from '@/components/networks/checkbox-field';
import { Dialog } from '@/components/ui/dialog';
import { FormActions } from '@/components/ui/form-actions';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { zodFields } from '@/components/ui/use-api-feedback';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import type { RouterDetailView } from '@/lib/bff/routers';
import type { Router } from '@/lib/openstack/neutron/types';
import { apiFetch } from '@/lib/query/api';
import { routesToText } from '@/lib/validation/subnets';
import { createRouterInput, routerInterfaceInput, routerRoutesInput, unreachableNextHop } from '@/lib/validation/routers';

type NetworkChoice = { id: string; name: string };

/** A router, with an external gateway when a network is chosen (floating IPs need one). */
export function CreateRouterDialog({ externalNetworks, isAdmin, onClose, onCreated }: { externalNetworks: NetworkChoice[]; isAdmin: boolean; onClose: () => void; onCreated: () => void }) {
  const t = useTranslations('routers');
  const { fieldText, toastSuccess, errors, setErrors, busy, send } = useFormSubmit('networks');
  const [form, setForm] = useState({ name: '', description: '', adminStateUp: true, externalNetworkId: externalNetworks[0]?.id ?? '', enableSnat: true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = createRouterInput.safeParse(form);
    setErrors(parsed.success ? {} : zodFields(parsed.error.issues));
    if (!parsed.success) return;
    await send(async () => {
      await apiFetch('/api/routers', { method: 'POST', body: form });
      toastSuccess(t('created', { name: form.name || t('unnamed') }));
      onCreated();
      onClose();
    });
  };

  return (
    <Dialog open title={t('createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <TextField label={t('name')} value={form.name} maxLength={255} onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} error={fieldText(errors.name)} />
        <TextField label={t('description')} value={form.description} onChange={(e) => setForm((f) => ({ ...f, description: e.target.value }))} error={fieldText(errors.description)} />
        <CheckboxField label={t('adminStateUp')} checked={form.adminStateUp} onChange={(adminStateUp) => setForm((f) => ({ ...f, adminStateUp }))} />
        <GatewayFields networks={externalNetworks} isAdmin={isAdmin} networkId={form.externalNetworkId} enableSnat={form.enableSnat} error={fieldText(errors.externalNetworkId)} onChange={(changes) => setForm((f) => ({ ...f, ...changes }))} />
        <FormActions busy={busy} cancelLabel={t('cancel')} submitLabel={t('create')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function GatewayFields({
  networks,
  isAdmin,
  networkId,
  enableSnat,
  error,
  onChange,
}: {
  networks: NetworkChoice[];
  isAdmin: boolean;
  networkId: string;
  enableSnat: boolean;
  error: string | null;
  onChange: (changes: { externalNetworkId?: string; enableSnat?: boolean }) => void;
}) {
  const t = useTranslations('routers');
  return (
    <>
      <SelectField
        label={t('externalNetwork')}
        value={networkId}
        error={error}
        hint={networkId ? undefined : t('noGatewayHint')}
        onChange={(e) => onChange({ externalNetworkId: e.target.value })}
        options={[{ value: '', label: t('noGateway') }, ...networks.map((n) => ({ value: n.id, label: n.name }))]}
      />
      {networkId && isAdmin && <CheckboxField label={t('enableSnat')} checked={enableSnat} onChange={(on) => onChange({ enableSnat: on })} />}
      {networkId && !isAdmin && <p className="text-xs text-slate-600">{t('snatDefault')}</p>}
    </>
  );
}

/** Sets the router's external gateway, or clears it (floating IPs behind it stop working). */
export function GatewayDialog({ router, externalNetworks, isAdmin, onClose, onSaved }: { router: Router; externalNetworks: NetworkChoice[]; isAdmin: boolean; onClose: () => void; onSaved: () => void }) {
  const t = useTranslations('routers');
  const { fieldText, toastSuccess, errors, busy, send } = useFormSubmit('networks');
  const [form, setForm] = useState({ externalNetworkId: router.externalGateway?.networkId ?? externalNetworks[0]?.id ?? '', enableSnat: router.externalGateway?.enableSnat ?? true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send(async () => {
      await apiFetch(`/api/routers/${encodeURIComponent(router.id)}/gateway`, { method: 'PUT', body: { networkId: form.externalNetworkId, enableSnat: form.enableSnat } });
      toastSuccess(form.externalNetworkId ? t('gatewaySet') : t('gatewayCleared'));
      onSaved();
      onClose();
    });
  };

  return (
    <Dialog open title={t('gatewayTitle', { name: router.name || router.id })} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <GatewayFields networks={externalNetworks} isAdmin={isAdmin} networkId={form.externalNetworkId} enableSnat={form.enableSnat} error={fieldText(errors.networkId)} onChange={(changes) => setForm((f) => ({ ...f, ...changes }))} />
        <FormActions busy={busy} cancelLabel={t('cancel')} submitLabel={t('save')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Connects one of the project's subnets (one not on the router yet); the router takes the subnet's gateway address. */
export function AddInterfaceDialog({ router, subnets, onClose, onSaved }: { router: Router; subnets: RouterDetailView['attachableSubnets']; onClose: () => void; onSaved: () => void }) {
  const t = useTranslations('routers');
  const { fieldText, toastSuccess, errors, setErrors, busy, send } = useFormSubmit('networks');
  const [subnetId, setSubnetId] = useState(subnets[0]?.id ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = routerInterfaceInput.safeParse({ subnetId });
    setErrors(parsed.success ? {} : zodFields(parsed.error.issues));
    if (!parsed.success) return;
    const chosen = subnets.find((s) => s.id === subnetId);
    await send(async () => {
      await apiFetch(`/api/routers/${encodeURIComponent(router.id)}/interfaces`, { method: 'POST', body: { subnetId } });
      toastSuccess(t('interfaceAdded', { subnet: chosen ? `${chosen.networkName}: ${chosen.cidr}` : subnetId }));
      onSaved();
      onClose();
    });
  };

  return (
    <Dialog open title={t('addInterfaceTitle', { name: router.name || router.id })} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <SelectField
          label={t('subnet')}
          value={subnetId}
          error={fieldText(errors.subnetId)}
          hint={subnets.length === 0 ? t('noAttachableSubnets') : undefined}
          onChange={(e) => setSubnetId(e.target.value)}
          options={[{ value: '', label: t('choose') }, ...subnets.map((s) => ({ value: s.id, label: `${s.networkName}: ${s.name} (${s.cidr})` }))]}
        />
        <FormActions busy={busy} cancelLabel={t('cancel')} submitLabel={t('addInterface')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** The router's static routes, one "destination,next hop" per line; each next hop must sit in a connected subnet. */
export function RoutesDialog({ router, connectedCidrs, onClose, onSaved }: { router: Router; connectedCidrs: string[]; onClose: () => void; onSaved: () => void }) {
  const t = useTranslations('routers');
  const { fieldText, toastSuccess, errors, setErrors, busy, send } = useFormSubmit('networks');
  const [text, setText] = useState(routesToText(router.routes));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = routerRoutesInput.safeParse({ routes: text });
    const found = parsed.success ? {} : zodFields(parsed.error.issues);
    if (parsed.success && unreachableNextHop(parsed.data.routes, connectedCidrs)) found.routes = 'nexthop_unreachable';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await send(async () => {
      await apiFetch(`/api/routers/${encodeURIComponent(router.id)}/routes`, { method: 'PUT', body: { routes: text } });
      toastSuccess(t('routesSaved'));
      onSaved();
      onClose();
    });
  };

  return (
    <Dialog open title={t('routesTitle', { name: router.name || router.id })} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <TextareaField
          label={t('staticRoutes')}
          hint={t('routesHint', { cidrs: connectedCidrs.join(', ') || '—' })}
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={fieldText(errors.routes)}
        />
        <FormActions busy={busy} cancelLabel={t('cancel')} submitLabel={t('save')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
