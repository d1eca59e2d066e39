import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { InstanceDetail } from '@/components/servers/instance-detail';
import { PageHeader } from '@/components/shell/page-header';
import { toApiError } from '@/lib/bff/api-error';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { type ServerDetailView, loadServerDetail } from '@/lib/bff/servers';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Instance' };

export default async function InstancePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: ServerDetailView | undefined;
  try {
    initialData = await loadServerDetail(ctx, id);
  } catch (error) {
    redirectIfSessionEnded(error);
    if (toApiError(error).payload.status === 404) notFound();
  }
  return (
    <>
      <nav aria-label={t('instanceDetail.breadcrumb')} className="mb-2 text-sm">
        <Link href="/project/compute/instances" className="text-sky-700 hover:underline">
          {t('instances.title')}
        </Link>
      </nav>
      <PageHeader title={initialData?.server.name || t('instanceDetail.title')} />
      <InstanceDetail scope={{ projectId: ctx.project.id, region: ctx.region }} id={id} isAdmin={ctx.isAdmin} initialData={initialData} />
    </>
  );
}
