import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { GuideTip } from '@/components/guide/guide-tip';
import { SecurityGroupDetail } from '@/components/security-groups/security-group-detail';
import { PageHeader } from '@/components/shell/page-header';
import { toApiError } from '@/lib/bff/api-error';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { type SecurityGroupDetailView, loadSecurityGroup } from '@/lib/bff/security-groups';
import { shellQuote } from '@/lib/bff/shell-quote';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Security group' };

export default async function SecurityGroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: SecurityGroupDetailView | undefined;
  try {
    initialData = await loadSecurityGroup(ctx, id);
  } catch (error) {
    redirectIfSessionEnded(error);
    if (toApiError(error).payload.status === 404) notFound();
  }
  const name = initialData?.group.name || id;
  const arg = /^[A-Za-z0-9._-]+$/.test(name) ? name : shellQuote(name);
  return (
    <>
      <nav aria-label={t('securityGroups.breadcrumb')} className="mb-2 text-sm">
        <Link href="/project/network/security-groups" className="text-sky-700 hover:underline">
          {t('securityGroups.title')}
        </Link>
      </nav>
      <PageHeader title={t('securityGroups.detailTitle', { name })} description={t('securityGroups.detailIntro')} />
      <div className="space-y-6">
        <SecurityGroupDetail scope={{ projectId: ctx.project.id, region: ctx.region }} id={id} initialData={initialData} />
        <GuideTip
          title={t('securityGroups.guide.title')}
          tip={t('securityGroups.guide.rulesTip')}
          cliLabel={t('securityGroups.guide.cli')}
          commands={[
            `openstack security group rule list ${arg}`,
            `openstack security group rule create --ingress --protocol tcp --dst-port 22 --remote-ip 203.0.113.0/24 ${arg}`,
            `openstack security group rule create --ingress --protocol icmp --icmp-type 8 ${arg}`,
            'openstack security group rule delete <rule-id> [<rule-id> …]',
          ]}
        />
      </div>
    </>
  );
}
