'use client';

import { useFormatter, useTranslations } from 'use-intl';

import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';
import type { Stack, StackParameterValue } from '@/lib/openstack/heat/types';

/** Heat masks hidden parameters as asterisks; Zenith says so rather than printing them. */
const isMasked = (value: string) => /^\*{3,}$/.test(value);

/** The stack's facts and its parameter values (hidden ones masked). */
export function StackOverview({ stack }: { stack: Stack }) {
  const t = useTranslations('stackDetail.overview');
  const format = useFormatter();
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'medium' })}</time> : t('never'));
  const facts: [string, React.ReactNode][] = [
    [t('id'), <span key="id" className="font-mono text-xs">{stack.id}</span>],
    [t('description'), stack.description || stack.templateDescription || '—'],
    [t('created'), when(stack.createdAt || null)],
    [t('updated'), when(stack.updatedAt)],
    [t('timeout'), stack.timeoutMins === null ? t('noTimeout') : t('timeoutMins', { count: stack.timeoutMins })],
    [t('rollback'), stack.disableRollback ? t('rollbackOff') : t('rollbackOn')],
    [t('tags'), stack.tags.length ? stack.tags.join(', ') : t('noTags')],
  ];
  const columns: Column<StackParameterValue>[] = [
    { key: 'name', header: t('parameter'), cell: (p) => <span className="font-mono text-xs">{p.name}</span> },
    { key: 'value', header: t('value'), cell: (p) => (isMasked(p.value) ? <span className="italic text-slate-500">{t('hidden')}</span> : <span className="break-all font-mono text-xs">{p.value}</span>) },
  ];
  return (
    <div className="space-y-4">
      <Panel title={t('about')}>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Panel>
      <Panel title={t('parameters')}>
        <DataTable caption={t('parameters')} columns={columns} rows={stack.parameters} rowKey={(p) => p.name} empty={t('noParameters')} />
      </Panel>
    </div>
  );
}
