import type { Metadata } from 'next';

import { FlavorsView } from '@/components/flavors/flavors-view';
import { PageHeader } from '@/components/shell/page-header';
import { type FlavorListView, loadFlavors } from '@/lib/bff/flavors';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Flavors' };

export default async function FlavorsPage() {
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: FlavorListView | undefined;
  try {
    initialData = await loadFlavors(ctx);
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  return (
    <>
      <PageHeader title={t('flavors.title')} description={t('flavors.intro')} />
      <FlavorsView scope={{ projectId: ctx.project.id, region: ctx.region }} initialData={initialData} />
    </>
  );
}
