'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import { useToast } from '@/components/ui/toast';
import { cpuShareOfThreshold } from '@/lib/alarms/rule-text';
import type { ActionTarget, AlarmDetailView } from '@/lib/bff/alarms';
import type { AlarmRule } from '@/lib/openstack/aodh/types';
import { alarmQuery, deleteAlarmRequest } from '@/lib/query/alarm-queries';
import type { Scope } from '@/lib/query/queries';

import { AlarmEnabledToggle } from './alarm-enabled-toggle';
import { AlarmHistoryTimeline } from './alarm-history-timeline';
import { alarmEditHref, stackHref, typeKey } from './alarm-links';
import { AlarmMetricPanel } from './alarm-metric-panel';
import { AlarmStateBadge } from './alarm-state-badge';
import { useAlarmErrors } from './use-alarm-errors';

/** One alarm: its state and rule, where its actions go, the metric behind it and its history. */
export function AlarmDetail({ scope, id, initialData }: { scope: Scope; id: string; initialData?: AlarmDetailView }) {
  const t = useTranslations('alarms');
  const format = useFormatter();
  const toast = useToast();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { shown } = useAlarmErrors();
  const query = useQuery({ ...alarmQuery(scope, id), initialData });
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['alarm', scope.projectId, scope.region, id] });

  const remove = async (name: string) => {
    setBusy(true);
    try {
      await deleteAlarmRequest(id);
      toast.show({ tone: 'success', title: t('deleted', { name }) });
      await queryClient.invalidateQueries({ queryKey: ['alarms'] });
      router.push('/project/orchestration/alarms');
    } catch (error) {
      const { text, requestId } = shown(error);
      toast.show({ tone: 'error', title: text, detail: requestId ?? undefined });
      setBusy(false);
      setDeleting(false);
    }
  };

  return (
    <div className="space-y-6">
      <Panel
        title={t('summaryTitle')}
        actions={
          query.data && (
            <div className="flex gap-2">
              <Link href={alarmEditHref(id)} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
                {t('edit')}
              </Link>
              <Button variant="danger" onClick={() => setDeleting(true)}>
                {t('delete')}
              </Button>
            </div>
          )
        }
      >
        <QueryPanelBody query={query} skeletonRows={5}>
          {({ alarm }) => (
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
              <dt className="font-medium text-slate-600">{t('state')}</dt>
              <dd className="space-y-1" data-testid="alarm-state">
                <AlarmStateBadge state={alarm.state} />
                {alarm.stateReason && <p className="text-slate-700">{alarm.stateReason}</p>}
                {alarm.stateTimestamp && (
                  <p className="text-xs text-slate-500">
                    {t('since', { time: format.dateTime(new Date(alarm.stateTimestamp), { dateStyle: 'medium', timeStyle: 'medium' }) })}
                  </p>
                )}
              </dd>
              <dt className="font-medium text-slate-600">{t('ruleLabel')}</dt>
              <dd data-testid="alarm-rule">
                {alarm.ruleText}
                <CpuShareNote rule={alarm.rule} />
                {alarm.rule.comparisonOperator === 'eq' && (
                  <p className="mt-1 text-xs font-medium text-amber-800" data-testid="alarm-eq-note">
                    {t('eqNote')}
                  </p>
                )}
              </dd>
              <dt className="font-medium text-slate-600">{t('type')}</dt>
              <dd>
                {t(`types.${typeKey(alarm.type)}`)} <span className="font-mono text-xs text-slate-500">{alarm.type}</span>
              </dd>
              <dt className="font-medium text-slate-600">{t('severity')}</dt>
              <dd>{t(`severities.${alarm.severity}`)}</dd>
              <dt className="font-medium text-slate-600">{t('enabled')}</dt>
              <dd>
                <AlarmEnabledToggle alarm={alarm} onChanged={() => void refresh()} />
              </dd>
              <dt className="font-medium text-slate-600">{t('repeatActions')}</dt>
              <dd>{alarm.repeatActions ? t('repeatYes') : t('repeatNo')}</dd>
              {alarm.description && (
                <>
                  <dt className="font-medium text-slate-600">{t('description')}</dt>
                  <dd>{alarm.description}</dd>
                </>
              )}
            </dl>
          )}
        </QueryPanelBody>
      </Panel>
      {query.data && <AlarmActionsPanel actions={query.data.actions} />}
      <AlarmMetricPanel scope={scope} id={id} />
      <AlarmHistoryTimeline scope={scope} id={id} />
      <ConfirmDialog
        open={deleting}
        title={t('deleteTitle', { name: query.data?.alarm.name ?? id })}
        confirmLabel={t('delete')}
        cancelLabel={t('cancel')}
        destructive
        busy={busy}
        onCancel={() => setDeleting(false)}
        onConfirm={() => void remove(query.data?.alarm.name ?? id)}
      >
        <p>{t('deleteWarning')}</p>
      </ConfirmDialog>
    </div>
  );
}

function AlarmActionsPanel({ actions }: { actions: AlarmDetailView['actions'] }) {
  const t = useTranslations('alarms.actions');
  const groups = [
    { key: 'alarm', title: t('onAlarm'), targets: actions.alarm },
    { key: 'ok', title: t('onOk'), targets: actions.ok },
    { key: 'insufficientData', title: t('onInsufficientData'), targets: actions.insufficientData },
  ];
  return (
    <Panel title={t('title')}>
      <div className="grid gap-4 md:grid-cols-3">
        {groups.map((g) => (
          <section key={g.key} aria-label={g.title}>
            <h3 className="text-sm font-semibold text-slate-700">{g.title}</h3>
            {g.targets.length === 0 ? <p className="mt-1 text-sm text-slate-500">{t('none')}</p> : <ActionList targets={g.targets} />}
          </section>
        ))}
      </div>
    </Panel>
  );
}

function ActionList({ targets }: { targets: ActionTarget[] }) {
  const t = useTranslations('alarms.actions');
  return (
    <ul className="mt-1 space-y-2 text-sm">
      {targets.map((target) => (
        <li key={target.url}>
          {target.heat ? (
            <p>
              {t('heatPolicy', { resource: target.heat.resource })}{' '}
              <Link href={stackHref(target.heat.stackId)} className="text-sky-800 hover:underline">
                {target.heat.stackName}
              </Link>
            </p>
          ) : (
            <p className="text-slate-600">{t('notHeat')}</p>
          )}
          <p className="break-all font-mono text-xs text-slate-600">{target.url}</p>
        </li>
      ))}
    </ul>
  );
}

/** What a rate threshold on the cpu metric means per vCPU, and a warning when a low alarm can never fire. */
function CpuShareNote({ rule }: { rule: AlarmRule }) {
  const t = useTranslations('alarms');
  const format = useFormatter();
  const share = cpuShareOfThreshold(rule);
  if (share === null) return null;
  const neverFires = (rule.comparisonOperator === 'lt' || rule.comparisonOperator === 'le') && share < 1;
  return (
    <p className="mt-1 text-xs text-slate-600" data-testid="alarm-cpu-share">
      {t('cpuShare', { percent: format.number(share), granularity: rule.granularity ?? 0 })}
      {neverFires && <strong className="ml-1 font-medium text-amber-800">{t('cpuShareNeverFires')}</strong>}
    </p>
  );
}
