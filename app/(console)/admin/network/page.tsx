import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { AgentRolesGuide } from '@/components/network-agents/agent-roles-guide';
import { NetworkAgentsView } from '@/components/network-agents/network-agents-view';
import { PageHeader } from '@/components/shell/page-header';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { type NetworkAgentsView as View, loadNetworkAgents } from '@/lib/bff/network-agents';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Network agents' };

export default async function NetworkAgentsPage() {
  const ctx = await loadScope();
  if (!ctx.isAdmin) notFound();
  const t = await getTranslator();
  let initialData: View | undefined;
  try {
    initialData = await loadNetworkAgents(ctx);
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  return (
    <>
      <PageHeader title={t('networkAgents.title')} description={t('networkAgents.intro')} />
      <div className="space-y-6">
        <NetworkAgentsView scope={{ projectId: ctx.project.id, region: ctx.region }} initialData={initialData} />
        <AgentRolesGuide />
      </div>
    </>
  );
}
