import type { Metadata } from 'next';
import Link from 'next/link';

import { CLI } from '@/components/networks/cli-commands';
import { GuideTip } from '@/components/guide/guide-tip';
import { NetworkDetail } from '@/components/networks/network-detail';
import { PageHeader } from '@/components/shell/page-header';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { type NetworkDetailView, loadNetworkDetail } from '@/lib/bff/networks';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Network' };

export default async function NetworkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: NetworkDetailView | undefined;
  try {
    initialData = await loadNetworkDetail(ctx, id);
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  const name = initialData?.network.name || id;
  return (
    <>
      <PageHeader
        title={name}
        description={t('networks.detailIntro')}
        actions={
          <Link href="/project/network/networks" className="text-sm text-sky-800 hover:underline">
            {t('networks.backToList')}
          </Link>
        }
      />
      <div className="space-y-6">
        <GuideTip title={t('networks.guideTitle')} tip={t('networks.guideDetail')} cliLabel={t('networks.cliLabel')} commands={[CLI.network(name)]} />
        <NetworkDetail scope={{ projectId: ctx.project.id, region: ctx.region }} id={id} isAdmin={ctx.isAdmin} initialData={initialData} />
      </div>
    </>
  );
}
