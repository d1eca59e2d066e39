import type { Metadata } from 'next';

import { CLI } from '@/components/networks/cli-commands';
import { GuideTip } from '@/components/guide/guide-tip';
import { RoutersView } from '@/components/routers/routers-view';
import { PageHeader } from '@/components/shell/page-header';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { type RouterListView, loadRouters } from '@/lib/bff/routers';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Routers' };

export default async function RoutersPage() {
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: RouterListView | undefined;
  try {
    initialData = await loadRouters(ctx);
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  return (
    <>
      <PageHeader title={t('routers.title')} description={t('routers.intro')} />
      <div className="space-y-6">
        <GuideTip title={t('networks.guideTitle')} tip={t('routers.guideList')} cliLabel={t('networks.cliLabel')} commands={[CLI.routers]} />
        <RoutersView scope={{ projectId: ctx.project.id, region: ctx.region }} isAdmin={ctx.isAdmin} initialData={initialData} />
      </div>
    </>
  );
}
