'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'use-intl';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Badge } from '@/components/ui/badge';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import type { ProjectOverview as Overview } from '@/lib/bff/overview';
import { type Scope, overviewQuery } from '@/lib/query/queries';

import { ServicesTable } from './services-table';
import { UsagePanels } from './usage-panels';

export function ProjectOverview({ scope, initialData }: { scope: Scope; initialData?: Overview }) {
  const t = useTranslations('overview');
  const format = useFormatter();
  const query = useQuery({ ...overviewQuery(scope), initialData });

  if (query.isPending) {
    return (
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title={t('project')}>
          <PanelSkeleton />
        </Panel>
        <Panel title={t('session')}>
          <PanelSkeleton />
        </Panel>
      </div>
    );
  }
  if (query.isError) return <ApiErrorNotice error={query.error} />;
  const data = query.data;

  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title={t('project')}>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-500">{t('name')}</dt>
            <dd className="font-medium">{data.project.name}</dd>
            <dt className="text-slate-500">{t('id')}</dt>
            <dd className="font-mono text-xs">{data.project.id}</dd>
            <dt className="text-slate-500">{t('domain')}</dt>
            <dd className="font-mono text-xs">{data.project.domainId}</dd>
            <dt className="text-slate-500">{t('description')}</dt>
            <dd>{data.project.description || <span className="text-slate-400">{t('noDescription')}</span>}</dd>
            <dt className="text-slate-500">{t('state')}</dt>
            <dd>
              <Badge tone={data.project.enabled ? 'ok' : 'error'}>{data.project.enabled ? t('enabled') : t('disabled')}</Badge>
            </dd>
          </dl>
        </Panel>
        <Panel title={t('session')}>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-500">{t('user')}</dt>
            <dd className="font-medium">
              {data.user.name} <span className="text-slate-500">({data.user.domainName})</span>
            </dd>
            <dt className="text-slate-500">{t('roles')}</dt>
            <dd className="flex flex-wrap gap-1">
              {data.roles.map((role) => (
                <Badge key={role} tone={role === 'admin' ? 'info' : 'neutral'}>
                  {role}
                </Badge>
              ))}
            </dd>
            <dt className="text-slate-500">{t('region')}</dt>
            <dd>{data.region ?? '—'}</dd>
            <dt className="text-slate-500">{t('expires')}</dt>
            <dd>
              <time dateTime={data.expiresAt}>
                {format.dateTime(new Date(data.expiresAt), { dateStyle: 'medium', timeStyle: 'medium' })}
              </time>
            </dd>
          </dl>
        </Panel>
      </div>
      <UsagePanels scope={scope} />
      <Panel title={t('services')}>
        <p className="mb-3 text-sm text-slate-600">{t('servicesHelp')}</p>
        <ServicesTable services={data.services} />
      </Panel>
    </div>
  );
}
