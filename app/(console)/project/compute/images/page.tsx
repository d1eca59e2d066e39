import type { Metadata } from 'next';

import { ImagesView } from '@/components/images/images-view';
import { PageHeader } from '@/components/shell/page-header';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { type ImageListView, loadImages } from '@/lib/bff/images';
import { getTranslator } from '@/lib/i18n/server';
import { imageListFilterSchema } from '@/lib/validation/images';

export const metadata: Metadata = { title: 'Images' };

export default async function ImagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await loadScope();
  const t = await getTranslator();
  const params = await searchParams;
  const { visibility } = imageListFilterSchema.parse({ visibility: params.visibility });
  const marker = typeof params.marker === 'string' && params.marker ? params.marker : undefined;
  let initialData: ImageListView | undefined;
  try {
    initialData = await loadImages(ctx, { visibility, marker });
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  return (
    <>
      <PageHeader title={t('images.title')} description={t('images.intro')} />
      <ImagesView
        key={`${visibility}:${marker ?? ''}`}
        scope={{ projectId: ctx.project.id, region: ctx.region }}
        visibility={visibility}
        marker={marker}
        initialData={initialData}
        csrfToken={ctx.session.csrf ?? ''}
      />
    </>
  );
}
