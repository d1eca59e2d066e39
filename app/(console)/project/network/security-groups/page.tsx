import type { Metadata } from 'next';

import { GuideTip } from '@/components/guide/guide-tip';
import { SecurityGroupsView } from '@/components/security-groups/security-groups-view';
import { PageHeader } from '@/components/shell/page-header';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { type SecurityGroupListView, loadSecurityGroups } from '@/lib/bff/security-groups';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Security groups' };

export default async function SecurityGroupsPage() {
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: SecurityGroupListView | undefined;
  try {
    initialData = await loadSecurityGroups(ctx);
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  return (
    <>
      <PageHeader title={t('securityGroups.title')} description={t('securityGroups.intro')} />
      <div className="space-y-6">
        <SecurityGroupsView scope={{ projectId: ctx.project.id, region: ctx.region }} initialData={initialData} />
        <GuideTip
          title={t('securityGroups.guide.title')}
          tip={t('securityGroups.guide.listTip')}
          cliLabel={t('securityGroups.guide.cli')}
          commands={['openstack security group list', 'openstack security group create web --description "Web servers"', 'openstack security group delete web']}
        />
      </div>
    </>
  );
}
