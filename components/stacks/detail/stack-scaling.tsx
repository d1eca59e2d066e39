'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'use-intl';

import { GroupMetricsPanel } from '@/components/metrics/group-metrics-panel';
import { Badge } from '@/components/ui/badge';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import type { ScalingGroupView, ScalingMember, ScalingPolicyView } from '@/lib/bff/stack-scaling';
import type { Scope } from '@/lib/query/queries';
import { stackScalingQuery } from '@/lib/query/stack-detail-queries';

const ALARM_TONE = { ok: 'ok', alarm: 'error', 'insufficient data': 'neutral' } as const;

/**
 * Each autoscaling group: sizes, cooldown, members with CPU, policies with their outputs and driving alarms;
 * then D4's group chart, which carries the simulate-load control for every member.
 */
export function StackScaling({ scope, stackId, live }: { scope: Scope; stackId: string; live: boolean }) {
  const t = useTranslations('stackDetail.scaling');
  const query = useQuery(stackScalingQuery(scope, stackId, live));
  return (
    <QueryPanelBody query={query} skeletonRows={6}>
      {({ groups }) =>
        groups.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500">{t('empty')}</p>
        ) : (
          <div className="space-y-6">
            {groups.map((g) => (
              <GroupPanel key={g.name} group={g} />
            ))}
            <GroupMetricsPanel stackId={stackId} />
          </div>
        )
      }
    </QueryPanelBody>
  );
}

function GroupPanel({ group }: { group: ScalingGroupView }) {
  const t = useTranslations('stackDetail.scaling');
  const format = useFormatter();
  const sizes: [string, number][] = [
    [t('current'), group.current],
    [t('desired'), group.desired],
    [t('min'), group.min],
    [t('max'), group.max],
  ];
  const memberColumns: Column<ScalingMember>[] = [
    {
      key: 'name',
      header: t('memberName'),
      cell: (m) => (
        <Link href={`/project/compute/instances/${encodeURIComponent(m.serverId)}`} className="font-medium text-sky-800 hover:underline">
          {m.name}
        </Link>
      ),
    },
    { key: 'status', header: t('memberStatus'), cell: (m) => <Badge tone={m.status === 'ACTIVE' ? 'ok' : m.status === 'ERROR' ? 'error' : 'info'}>{m.status}</Badge> },
    { key: 'cpu', header: t('cpu'), cell: (m) => (m.cpuPercent === null ? <span className="text-slate-500">{t('noCpu')}</span> : t('cpuPercent', { value: format.number(m.cpuPercent, { maximumFractionDigits: 1 }) })) },
  ];
  const policyColumns: Column<ScalingPolicyView>[] = [
    { key: 'name', header: t('policy'), cell: (p) => <span className="font-medium">{p.name}</span> },
    { key: 'adjustment', header: t('adjustment'), cell: (p) => t('adjustmentText', { type: p.adjustmentType, value: p.adjustment > 0 ? `+${p.adjustment}` : String(p.adjustment) }) },
    { key: 'cooldown', header: t('cooldown'), cell: (p) => (p.cooldown === null ? '—' : t('seconds', { count: p.cooldown })) },
    { key: 'output', header: t('output'), cell: (p) => (p.signalOutputKey ? <span className="font-mono text-xs">{p.signalOutputKey}</span> : t('noOutput')) },
    {
      key: 'alarms',
      header: t('alarms'),
      cell: (p) =>
        p.alarms.length === 0 ? (
          <span className="text-slate-500">{t('noAlarms')}</span>
        ) : (
          <ul className="space-y-1">
            {p.alarms.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/project/orchestration/alarms/${encodeURIComponent(a.id)}`} className="text-sky-800 hover:underline">
                  {a.name}
                </Link>
                <Badge tone={ALARM_TONE[a.state] ?? 'neutral'}>{t(`alarmState.${a.state}`)}</Badge>
                <span className="text-xs text-slate-600">{a.ruleText}</span>
              </li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <Panel title={t('group', { name: group.name })}>
      <div className="space-y-4" data-group={group.name}>
        <dl className="flex flex-wrap gap-6">
          {sizes.map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs text-slate-500">{label}</dt>
              <dd className="text-2xl font-semibold text-slate-900" data-size={label}>
                {value}
              </dd>
            </div>
          ))}
          <div>
            <dt className="text-xs text-slate-500">{t('cooldown')}</dt>
            <dd className="pt-2 text-sm">
              {group.cooldownUntil ? t('cooldownUntil', { time: format.dateTime(new Date(group.cooldownUntil), { timeStyle: 'medium' }) }) : t('noCooldown')}
            </dd>
          </div>
        </dl>
        <section aria-label={t('members')} className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">{t('members')}</h3>
          <DataTable caption={t('membersCaption', { name: group.name })} columns={memberColumns} rows={group.members} rowKey={(m) => m.serverId} empty={t('noMembers')} />
        </section>
        <section aria-label={t('policies')} className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">{t('policies')}</h3>
          <DataTable caption={t('policies')} columns={policyColumns} rows={group.policies} rowKey={(p) => p.name} empty="—" />
        </section>
      </div>
    </Panel>
  );
}
