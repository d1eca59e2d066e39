'use client';

import { useTranslations } from 'use-intl';

import { GuideTip } from '@/components/guide/guide-tip';

/** The guides' advice on launching and changing stacks, and the CLI for the same work. */
export function StacksGuide() {
  const t = useTranslations('stacks');
  return (
    <GuideTip
      title={t('guide.title')}
      cliLabel={t('cliTitle')}
      commands={[
        'openstack stack list',
        'openstack orchestration template validate -t template.yaml -e environment.yaml',
        'openstack stack create -t template.yaml -e environment.yaml --parameter key_name=mykeypair --dry-run example1',
        'openstack stack create -t template.yaml -e environment.yaml --parameter key_name=mykeypair example1',
        'openstack stack update --existing --parameter max_size=3 example1',
        'openstack stack update -t template.yaml -e environment.yaml example1',
        'openstack stack suspend example1 && openstack stack resume example1',
        'openstack stack check example1',
        'openstack stack delete example1',
      ]}
    >
      <p>{t('guide.template')}</p>
      <p>{t('guide.validate')}</p>
      <p>{t('guide.update')}</p>
    </GuideTip>
  );
}
