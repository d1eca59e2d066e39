'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';

import { type Column, DataTable } from '@/components/ui/data-table';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import { SelectField } from '@/components/ui/select-field';
import type { LinkedResource } from '@/lib/bff/stack-detail';
import type { Scope } from '@/lib/query/queries';
import { stackResourcesQuery } from '@/lib/query/stack-detail-queries';

import { HeatStatusBadge } from './heat-status-badge';

const DEPTHS = [0, 1, 2, 3];

/** The stack's resources with links to what each created; nested stacks' resources with a depth. */
export function StackResources({ scope, stackId, live }: { scope: Scope; stackId: string; live: boolean }) {
  const t = useTranslations('stackDetail.resources');
  const format = useFormatter();
  const [depth, setDepth] = useState(0);
  const query = useQuery(stackResourcesQuery(scope, stackId, depth, live));
  const columns: Column<LinkedResource>[] = [
    {
      key: 'name',
      header: t('name'),
      cell: (r) => (
        <span className="font-medium">
          {r.name}
          {r.parentResource && <span className="block text-xs font-normal text-slate-500">{t('nested')}: {r.stackName || r.parentResource}</span>}
        </span>
      ),
    },
    { key: 'type', header: t('type'), cell: (r) => <span className="font-mono text-xs">{r.type}</span> },
    { key: 'status', header: t('status'), cell: (r) => <HeatStatusBadge status={r} /> },
    {
      key: 'physical',
      header: t('physicalId'),
      cell: (r) =>
        r.link ? (
          <Link href={r.link.href} className="font-mono text-xs text-sky-800 hover:underline" data-link-kind={r.link.kind}>
            {r.physicalId}
            <span className="sr-only"> ({t(`linkKind.${r.link.kind}`)})</span>
          </Link>
        ) : (
          <span className="font-mono text-xs">{r.physicalId || '—'}</span>
        ),
    },
    {
      key: 'updated',
      header: t('updated'),
      cell: (r) => (r.updatedAt ? <time dateTime={r.updatedAt}>{format.dateTime(new Date(r.updatedAt), { dateStyle: 'short', timeStyle: 'medium' })}</time> : '—'),
    },
  ];
  return (
    <div className="space-y-3">
      <SelectField
        label={t('depth')}
        className="max-w-xs"
        value={String(depth)}
        onChange={(e) => setDepth(Number(e.target.value))}
        options={DEPTHS.map((d) => ({ value: String(d), label: t('depthOption', { depth: d }) }))}
      />
      <QueryPanelBody query={query} skeletonRows={6}>
        {({ resources }) => <DataTable caption={t('caption')} columns={columns} rows={resources} rowKey={(r) => `${r.stackId}/${r.name}`} empty={t('empty')} />}
      </QueryPanelBody>
    </div>
  );
}
