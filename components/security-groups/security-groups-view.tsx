'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import { useToast } from '@/components/ui/toast';
import type { SecurityGroupListView, SecurityGroupRow } from '@/lib/bff/security-groups';
import { apiFetch } from '@/lib/query/api';
import type { Scope } from '@/lib/query/queries';
import { securityGroupsQuery } from '@/lib/query/security-group-queries';

import { DefaultGroupNote } from './default-group-note';
import { type EditableGroup, SecurityGroupFormDialog } from './security-group-form-dialog';
import { useRuleWords } from './use-rule-words';
import { useSecurityGroupErrors } from './use-security-group-errors';

export const groupHref = (id: string): string => `/project/network/security-groups/${encodeURIComponent(id)}`;

/** The project's security groups: what each lets in, where it is used, and create, edit and delete. */
export function SecurityGroupsView({ scope, initialData }: { scope: Scope; initialData?: SecurityGroupListView }) {
  const t = useTranslations('securityGroups');
  const toast = useToast();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { shown } = useSecurityGroupErrors();
  const query = useQuery({ ...securityGroupsQuery(scope), initialData });
  const words = useRuleWords(query.data?.groupNames ?? {});
  const [editing, setEditing] = useState<EditableGroup | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SecurityGroupRow | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['security-groups'] });

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      await apiFetch(`/api/security-groups/${encodeURIComponent(deleting.id)}`, { method: 'DELETE' });
      toast.show({ tone: 'success', title: t('deleted', { name: deleting.name }) });
      await refresh();
    } catch (error) {
      const { text, requestId } = shown(error);
      toast.show({ tone: 'error', title: text, detail: requestId ?? undefined });
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  };

  const columns: Column<SecurityGroupRow>[] = [
    {
      key: 'name',
      header: t('name'),
      cell: (g) => (
        <span className="flex items-center gap-2">
          <Link href={groupHref(g.id)} className="font-medium text-sky-800 hover:underline">
            {g.name || g.id}
          </Link>
          {g.isDefault && <Badge tone="info">{t('defaultBadge')}</Badge>}
        </span>
      ),
    },
    { key: 'description', header: t('description'), cell: (g) => g.description || '—' },
    { key: 'rules', header: t('rules'), className: 'whitespace-nowrap px-3 py-2 text-slate-800', cell: (g) => t('ruleCounts', { ingress: g.ingressCount, egress: g.egressCount }) },
    {
      key: 'ingress',
      header: t('letsIn'),
      cell: (g) =>
        g.ingressCount === 0 ? (
          <span className="text-slate-500">{t('nothingIn')}</span>
        ) : (
          <ul className="space-y-0.5">
            {g.ingressPreview.map((r) => (
              <li key={r.id}>{words(r)}</li>
            ))}
            {g.ingressCount > g.ingressPreview.length && <li className="text-slate-500">{t('andMore', { count: g.ingressCount - g.ingressPreview.length })}</li>}
          </ul>
        ),
    },
    {
      key: 'usage',
      header: t('usedBy'),
      className: 'whitespace-nowrap px-3 py-2 text-slate-800',
      cell: (g) => (g.usage ? t('usage', { ports: g.usage.ports, instances: g.usage.instances }) : '—'),
    },
    {
      key: 'actions',
      header: <span className="sr-only">{t('actions')}</span>,
      cell: (g) => (
        <div className="flex flex-wrap items-center gap-1">
          <Button variant="secondary" onClick={() => setEditing(g)} aria-label={t('editNamed', { name: g.name })}>
            {t('edit')}
          </Button>
          <Button
            variant="danger"
            disabled={g.isDefault}
            title={g.isDefault ? t('defaultNotDeletable') : undefined}
            onClick={() => setDeleting(g)}
            aria-label={t('deleteNamed', { name: g.name })}
          >
            {t('delete')}
          </Button>
          {g.isDefault && <span className="text-xs text-slate-500">{t('defaultNotDeletable')}</span>}
        </div>
      ),
    },
  ];

  return (
    <div className="space-y-4">
      <DefaultGroupNote compact />
      {query.data?.usageError && <Alert tone="warning">{t('usageFailed', { requestId: query.data.usageError.requestId ?? '—' })}</Alert>}
      <Panel title={t('listTitle')} actions={<Button onClick={() => setEditing('new')}>{t('createButton')}</Button>}>
        <QueryPanelBody query={query} skeletonRows={5}>
          {(data) => <DataTable columns={columns} rows={data.groups} rowKey={(g) => g.id} empty={t('empty')} caption={t('listTitle')} />}
        </QueryPanelBody>
      </Panel>
      {editing && (
        <SecurityGroupFormDialog
          group={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            void refresh();
            if (editing === 'new') router.push(groupHref(saved.id));
          }}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? t('deleteTitle', { name: deleting.name }) : ''}
        confirmLabel={t('delete')}
        cancelLabel={t('cancel')}
        destructive
        busy={busy}
        onCancel={() => setDeleting(null)}
        onConfirm={() => void remove()}
      >
        <p>{t('deleteWarning')}</p>
        {deleting?.usage && deleting.usage.ports > 0 && <p className="mt-2 text-amber-800">{t('deleteInUse', { ports: deleting.usage.ports, instances: deleting.usage.instances })}</p>}
      </ConfirmDialog>
    </div>
  );
}
