'use client';

import { useTranslations } from 'use-intl';

import { Badge } from '@/components/ui/badge';
import { type Column, DataTable } from '@/components/ui/data-table';
import type { EndpointRow } from '@/lib/bff/api-access';

export function EndpointsTable({ endpoints }: { endpoints: EndpointRow[] }) {
  const t = useTranslations('apiAccess');
  const columns: Column<EndpointRow>[] = [
    { key: 'type', header: t('serviceType'), cell: (e) => <span className="font-medium">{e.serviceType}</span> },
    { key: 'name', header: t('serviceName'), cell: (e) => e.serviceName },
    { key: 'interface', header: t('interface'), cell: (e) => <Badge tone={e.interface === 'public' ? 'info' : 'neutral'}>{e.interface}</Badge> },
    { key: 'region', header: t('region'), cell: (e) => e.region },
    { key: 'url', header: t('url'), cell: (e) => <span className="break-all font-mono text-xs">{e.url}</span> },
  ];
  return (
    <DataTable
      columns={columns}
      rows={endpoints}
      rowKey={(e) => `${e.serviceType}|${e.region}|${e.interface}|${e.url}`}
      empty={t('noEndpoints')}
      caption={t('endpoints')}
    />
  );
}
