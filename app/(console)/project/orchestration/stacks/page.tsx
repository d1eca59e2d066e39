import type { Metadata } from 'next';

import { PageHeader } from '@/components/shell/page-header';
import { StacksGuide } from '@/components/stacks/list/stacks-guide';
import { StacksView } from '@/components/stacks/list/stacks-view';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { loadStacks } from '@/lib/bff/stacks';
import { getTranslator } from '@/lib/i18n/server';
import type { StackSummary } from '@/lib/openstack/heat/types';

export const metadata: Metadata = { title: 'Stacks' };

export default async function StacksPage() {
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: { stacks: StackSummary[] } | undefined;
  try {
    initialData = await loadStacks(ctx);
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  return (
    <>
      <PageHeader title={t('stacks.title')} description={t('stacks.intro')} />
      <div className="space-y-6">
        <StacksView scope={{ projectId: ctx.project.id, region: ctx.region }} initialData={initialData} />
        <StacksGuide />
      </div>
    </>
  );
}
