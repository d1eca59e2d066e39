'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'use-intl';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { StackActionsMenu } from '@/components/stacks/list/stack-actions-menu';
import { StackStatusBadge } from '@/components/stacks/list/stack-status-badge';
import { PanelSkeleton } from '@/components/ui/panel';
import { Tabs } from '@/components/ui/tabs';
import type { Stack } from '@/lib/openstack/heat/types';
import type { Scope } from '@/lib/query/queries';
import { stackResourcesQuery, stackScalingQuery } from '@/lib/query/stack-detail-queries';
import { stackQuery } from '@/lib/query/stack-queries';

import { StackEvents } from './stack-events';
import { StackOutputs } from './stack-outputs';
import { StackOverview } from './stack-overview';
import { StackResources } from './stack-resources';
import { StackScaling } from './stack-scaling';
import { StackTemplate } from './stack-template';
import { StackTopology } from './stack-topology';

/**
 * The stack page: header (status with Heat's reason, actions) and the tabs. The stack polls while in
 * progress; events, resources and the scaling tab stay live while the stack or a scaling group changes.
 */
export function StackDetailView({ scope, id, initialData }: { scope: Scope; id: string; initialData?: { stack: Stack } }) {
  const t = useTranslations('stackDetail');
  const router = useRouter();
  const query = useQuery({ ...stackQuery(scope, id), initialData });
  const scaling = useQuery({ ...stackScalingQuery(scope, id), enabled: false, refetchInterval: false });
  // A stack with a scaling group is watched (cheaply: its top-level resources) so a resize makes the tabs live.
  const resources = useQuery({
    ...stackResourcesQuery(scope, id, 0),
    refetchInterval: (q) => (q.state.data?.resources.some((r) => r.type === 'OS::Heat::AutoScalingGroup') ? 10_000 : false),
  });
  if (query.isError) return <ApiErrorNotice error={query.error} />;
  if (!query.data) return <PanelSkeleton rows={8} />;
  const { stack } = query.data;
  const groupsChanging = (scaling.data?.groups ?? []).some((g) => g.current !== g.desired || g.members.some((m) => m.status !== 'ACTIVE'));
  const resizing = (resources.data?.resources ?? []).some((r) => r.status === 'IN_PROGRESS');
  const live = stack.status === 'IN_PROGRESS' || groupsChanging || resizing;
  const tabs = [
    { key: 'overview', title: t('tabs.overview'), content: <StackOverview stack={stack} /> },
    { key: 'topology', title: t('tabs.topology'), content: <StackTopology scope={scope} stackId={stack.id} live={live} /> },
    { key: 'resources', title: t('tabs.resources'), content: <StackResources scope={scope} stackId={stack.id} live={live} /> },
    { key: 'events', title: t('tabs.events'), content: <StackEvents scope={scope} stackId={stack.id} live={live} /> },
    { key: 'template', title: t('tabs.template'), content: <StackTemplate scope={scope} stackId={stack.id} /> },
    { key: 'outputs', title: t('tabs.outputs'), content: <StackOutputs scope={scope} stackId={stack.id} /> },
    { key: 'scaling', title: t('tabs.scaling'), content: <StackScaling scope={scope} stackId={stack.id} live={live} /> },
  ];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <div className="space-y-1" data-testid="stack-status">
          <StackStatusBadge status={stack} />
          {stack.status !== 'FAILED' && stack.reason && <p className="text-xs text-slate-600">{stack.reason}</p>}
          {live && (
            <p className="text-xs font-medium text-sky-800">
              <span aria-hidden className="mr-1 inline-block h-2 w-2 animate-pulse rounded-full bg-sky-600 motion-reduce:animate-none" />
              {t('live')}
            </p>
          )}
        </div>
        <div aria-label={t('actionsSlot')} role="group">
          <StackActionsMenu stack={stack} onDeleted={() => router.push('/project/orchestration/stacks')} />
        </div>
      </div>
      <Tabs label={t('tabsLabel')} tabs={tabs} />
    </div>
  );
}
