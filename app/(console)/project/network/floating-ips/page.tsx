import type { Metadata } from 'next';

import { FloatingIpsGuide } from '@/components/floating-ips/floating-ips-guide';
import { FloatingIpsView } from '@/components/floating-ips/floating-ips-view';
import { PageHeader } from '@/components/shell/page-header';
import { type FloatingIpListView, loadFloatingIps } from '@/lib/bff/floating-ips';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Floating IPs' };

export default async function FloatingIpsPage({ searchParams }: { searchParams: Promise<{ all?: string }> }) {
  const ctx = await loadScope();
  const t = await getTranslator();
  // Only admins get the all-projects view; for anyone else ?all=1 is ignored rather than an error page.
  const allProjects = ctx.isAdmin && (await searchParams).all === '1';
  let initialData: FloatingIpListView | undefined;
  try {
    initialData = await loadFloatingIps(ctx, { allProjects });
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  return (
    <>
      <PageHeader title={t('floatingIps.title')} description={t('floatingIps.intro')} />
      <div className="space-y-6">
        <FloatingIpsView key={allProjects ? 'all' : 'project'} scope={{ projectId: ctx.project.id, region: ctx.region }} isAdmin={ctx.isAdmin} allProjects={allProjects} initialData={initialData} />
        <FloatingIpsGuide />
      </div>
    </>
  );
}
