import type { Metadata } from 'next';

import { ApiAccessView } from '@/components/api-access/api-access-view';
import { PageHeader } from '@/components/shell/page-header';
import { type ApiAccessView as ApiAccess, loadApiAccess } from '@/lib/bff/api-access';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'API Access' };

export default async function ApiAccessPage() {
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: ApiAccess | undefined;
  try {
    initialData = await loadApiAccess(ctx);
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  return (
    <>
      <PageHeader title={t('apiAccess.title')} description={t('apiAccess.intro')} />
      <ApiAccessView scope={{ projectId: ctx.project.id, region: ctx.region }} initialData={initialData} />
    </>
  );
}
