'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';

import { MetricChart } from '@/components/charts/metric-chart';
import { GuideTip } from '@/components/guide/guide-tip';
import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import { serverCpuQuery, serverCpuStreamUrl } from '@/lib/query/metric-queries';

import { LiveIndicator } from './live-indicator';
import { SimulateLoadButton } from './simulate-load-button';
import { useMetricStream } from './use-metric-stream';

/** The instance page's CPU chart: cpu_util of the last hour from Gnocchi, kept live by the BFF's stream. */
export function InstanceCpuPanel({ serverId }: { serverId: string }) {
  const t = useTranslations('metrics');
  const query = useQuery(serverCpuQuery(serverId));
  const stream = useMetricStream(serverCpuStreamUrl(serverId), serverCpuQuery(serverId).queryKey, query.isSuccess);
  const series = (query.data?.series ?? []).map((s) => ({ ...s, label: t('cpuUtil') }));

  return (
    <div data-testid="instance-cpu-panel">
      <Panel title={t('instanceTitle')} actions={<LiveIndicator status={stream.status} problem={stream.problem} />}>
        <div className="space-y-4">
          {query.isError ? (
            <ApiErrorNotice error={query.error} />
          ) : !query.data ? (
            <PanelSkeleton rows={5} />
          ) : (
            <MetricChart caption={t('instanceCaption')} series={series} unit="%" emptyText={t('instanceEmpty')} />
          )}
          <SimulateLoadButton serverIds={[serverId]} />
          <GuideTip
            title={t('guide.instanceTitle')}
            tip={t('guide.instanceTip')}
            cliLabel={t('guide.cli')}
            commands={[
              `openstack metric resource show ${serverId}`,
              `openstack metric measures show --resource-id ${serverId} cpu_util`,
              `openstack metric measures show --resource-id ${serverId} --aggregation rate:mean cpu`,
            ]}
          />
        </div>
      </Panel>
    </div>
  );
}
