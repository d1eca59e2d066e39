'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import { useToast } from '@/components/ui/toast';
import type { DeleteRulesResult, SecurityGroupDetailView } from '@/lib/bff/security-groups';
import { apiFetch } from '@/lib/query/api';
import type { Scope } from '@/lib/query/queries';
import { securityGroupQuery } from '@/lib/query/security-group-queries';

import { DefaultGroupNote } from './default-group-note';
import { RuleEditor } from './rule-editor';
import { RulesTable } from './rules-table';
import { SecurityGroupFormDialog } from './security-group-form-dialog';
import { useRuleWords } from './use-rule-words';
import { useSecurityGroupErrors } from './use-security-group-errors';

/** One group: its rules in words (ingress and egress), the rule editor, and deleting several rules at once. */
export function SecurityGroupDetail({ scope, id, initialData }: { scope: Scope; id: string; initialData?: SecurityGroupDetailView }) {
  const t = useTranslations('securityGroups');
  const toast = useToast();
  const queryClient = useQueryClient();
  const { shown } = useSecurityGroupErrors();
  const query = useQuery({ ...securityGroupQuery(scope, id), initialData });
  const groupNames = Object.fromEntries((query.data?.projectGroups ?? []).map((g) => [g.id, g.name]));
  const words = useRuleWords(groupNames);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'add' | 'edit' | 'delete' | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'security-group' || q.queryKey[0] === 'security-groups' });

  if (query.isError) return <ApiErrorNotice error={query.error} />;
  if (!query.data) return <PanelSkeleton rows={8} />;
  const { group, isDefault, projectGroups, usage, ruleQuota } = query.data;
  const ingress = group.rules.filter((r) => r.direction === 'ingress');
  const egress = group.rules.filter((r) => r.direction === 'egress');
  const chosen = group.rules.filter((r) => selected.has(r.id));
  const select = (ids: string[], checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const ruleId of ids) (checked ? next.add(ruleId) : next.delete(ruleId));
      return next;
    });

  const removeSelected = async () => {
    setBusy(true);
    try {
      const result = await apiFetch<DeleteRulesResult>(`/api/security-groups/${encodeURIComponent(group.id)}/rules`, {
        method: 'DELETE',
        body: { ruleIds: chosen.map((r) => r.id) },
      });
      if (result.deleted.length) toast.show({ tone: 'success', title: t('rulesDeleted', { count: result.deleted.length }) });
      for (const failed of result.failed) {
        toast.show({ tone: 'error', title: t('ruleDeleteFailed', { message: failed.error.message }), detail: failed.error.requestId ?? undefined });
      }
      setSelected(new Set());
    } catch (error) {
      const { text, requestId } = shown(error);
      toast.show({ tone: 'error', title: text, detail: requestId ?? undefined });
    } finally {
      setBusy(false);
      setDialog(null);
      await refresh();
    }
  };

  return (
    <div className="space-y-4">
      {isDefault && <DefaultGroupNote />}
      <Panel
        title={t('aboutGroup')}
        actions={
          <Button variant="secondary" onClick={() => setDialog('edit')}>
            {t('edit')}
          </Button>
        }
      >
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-slate-500">{t('description')}</dt>
          <dd>{group.description || '—'}</dd>
          <dt className="text-slate-500">{t('id')}</dt>
          <dd className="font-mono text-xs">{group.id}</dd>
          <dt className="text-slate-500">{t('usedBy')}</dt>
          <dd>{usage ? t('usage', { ports: usage.ports, instances: usage.instances }) : '—'}</dd>
          <dt className="text-slate-500">{t('stateful')}</dt>
          <dd>{group.stateful ? t('statefulYes') : t('statefulNo')}</dd>
          {ruleQuota && (
            <>
              <dt className="text-slate-500">{t('ruleQuota')}</dt>
              <dd>{ruleQuota.limit < 0 ? t('quotaUnlimited', { used: ruleQuota.used }) : t('quotaUsed', { used: ruleQuota.used, limit: ruleQuota.limit })}</dd>
            </>
          )}
        </dl>
      </Panel>
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => setDialog('add')}>{t('addRule')}</Button>
        <Button variant="danger" disabled={chosen.length === 0} onClick={() => setDialog('delete')}>
          {t('deleteSelected', { count: chosen.length })}
        </Button>
      </div>
      {ingress.length === 0 && <Alert tone="warning">{t('noIngressWarning')}</Alert>}
      <Panel title={t('ingressTitle', { count: ingress.length })}>
        <RulesTable caption={t('ingressCaption')} rules={ingress} selected={selected} onSelect={select} describe={(r) => words(r)} empty={t('noIngress')} />
      </Panel>
      <Panel title={t('egressTitle', { count: egress.length })}>
        <RulesTable caption={t('egressCaption')} rules={egress} selected={selected} onSelect={select} describe={(r) => words(r)} empty={t('noEgress')} />
      </Panel>

      {dialog === 'add' && <RuleEditor group={group} projectGroups={projectGroups} groupNames={groupNames} onClose={() => setDialog(null)} onAdded={() => void refresh()} />}
      {dialog === 'edit' && (
        <SecurityGroupFormDialog
          group={{ id: group.id, name: group.name, description: group.description, isDefault }}
          onClose={() => setDialog(null)}
          onSaved={() => void refresh()}
        />
      )}
      <ConfirmDialog
        open={dialog === 'delete'}
        title={t('deleteRulesTitle', { count: chosen.length })}
        confirmLabel={t('delete')}
        cancelLabel={t('cancel')}
        destructive
        busy={busy}
        onCancel={() => setDialog(null)}
        onConfirm={() => void removeSelected()}
      >
        <ul className="list-disc space-y-0.5 pl-5">
          {chosen.map((r) => (
            <li key={r.id}>{words(r, { withDirection: true })}</li>
          ))}
        </ul>
        <p className="mt-2">{t('deleteRulesWarning')}</p>
      </ConfirmDialog>
    </div>
  );
}
