import type { Metadata } from 'next';
import Link from 'next/link';

import { CLI } from '@/components/networks/cli-commands';
import { GuideTip } from '@/components/guide/guide-tip';
import { RouterDetail } from '@/components/routers/router-detail';
import { PageHeader } from '@/components/shell/page-header';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { type RouterDetailView, loadRouterDetail } from '@/lib/bff/routers';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Router' };

export default async function RouterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: RouterDetailView | undefined;
  try {
    initialData = await loadRouterDetail(ctx, id);
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  const name = initialData?.router.name || id;
  return (
    <>
      <PageHeader
        title={name}
        description={t('routers.detailIntro')}
        actions={
          <Link href="/project/network/routers" className="text-sm text-sky-800 hover:underline">
            {t('routers.backToList')}
          </Link>
        }
      />
      <div className="space-y-6">
        <GuideTip title={t('networks.guideTitle')} tip={t('routers.guideDetail')} cliLabel={t('networks.cliLabel')} commands={[CLI.router(name)]} />
        <RouterDetail scope={{ projectId: ctx.project.id, region: ctx.region }} id={id} isAdmin={ctx.isAdmin} initialData={initialData} />
      </div>
    </>
  );
}
