'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'use-intl';

import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import { alarmHistoryQuery } from '@/lib/query/alarm-queries';
import type { Scope } from '@/lib/query/queries';

import { AlarmStateBadge } from './alarm-state-badge';
import { type TimelineEntry, buildTimeline, fieldLabel } from './history-model';

/** Aodh's history of the alarm, newest first: creation, rule changes (old → new), state transitions with reasons. */
export function AlarmHistoryTimeline({ scope, id }: { scope: Scope; id: string }) {
  const t = useTranslations('alarms.history');
  const query = useQuery(alarmHistoryQuery(scope, id));
  return (
    <Panel title={t('title')}>
      <QueryPanelBody query={query} skeletonRows={4}>
        {(data) => {
          const entries = buildTimeline(data.changes);
          return entries.length === 0 ? (
            <p className="py-4 text-sm text-slate-500">{t('empty')}</p>
          ) : (
            <ol className="relative space-y-4 border-l border-slate-200 pl-5" aria-label={t('title')} data-testid="alarm-history">
              {entries.map((entry) => (
                <TimelineItem key={entry.id} entry={entry} />
              ))}
            </ol>
          );
        }}
      </QueryPanelBody>
    </Panel>
  );
}

function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const t = useTranslations('alarms.history');
  const format = useFormatter();
  return (
    <li className="relative" data-kind={entry.kind}>
      <span aria-hidden className="absolute -left-[1.65rem] top-1.5 h-2.5 w-2.5 rounded-full bg-sky-700" />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-semibold text-slate-900">{t(`kinds.${entry.kind}`)}</span>
        <time dateTime={entry.time} className="text-slate-500">
          {format.dateTime(new Date(entry.time), { dateStyle: 'medium', timeStyle: 'medium' })}
        </time>
      </div>
      {entry.kind === 'state' && (
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
          {entry.fromState && <AlarmStateBadge state={entry.fromState} />}
          {entry.fromState && <span aria-label={t('to')}>→</span>}
          {entry.toState && <AlarmStateBadge state={entry.toState} />}
        </p>
      )}
      {entry.kind === 'creation' && entry.toState && (
        <p className="mt-1 text-sm">
          {t('createdIn')} <AlarmStateBadge state={entry.toState} />
        </p>
      )}
      {entry.reason && <p className="mt-1 text-sm text-slate-700">{entry.reason}</p>}
      {entry.changes.length > 0 && (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
          {entry.changes.map((c) => (
            <div key={c.field} className="contents">
              <dt className="font-mono text-xs text-slate-600">{fieldLabel(c.field)}</dt>
              <dd className="break-all text-slate-900">
                {c.before === null ? t('setTo', { after: c.after }) : t('changed', { before: c.before, after: c.after })}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {entry.kind === 'rule' && entry.changes.length === 0 && <p className="mt-1 text-sm text-slate-500">{t('noVisibleChange')}</p>}
    </li>
  );
}
