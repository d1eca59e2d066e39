'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import { type Scope, adminOverviewQuery } from '@/lib/query/queries';

export function AdminOverview({ scope }: { scope: Scope }) {
  const t = useTranslations('admin');
  const query = useQuery(adminOverviewQuery(scope));
  if (query.isError) return <ApiErrorNotice error={query.error} />;
  if (!query.data) {
    return (
      <Panel title={t('identity')}>
        <PanelSkeleton />
      </Panel>
    );
  }
  const { figures, regions, services } = query.data;
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {figures.map((f) => (
          <section key={f.key} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={t(f.key)}>
            <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t(f.key)}</h2>
            {f.error ? <ApiErrorNotice error={f.error} /> : <p className="mt-2 text-3xl font-semibold">{f.count}</p>}
          </section>
        ))}
      </div>
      <Panel title={t('catalog')}>
        <p className="mb-3 text-sm text-slate-600">{t('regions', { count: regions.length, names: regions.join(', ') })}</p>
        <ul className="grid gap-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {services.map((s) => (
            <li key={s.type} className="rounded-md border border-slate-200 px-3 py-2">
              <span className="font-medium">{s.type}</span> <span className="text-slate-500">({s.name})</span>
              <span className="block text-xs text-slate-500">{t('endpointCount', { count: s.endpoints })}</span>
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
