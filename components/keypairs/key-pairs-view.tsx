'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import { useConfirmDelete } from '@/components/ui/use-confirm-delete';
import type { KeyPairListView } from '@/lib/bff/keypairs';
import type { KeyPair } from '@/lib/openstack/nova/keypairs';
import type { Scope } from '@/lib/query/queries';
import { keyPairsQuery } from '@/lib/query/resource-queries';

import { KeyPairFormDialog, PrivateKeyDialog } from './key-pair-dialogs';

export function KeyPairsView({ scope, initialData }: { scope: Scope; initialData?: KeyPairListView }) {
  const t = useTranslations('keypairs');
  const queryClient = useQueryClient();
  const query = useQuery({ ...keyPairsQuery(scope), initialData });
  const [mode, setMode] = useState<'create' | 'import' | null>(null);
  const [privateKey, setPrivateKey] = useState<{ name: string; key: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['keypairs'] });
  const { deleting, askDelete, dialogProps } = useConfirmDelete<KeyPair>('keypairs', {
    url: (k) => `/api/keypairs/${encodeURIComponent(k.name)}`,
    deleted: (k) => t('deleted', { name: k.name }),
    refresh,
  });

  const columns: Column<KeyPair>[] = [
    { key: 'name', header: t('name'), cell: (k) => <span className="font-medium">{k.name}</span> },
    { key: 'type', header: t('type'), cell: (k) => k.type },
    { key: 'fingerprint', header: t('fingerprint'), cell: (k) => <span className="font-mono text-xs">{k.fingerprint}</span> },
    {
      key: 'actions',
      header: <span className="sr-only">{t('actions')}</span>,
      cell: (k) => (
        <Button variant="danger" onClick={() => askDelete(k)} aria-label={t('deleteNamed', { name: k.name })}>
          {t('delete')}
        </Button>
      ),
    },
  ];

  return (
    <div className="space-y-4">
      <Alert tone="info">{t('ownership', { user: query.data?.userName ?? '' })}</Alert>
      <Panel
        title={t('listTitle')}
        actions={
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setMode('import')}>
              {t('importButton')}
            </Button>
            <Button onClick={() => setMode('create')}>{t('createButton')}</Button>
          </div>
        }
      >
        <QueryPanelBody query={query} skeletonRows={3}>
          {(data) => <DataTable columns={columns} rows={data.keyPairs} rowKey={(k) => k.name} empty={t('empty')} caption={t('listTitle')} />}
        </QueryPanelBody>
      </Panel>
      {mode && (
        <KeyPairFormDialog
          mode={mode}
          onClose={() => setMode(null)}
          onCreated={(created) => {
            setMode(null);
            if (created.privateKey) setPrivateKey({ name: created.keyPair.name, key: created.privateKey });
            void refresh();
          }}
        />
      )}
      {privateKey && <PrivateKeyDialog name={privateKey.name} privateKey={privateKey.key} onClose={() => setPrivateKey(null)} />}
      <ConfirmDialog
        {...dialogProps}
        title={t('deleteTitle', { name: deleting?.name ?? '' })}
      >
        <p>{t('deleteWarning')}</p>
      </ConfirmDialog>
    </div>
  );
}
