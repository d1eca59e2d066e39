'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useNow, useTranslations } from 'use-intl';

import { UsageGauge } from '@/components/charts/usage-gauge';
import { ServerStatusBadge } from '@/components/servers/server-status-badge';
import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import type { UsageGauge as Gauge, UsagePart } from '@/lib/bff/usage';
import { asStatus } from '@/lib/compute/server-status';
import { type Scope, usageQuery } from '@/lib/query/queries';

const UNITS: Partial<Record<Gauge['key'], string>> = { ram: 'MiB', gigabytes: 'GB' };

/** Quota usage charts and the newest instances; each panel loads and fails on its own. */
export function UsagePanels({ scope }: { scope: Scope }) {
  const t = useTranslations('usage');
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const query = useQuery(usageQuery(scope));

  const gauges = (part: UsagePart<Gauge[]> | undefined) => {
    if (!part) return <PanelSkeleton rows={3} />;
    if (part.error) return <ApiErrorNotice error={part.error} />;
    return (
      <div className="grid gap-4 sm:grid-cols-3">
        {part.data!.map((g) => (
          <UsageGauge
            key={g.key}
            label={t(`gauges.${g.key}`)}
            used={g.used}
            max={g.max}
            unit={UNITS[g.key]}
            description={g.max < 0 ? t('describeUnlimited', { what: t(`gauges.${g.key}`), used: g.used }) : t('describe', { what: t(`gauges.${g.key}`), used: g.used, max: g.max })}
          />
        ))}
      </div>
    );
  };

  if (query.isError) return <ApiErrorNotice error={query.error} />;
  const data = query.data;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Panel title={t('compute')}>{gauges(data?.compute)}</Panel>
      <Panel title={t('volume')}>{gauges(data?.volume)}</Panel>
      <Panel title={t('keyPairs')}>
        {gauges(data?.keyPairs)}
        <p className="mt-3 text-xs text-slate-500">{t('keyPairsNote')}</p>
      </Panel>
      <Panel
        title={t('recent')}
        actions={
          <Link href="/project/compute/instances" className="text-sm text-sky-700 hover:underline">
            {t('allInstances')}
          </Link>
        }
      >
        {!data ? (
          <PanelSkeleton rows={4} />
        ) : data.recent.error ? (
          <ApiErrorNotice error={data.recent.error} />
        ) : data.recent.data!.length === 0 ? (
          <p className="text-sm text-slate-500">
            {t('noInstances')}{' '}
            <Link href="/project/compute/instances/launch" className="text-sky-700 underline">
              {t('launchOne')}
            </Link>
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {data.recent.data!.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-3 py-2">
                <Link href={`/project/compute/instances/${s.id}`} className="font-medium text-sky-800 hover:underline">
                  {s.name}
                </Link>
                <span className="flex items-center gap-3 text-slate-600">
                  <span>{s.flavor}</span>
                  <ServerStatusBadge status={asStatus(s.status)} taskState={null} />
                  <time dateTime={s.created}>{format.relativeTime(new Date(s.created), now)}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}
