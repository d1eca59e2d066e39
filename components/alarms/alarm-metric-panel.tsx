'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';

import { MetricChart } from '@/components/charts/metric-chart';
import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import { alarmMeasuresQuery } from '@/lib/query/alarm-queries';
import type { Scope } from '@/lib/query/queries';

const STATE_COLORS = { ok: '#15803d', alarm: '#b91c1c', 'insufficient data': '#64748b' } as const;
const STATE_KEYS = { ok: 'ok', alarm: 'alarm', 'insufficient data': 'insufficientData' } as const;

/** The metric that drives the alarm, with the threshold line and a marker wherever the state changed. */
export function AlarmMetricPanel({ scope, id }: { scope: Scope; id: string }) {
  const t = useTranslations('alarms.chart');
  const tStates = useTranslations('alarms.states');
  const query = useQuery(alarmMeasuresQuery(scope, id));
  return (
    <Panel title={t('title')}>
      <QueryPanelBody query={query} skeletonRows={4}>
        {(data) =>
          data.unsupported ? (
            <p className="py-4 text-sm text-slate-500">{t('unsupported', { type: data.unsupported })}</p>
          ) : (
            <MetricChart
              caption={data.aggregation && data.aggregation !== 'mean' ? t('captionAggregate', { metric: data.metric, aggregation: data.aggregation }) : t('caption', { metric: data.metric })}
              unit={data.metric === 'cpu_util' ? '%' : undefined}
              series={[{ key: 'metric', label: data.metric, measures: data.measures }]}
              thresholds={[{ value: data.threshold, label: t('threshold', { value: data.threshold }), color: '#b91c1c' }]}
              markers={data.transitions.map((tr) => ({
                time: tr.time,
                label: tStates(STATE_KEYS[tr.state] ?? 'insufficientData'),
                color: STATE_COLORS[tr.state] ?? STATE_COLORS['insufficient data'],
              }))}
              emptyText={t('empty')}
            />
          )
        }
      </QueryPanelBody>
    </Panel>
  );
}
