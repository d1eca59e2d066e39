import type { Metadata } from 'next';
import Link from 'next/link';

import { ImageDetail } from '@/components/images/image-detail';
import { PageHeader } from '@/components/shell/page-header';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { type ImageRow, loadImage } from '@/lib/bff/images';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Image' };

export default async function ImagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: ImageRow | undefined;
  try {
    initialData = await loadImage(ctx, id);
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  return (
    <>
      <PageHeader
        title={initialData?.name || id}
        description={t('images.detailIntro')}
        actions={
          <Link href="/project/compute/images" className="text-sm text-sky-800 hover:underline">
            {t('images.backToList')}
          </Link>
        }
      />
      <ImageDetail scope={{ projectId: ctx.project.id, region: ctx.region }} id={id} initialData={initialData} />
    </>
  );
}
