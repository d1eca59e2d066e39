import type { Metadata } from 'next';

import { ProjectOverview } from '@/components/overview/project-overview';
import { PageHeader } from '@/components/shell/page-header';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { type ProjectOverview as Overview, loadOverview } from '@/lib/bff/overview';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: Overview | undefined;
  try {
    initialData = await loadOverview(ctx);
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  return (
    <>
      <PageHeader title={t('overview.title', { project: ctx.project.name })} description={t('overview.intro')} />
      <ProjectOverview scope={{ projectId: ctx.project.id, region: ctx.region }} initialData={initialData} />
    </>
  );
}
