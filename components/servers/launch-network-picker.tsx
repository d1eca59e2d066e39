'use client';

import { useTranslations } from 'use-intl';

import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { SelectField } from '@/components/ui/select-field';
import type { LaunchNetwork } from '@/lib/bff/launch';

export type NetworkChoice = string[] | 'auto' | 'none';

/**
 * The networks to plug the instance into, one NIC each in the order checked. Without a network to
 * offer (none visible, or Neutron unreadable) it falls back to Nova's automatic choice or none.
 */
export function LaunchNetworkPicker({
  networks,
  value,
  onChange,
  error,
}: {
  networks: LaunchNetwork[];
  value: NetworkChoice;
  onChange: (value: NetworkChoice) => void;
  error: string | null;
}) {
  const t = useTranslations('launch');
  if (networks.length === 0) {
    return (
      <SelectField
        label={t('network')}
        value={Array.isArray(value) ? 'auto' : value}
        onChange={(e) => onChange(e.target.value as 'auto' | 'none')}
        options={[{ value: 'auto', label: t('networkAuto') }, { value: 'none', label: t('networkNone') }]}
        error={error}
      />
    );
  }
  const chosen = Array.isArray(value) ? value : [];
  return (
    <CheckboxGroup
      legend={t('networks')}
      options={networks.map((n) => ({
        value: n.id,
        label: chosen.includes(n.id) && chosen.length > 1 ? `${n.name} (${t('nicOrder', { index: chosen.indexOf(n.id) + 1 })})` : n.name,
        description: n.shared ? t('networkShared') : undefined,
      }))}
      value={chosen}
      onChange={onChange}
      error={error}
      hint={chosen.length === 0 ? t('noNetworkHint') : t('networksHint')}
    />
  );
}
