import type { Metadata } from 'next';

import { CLI } from '@/components/networks/cli-commands';
import { GuideTip } from '@/components/guide/guide-tip';
import { NetworksView } from '@/components/networks/networks-view';
import { PageHeader } from '@/components/shell/page-header';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { type NetworkListView, loadNetworks } from '@/lib/bff/networks';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Networks' };

export default async function NetworksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await loadScope();
  const t = await getTranslator();
  const allProjects = ctx.isAdmin && (await searchParams).all === '1';
  let initialData: NetworkListView | undefined;
  try {
    initialData = await loadNetworks(ctx, { allProjects });
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  return (
    <>
      <PageHeader title={t('networks.title')} description={t('networks.intro')} />
      <div className="space-y-6">
        <GuideTip title={t('networks.guideTitle')} tip={t('networks.guideList')} cliLabel={t('networks.cliLabel')} commands={[CLI.networks]} />
        <NetworksView scope={{ projectId: ctx.project.id, region: ctx.region }} isAdmin={ctx.isAdmin} allProjects={allProjects} initialData={initialData} />
      </div>
    </>
  );
}
