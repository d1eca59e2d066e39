import type { Metadata } from 'next';

import { PageHeader } from '@/components/shell/page-header';
import { VolumesView } from '@/components/volumes/volumes-view';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { type VolumeListView, loadVolumes } from '@/lib/bff/volumes';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Volumes' };

export default async function VolumesPage() {
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: VolumeListView | undefined;
  try {
    initialData = await loadVolumes(ctx);
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  return (
    <>
      <PageHeader title={t('volumes.title')} description={t('volumes.intro')} />
      <VolumesView scope={{ projectId: ctx.project.id, region: ctx.region }} initialData={initialData} />
    </>
  );
}
