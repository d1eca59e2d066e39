import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { AdminOverview } from '@/components/admin/admin-overview';
import { PageHeader } from '@/components/shell/page-header';
import { loadScope } from '@/lib/bff/guard';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Admin overview' };

export default async function AdminOverviewPage() {
  const ctx = await loadScope();
  if (!ctx.isAdmin) notFound();
  const t = await getTranslator();
  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.intro')} />
      <AdminOverview scope={{ projectId: ctx.project.id, region: ctx.region }} />
    </>
  );
}
