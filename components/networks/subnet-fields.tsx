'use client';

import { useTranslations } from 'use-intl';

import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { GATEWAY_MODES, poolsToText, routesToText } from '@/lib/validation/subnets';
import type { Subnet } from '@/lib/openstack/neutron/types';

/** What the subnet fields edit, as the form holds it (text, as typed). */
export interface SubnetForm {
  name: string;
  cidr: string;
  ipVersion: '4' | '6';
  gatewayMode: (typeof GATEWAY_MODES)[number];
  gatewayIp: string;
  enableDhcp: boolean;
  allocationPools: string;
  dnsNameservers: string;
  hostRoutes: string;
}

export const EMPTY_SUBNET: SubnetForm = {
  name: '',
  cidr: '',
  ipVersion: '4',
  gatewayMode: 'auto',
  gatewayIp: '',
  enableDhcp: true,
  allocationPools: '',
  dnsNameservers: '',
  hostRoutes: '',
};

export function subnetFormOf(subnet: Subnet): SubnetForm {
  return {
    name: subnet.name,
    cidr: subnet.cidr,
    ipVersion: subnet.ipVersion === 6 ? '6' : '4',
    gatewayMode: subnet.gatewayIp ? 'custom' : 'none',
    gatewayIp: subnet.gatewayIp ?? '',
    enableDhcp: subnet.enableDhcp,
    allocationPools: poolsToText(subnet.allocationPools),
    dnsNameservers: subnet.dnsNameservers.join('\n'),
    hostRoutes: routesToText(subnet.hostRoutes),
  };
}

/** The request body for /api/subnets and the network form's `subnet` (ipVersion as a number). */
export const subnetRequest = (form: SubnetForm) => ({ ...form, ipVersion: Number(form.ipVersion) });

/**
 * A subnet's fields: CIDR and family (fixed once created), gateway (Neutron's pick, an address, or none),
 * DHCP, pools, DNS servers and host routes one per line. `error(field)` gives the text to show at a field.
 */
export function SubnetFields({
  form,
  onChange,
  error,
  creating,
}: {
  form: SubnetForm;
  onChange: (changes: Partial<SubnetForm>) => void;
  error: (field: keyof SubnetForm) => string | null;
  creating: boolean;
}) {
  const t = useTranslations('networks.subnetForm');
  const text = (field: 'name' | 'cidr' | 'gatewayIp' | 'allocationPools' | 'dnsNameservers' | 'hostRoutes') => ({
    value: form[field],
    error: error(field),
    onChange: (event: { target: { value: string } }) => onChange({ [field]: event.target.value }),
  });
  return (
    <fieldset className="space-y-3">
      <TextField label={t('name')} maxLength={255} {...text('name')} />
      <div className="grid grid-cols-[1fr_8rem] gap-3">
        <TextField label={t('cidr')} placeholder={form.ipVersion === '6' ? '2001:db8::/64' : '192.168.10.0/24'} readOnly={!creating} {...text('cidr')} />
        <SelectField
          label={t('ipVersion')}
          value={form.ipVersion}
          disabled={!creating}
          onChange={(event) => onChange({ ipVersion: event.target.value === '6' ? '6' : '4' })}
          options={[
            { value: '4', label: 'IPv4' },
            { value: '6', label: 'IPv6' },
          ]}
        />
      </div>
      <SelectField
        label={t('gateway')}
        value={form.gatewayMode}
        onChange={(event) => onChange({ gatewayMode: event.target.value as SubnetForm['gatewayMode'] })}
        options={GATEWAY_MODES.filter((mode) => creating || mode !== 'auto').map((mode) => ({ value: mode, label: t(`gatewayModes.${mode}`) }))}
        hint={form.gatewayMode === 'none' ? t('noGatewayHint') : undefined}
      />
      {form.gatewayMode === 'custom' && <TextField label={t('gatewayIp')} {...text('gatewayIp')} />}
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" checked={form.enableDhcp} onChange={(event) => onChange({ enableDhcp: event.target.checked })} />
        {t('enableDhcp')}
      </label>
      <TextareaField label={t('allocationPools')} hint={t('allocationPoolsHint')} rows={2} {...text('allocationPools')} />
      <TextareaField label={t('dnsNameservers')} hint={t('dnsNameserversHint')} rows={2} {...text('dnsNameservers')} />
      <TextareaField label={t('hostRoutes')} hint={t('hostRoutesHint')} rows={2} {...text('hostRoutes')} />
    </fieldset>
  );
}
