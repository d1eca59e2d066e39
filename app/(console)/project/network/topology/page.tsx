import type { Metadata } from 'next';

import { CLI } from '@/components/networks/cli-commands';
import { GuideTip } from '@/components/guide/guide-tip';
import { TopologyView } from '@/components/topology/topology-view';
import { PageHeader } from '@/components/shell/page-header';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { type TopologyGraph, loadTopology } from '@/lib/bff/topology';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Network topology' };

export default async function TopologyPage() {
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: TopologyGraph | undefined;
  try {
    initialData = await loadTopology(ctx);
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  return (
    <>
      <PageHeader title={t('topology.title')} description={t('topology.intro')} />
      <div className="space-y-6">
        <GuideTip title={t('networks.guideTitle')} tip={t('topology.guide')} cliLabel={t('networks.cliLabel')} commands={[CLI.topology]} />
        <TopologyView scope={{ projectId: ctx.project.id, region: ctx.region }} initialData={initialData} />
      </div>
    </>
  );
}
