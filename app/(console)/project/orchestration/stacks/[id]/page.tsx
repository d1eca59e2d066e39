import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { PageHeader } from '@/components/shell/page-header';
import { StackDetailGuide } from '@/components/stacks/detail/stack-detail-guide';
import { StackDetailView } from '@/components/stacks/detail/stack-detail-view';
import { toApiError } from '@/lib/bff/api-error';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { loadStack } from '@/lib/bff/stacks';
import { getTranslator } from '@/lib/i18n/server';
import type { Stack } from '@/lib/openstack/heat/types';

export const metadata: Metadata = { title: 'Stack' };

export default async function StackPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: { stack: Stack } | undefined;
  try {
    initialData = await loadStack(ctx, id);
  } catch (error) {
    redirectIfSessionEnded(error);
    if (toApiError(error).payload.status === 404) notFound();
  }
  const name = initialData?.stack.name || id;
  return (
    <>
      <nav aria-label={t('stackDetail.breadcrumb')} className="mb-2 text-sm">
        <Link href="/project/orchestration/stacks" className="text-sky-700 hover:underline">
          {t('stackDetail.stacks')}
        </Link>
      </nav>
      <PageHeader title={t('stackDetail.title', { name })} description={t('stackDetail.intro')} />
      <div className="space-y-6">
        <StackDetailView scope={{ projectId: ctx.project.id, region: ctx.region }} id={id} initialData={initialData} />
        <StackDetailGuide
          name={name}
          texts={{ title: t('stackDetail.guide.title'), tip: t('stackDetail.guide.tip'), cli: t('stackDetail.guide.cli'), curlNote: t('stackDetail.guide.curlNote') }}
        />
      </div>
    </>
  );
}
