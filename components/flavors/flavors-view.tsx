'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import { useConfirmDelete } from '@/components/ui/use-confirm-delete';
import type { FlavorListView } from '@/lib/bff/flavors';
import type { Flavor } from '@/lib/openstack/nova/flavors';
import type { Scope } from '@/lib/query/queries';
import { flavorsQuery } from '@/lib/query/resource-queries';

import { FlavorFormDialog } from './flavor-form-dialog';

const NOWRAP = 'whitespace-nowrap px-3 py-2 text-slate-800';

export function FlavorsView({ scope, initialData }: { scope: Scope; initialData?: FlavorListView }) {
  const t = useTranslations('flavors');
  const queryClient = useQueryClient();
  const query = useQuery({ ...flavorsQuery(scope), initialData });
  const [form, setForm] = useState<{ flavor: Flavor | null } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['flavors'] });
  const canManage = query.data?.canManage ?? false;
  const { deleting, askDelete, dialogProps } = useConfirmDelete<Flavor>('flavors', {
    url: (f) => `/api/flavors/${encodeURIComponent(f.id)}`,
    deleted: (f) => t('deleted', { name: f.name }),
    refresh,
  });

  const columns: Column<Flavor>[] = [
    { key: 'name', header: t('name'), cell: (f) => <span className="font-medium">{f.name}</span> },
    { key: 'id', header: t('id'), cell: (f) => <span className="font-mono text-xs">{f.id}</span> },
    { key: 'vcpus', className: NOWRAP, header: t('vcpus'), cell: (f) => f.vcpus },
    { key: 'ram', className: NOWRAP, header: t('ram'), cell: (f) => t('mb', { value: f.ramMb }) },
    { key: 'disk', className: NOWRAP, header: t('disk'), cell: (f) => t('gb', { value: f.diskGb }) },
    { key: 'ephemeral', className: NOWRAP, header: t('ephemeral'), cell: (f) => t('gb', { value: f.ephemeralGb }) },
    { key: 'swap', className: NOWRAP, header: t('swap'), cell: (f) => t('mb', { value: f.swapMb }) },
    { key: 'public', header: t('public'), cell: (f) => <Badge tone={f.isPublic ? 'ok' : 'neutral'}>{f.isPublic ? t('yes') : t('no')}</Badge> },
    {
      key: 'specs',
      header: t('extraSpecs'),
      cell: (f) =>
        Object.keys(f.extraSpecs).length === 0 ? (
          <span className="text-slate-400">—</span>
        ) : (
          <ul className="space-y-0.5">
            {Object.entries(f.extraSpecs).map(([k, v]) => (
              <li key={k} className="font-mono text-xs">
                {k}={v}
              </li>
            ))}
          </ul>
        ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            className: NOWRAP,
            header: <span className="sr-only">{t('actions')}</span>,
            cell: (f: Flavor) => (
              <div className="flex gap-2">
                <Button variant="secondary" onClick={() => setForm({ flavor: f })} aria-label={t('editNamed', { name: f.name })}>
                  {t('edit')}
                </Button>
                <Button variant="danger" onClick={() => askDelete(f)} aria-label={t('deleteNamed', { name: f.name })}>
                  {t('delete')}
                </Button>
              </div>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="space-y-4">
      {query.data && !canManage && <Alert tone="info">{t('adminOnly')}</Alert>}
      <Panel
        title={t('listTitle')}
        actions={canManage ? <Button onClick={() => setForm({ flavor: null })}>{t('createButton')}</Button> : undefined}
      >
        <QueryPanelBody query={query} skeletonRows={5}>
          {(data) => <DataTable columns={columns} rows={data.flavors} rowKey={(f) => f.id} empty={t('empty')} caption={t('listTitle')} />}
        </QueryPanelBody>
      </Panel>
      {form && <FlavorFormDialog flavor={form.flavor} onClose={() => setForm(null)} onSaved={refresh} />}
      <ConfirmDialog
        {...dialogProps}
        title={t('deleteTitle', { name: deleting?.name ?? '' })}
      >
        <p>{t('deleteWarning')}</p>
      </ConfirmDialog>
    </div>
  );
}
