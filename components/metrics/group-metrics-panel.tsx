'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';

import { type ChartSeries, type EventMarker, MetricChart, type ThresholdLine } from '@/components/charts/metric-chart';
import { GuideTip } from '@/components/guide/guide-tip';
import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import type { GroupMetricsView } from '@/lib/bff/metrics-group-model';
import { stackMetricsQuery, stackStreamUrl } from '@/lib/query/metric-queries';

import { LiveIndicator } from './live-indicator';
import { SimulateLoadButton } from './simulate-load-button';
import { useMetricStream } from './use-metric-stream';

const OPERATORS: Record<string, string> = { lt: '<', le: '≤', eq: '=', ne: '≠', ge: '≥', gt: '>' };

/** Chart inputs from the BFF's view: the aggregate and member lines, the count on the right axis, labels. */
function chartInputs(view: GroupMetricsView, t: ReturnType<typeof useTranslations<'metrics'>>) {
  const series: ChartSeries[] = view.series.map((s) =>
    s.key === 'aggregate'
      ? { ...s, label: t('aggregateSeries') }
      : s.key === 'members'
        ? { ...s, label: t('memberCountSeries'), axis: 'right', stepped: true, color: '#64748b' }
        : s,
  );
  const thresholds: ThresholdLine[] = view.thresholds
    .filter((x) => x.percent !== null)
    .map((x) => ({
      value: x.percent as number,
      label: t('thresholdLabel', { alarm: x.alarmName, op: OPERATORS[x.operator] ?? x.operator, value: x.percent as number }),
      color: x.operator === 'lt' || x.operator === 'le' ? '#1d4ed8' : '#b91c1c',
    }));
  const markers: EventMarker[] = view.markers.map((m) => ({
    time: m.time,
    label: m.kind === 'alarm' ? t('markerAlarm', { alarm: m.name }) : t('markerScaled', { policy: m.name }),
    color: m.kind === 'alarm' ? '#b91c1c' : '#15803d',
  }));
  return { series, thresholds, markers };
}

/** The stack page's group chart: mean CPU of the members against the alarms' thresholds, live. */
export function GroupMetricsPanel({ stackId }: { stackId: string }) {
  const t = useTranslations('metrics');
  const query = useQuery(stackMetricsQuery(stackId));
  const stream = useMetricStream(stackStreamUrl(stackId), stackMetricsQuery(stackId).queryKey, query.isSuccess);
  const view = query.data;

  let body: React.ReactNode;
  if (query.isError) body = <ApiErrorNotice error={query.error} />;
  else if (!view) body = <PanelSkeleton rows={6} />;
  else if (!view.group) body = <p className="text-sm text-slate-600">{t('noGroup')}</p>;
  else {
    const { series, thresholds, markers } = chartInputs(view, t);
    const offScale = view.thresholds.filter((x) => x.percent === null);
    body = (
      <>
        <MetricChart
          caption={t('groupCaption', { group: view.group.name })}
          series={series}
          thresholds={thresholds}
          markers={markers}
          unit="%"
          rightAxisLabel={t('memberAxis')}
          height={280}
          emptyText={t('groupEmpty')}
        />
        {offScale.length > 0 && (
          <ul className="text-xs text-slate-600">
            {offScale.map((x) => (
              <li key={x.alarmId}>{t('thresholdNotCharted', { alarm: x.alarmName, op: OPERATORS[x.operator] ?? x.operator, value: x.threshold, metric: x.metric ?? '?' })}</li>
            ))}
          </ul>
        )}
        <SimulateLoadButton serverIds={view.members.map((m) => m.serverId)} />
      </>
    );
  }

  return (
    <div data-testid="group-metrics-panel">
      <Panel title={t('groupTitle')} actions={<LiveIndicator status={stream.status} problem={stream.problem} />}>
        <div className="space-y-4">
          {body}
          <GuideTip
            title={t('guide.groupTitle')}
            tip={t('guide.groupTip')}
            cliLabel={t('guide.cli')}
            commands={[
              `openstack stack resource list --nested-depth 2 ${stackId}`,
              `openstack metric aggregates --resource-type instance '(aggregate mean (metric cpu_util mean))' 'server_group=${stackId}'`,
              'openstack alarm list',
              'openstack alarm-history show <alarm-id>',
              `openstack stack event list ${stackId}`,
            ]}
          />
        </div>
      </Panel>
    </div>
  );
}
