'use client';

import { useTranslations } from 'use-intl';

import { Badge } from '@/components/ui/badge';
import { type Column, DataTable } from '@/components/ui/data-table';
import type { ServiceStatus } from '@/lib/bff/overview';

/** Each catalog service with the API version its discovery document offers, or why it could not be read. */
export function ServicesTable({ services }: { services: ServiceStatus[] }) {
  const t = useTranslations('overview');
  const te = useTranslations('errors');
  const columns: Column<ServiceStatus>[] = [
    { key: 'type', header: t('serviceType'), cell: (s) => <span className="font-medium">{s.type}</span> },
    { key: 'name', header: t('serviceName'), cell: (s) => s.name },
    {
      key: 'version',
      header: t('apiVersion'),
      cell: (s) =>
        s.version ? (
          <span>
            {s.version.id}
            {s.version.maxVersion && s.version.minVersion && s.version.maxVersion !== s.version.minVersion && (
              <span className="text-slate-500"> {t('microversions', { min: s.version.minVersion, max: s.version.maxVersion })}</span>
            )}
          </span>
        ) : (
          '—'
        ),
    },
    {
      key: 'status',
      header: t('status'),
      cell: (s) =>
        s.error ? (
          <span className="space-x-2">
            <Badge tone="error">{te.has(s.error.code) ? te(s.error.code, { service: s.type }) : s.error.message}</Badge>
            {s.error.requestId && <span className="font-mono text-xs text-slate-500">{s.error.requestId}</span>}
          </span>
        ) : (
          <Badge tone="ok">{t('reachable')}</Badge>
        ),
    },
    { key: 'url', header: t('endpoint'), cell: (s) => <span className="break-all font-mono text-xs">{s.url}</span> },
  ];
  return <DataTable columns={columns} rows={services} rowKey={(s) => s.type} empty={t('noServices')} caption={t('services')} />;
}
