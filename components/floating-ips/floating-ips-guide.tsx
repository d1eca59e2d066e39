'use client';

import { useTranslations } from 'use-intl';

import { GuideTip } from '@/components/guide/guide-tip';

/** What the operations guide says about floating IPs, in short, and the commands for the same work. */
export function FloatingIpsGuide() {
  const t = useTranslations('floatingIps');
  return (
    <GuideTip
      title={t('guide.title')}
      cliLabel={t('cliTitle')}
      commands={[
        'openstack floating ip list',
        'openstack floating ip create public',
        'openstack server add floating ip <instance> <address>',
        'openstack floating ip set --port <port> --fixed-ip-address <fixed-ip> <address>',
        'openstack floating ip unset --port <address>',
        'openstack floating ip delete <address> [<address> …]',
      ]}
    >
      <p>{t('guide.router')}</p>
      <p>{t('guide.nat')}</p>
      <p>{t('guide.securityGroups')}</p>
    </GuideTip>
  );
}
