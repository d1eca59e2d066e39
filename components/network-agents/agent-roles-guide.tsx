'use client';

import { useTranslations } from 'use-intl';

import { GuideTip } from '@/components/guide/guide-tip';

const ROLES = ['controller', 'gateway', 'metadata', 'ovs', 'dhcp', 'l3'] as const;

/** Which agent does what (after the OVN guide), what a down one means, and the commands. */
export function AgentRolesGuide() {
  const t = useTranslations('networkAgents');
  return (
    <GuideTip
      title={t('guide.title')}
      cliLabel={t('cliTitle')}
      commands={['openstack network agent list', 'openstack network agent list --host <host>', 'openstack network agent show <agent-id>', 'openstack network agent set --disable <agent-id>', 'openstack network agent set --enable <agent-id>']}
    >
      <p>{t('guide.intro')}</p>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {ROLES.map((role) => (
          <div key={role} className="contents">
            <dt className="font-medium">{t(`guide.roles.${role}.name`)}</dt>
            <dd>{t(`guide.roles.${role}.does`)}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2">{t('guide.down')}</p>
    </GuideTip>
  );
}
