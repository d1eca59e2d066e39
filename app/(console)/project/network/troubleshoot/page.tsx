import type { Metadata } from 'next';
import { Suspense } from 'react';

import { PageHeader } from '@/components/shell/page-header';
import { TroubleshootView } from '@/components/troubleshoot/troubleshoot-view';
import { PanelSkeleton } from '@/components/ui/panel';
import { loadScope } from '@/lib/bff/guard';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Connectivity troubleshooter' };

export default async function TroubleshootPage() {
  const ctx = await loadScope();
  const t = await getTranslator();
  return (
    <>
      <PageHeader title={t('troubleshoot.title')} description={t('troubleshoot.intro')} />
      {/* The question is read from the URL on the client (useSearchParams needs a Suspense boundary). */}
      <Suspense fallback={<PanelSkeleton rows={6} />}>
        <TroubleshootView scope={{ projectId: ctx.project.id, region: ctx.region }} />
      </Suspense>
    </>
  );
}
