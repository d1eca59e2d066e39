import type { Metadata } from 'next';

import { PageHeader } from '@/components/shell/page-header';
import { LaunchWizard } from '@/components/stacks/launch/launch-wizard';
import { StacksGuide } from '@/components/stacks/list/stacks-guide';
import { loadScope } from '@/lib/bff/guard';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Launch stack' };

export default async function LaunchStackPage() {
  const ctx = await loadScope();
  const t = await getTranslator();
  return (
    <>
      <PageHeader title={t('stacks.launchTitle')} description={t('stacks.launchIntro')} />
      <div className="space-y-6">
        <LaunchWizard scope={{ projectId: ctx.project.id, region: ctx.region }} />
        <StacksGuide />
      </div>
    </>
  );
}
