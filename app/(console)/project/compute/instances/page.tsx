import type { Metadata } from 'next';

import { InstancesView } from '@/components/servers/instances-view';
import { PageHeader } from '@/components/shell/page-header';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { type ServerListView, loadServerList } from '@/lib/bff/servers';
import { getTranslator } from '@/lib/i18n/server';
import { serverListSchema } from '@/lib/validation/servers';

export const metadata: Metadata = { title: 'Instances' };

export default async function InstancesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await loadScope();
  const t = await getTranslator();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = serverListSchema.safeParse(raw);
  let initialData: ServerListView | undefined;
  if (parsed.success && (!parsed.data.all || ctx.isAdmin)) {
    try {
      initialData = await loadServerList(ctx, parsed.data);
    } catch (error) {
      redirectIfSessionEnded(error);
    }
  }
  return (
    <>
      <PageHeader title={t('instances.title')} description={t('instances.intro')} />
      <InstancesView scope={{ projectId: ctx.project.id, region: ctx.region }} isAdmin={ctx.isAdmin} initialData={initialData} />
    </>
  );
}
