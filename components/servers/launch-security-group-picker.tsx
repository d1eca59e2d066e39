'use client';

import { useTranslations } from 'use-intl';

import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { outsideIngressRules } from '@/lib/network/outside-ingress';
import type { SecurityGroup, SecurityGroupRule } from '@/lib/openstack/neutron/types';

/** The security groups to apply, each with what it lets in from outside, so a user sees it before booting. */
export function LaunchSecurityGroupPicker({
  groups,
  value,
  onChange,
  error,
}: {
  groups: SecurityGroup[];
  value: string[];
  onChange: (value: string[]) => void;
  error: string | null;
}) {
  const t = useTranslations('launch');
  const opening = (rule: SecurityGroupRule): string => {
    const protocol = rule.protocol ? rule.protocol.toUpperCase() : t('anyProtocol');
    const ports =
      rule.portRangeMin === null || !['tcp', 'udp'].includes(rule.protocol ?? '')
        ? ''
        : rule.portRangeMin === rule.portRangeMax
          ? ` ${rule.portRangeMin}`
          : ` ${rule.portRangeMin}–${rule.portRangeMax}`;
    return `${protocol}${ports}`;
  };
  const options = groups.map((group) => {
    const openings = outsideIngressRules([group]).map(opening);
    return {
      value: group.name,
      label: group.name,
      description: openings.length ? t('groupLetsIn', { what: [...new Set(openings)].join(', ') }) : t('groupLetsNothingIn'),
    };
  });
  if (options.length === 0) options.push({ value: 'default', label: 'default', description: t('groupLetsNothingIn') });
  return <CheckboxGroup legend={t('securityGroupsLegend')} options={options} value={value} onChange={onChange} error={error} />;
}
