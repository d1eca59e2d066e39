'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import { SelectField } from '@/components/ui/select-field';
import { useToast } from '@/components/ui/toast';
import type { SecurityGroup } from '@/lib/openstack/neutron/types';
import { apiFetch } from '@/lib/query/api';
import { serverSecurityGroupsQuery } from '@/lib/query/security-group-queries';

import { GuideTip } from '@/components/guide/guide-tip';
import { groupHref } from './security-groups-view';
import { useRuleWords } from './use-rule-words';
import { useSecurityGroupErrors } from './use-security-group-errors';

/** The instance page's "Security groups" section: the groups on its ports, what they let in, add and remove. */
export function InstanceSecurityGroups({ serverId }: { serverId: string }) {
  const t = useTranslations('securityGroups.instance');
  const tGroups = useTranslations('securityGroups');
  const toast = useToast();
  const queryClient = useQueryClient();
  const { fieldText, shown } = useSecurityGroupErrors();
  const query = useQuery(serverSecurityGroupsQuery(serverId));
  const words = useRuleWords(query.data?.groupNames ?? {});
  const [adding, setAdding] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<SecurityGroup | null>(null);
  const [busy, setBusy] = useState(false);

  const change = async (action: 'add' | 'remove', group: { id: string; name: string }) => {
    setBusy(true);
    setAddError(null);
    try {
      await apiFetch(`/api/servers/${encodeURIComponent(serverId)}/security-groups`, { method: 'POST', body: { action, securityGroupId: group.id } });
      toast.show({ tone: 'success', title: t(action === 'add' ? 'added' : 'removed', { name: group.name }) });
      setAdding('');
    } catch (error) {
      const { text, requestId } = shown(error);
      if (action === 'add') setAddError(requestId ? `${text} (${requestId})` : text);
      else toast.show({ tone: 'error', title: text, detail: requestId ?? undefined });
    } finally {
      setBusy(false);
      setRemoving(null);
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'server-security-groups' || q.queryKey[0] === 'server' });
    }
  };

  const body = () => {
    if (query.isError) return <ApiErrorNotice error={query.error} />;
    if (!query.data) return <PanelSkeleton rows={3} />;
    const { applied, available, ports } = query.data;
    const unprotected = ports.filter((p) => !p.portSecurityEnabled);
    return (
      <div className="space-y-3">
        {ports.length === 0 && <Alert tone="info">{t('noPorts')}</Alert>}
        {unprotected.length > 0 && <Alert tone="warning">{t('portSecurityOff', { ports: unprotected.map((p) => p.addresses.join(', ') || p.portId).join('; ') })}</Alert>}
        {applied.length === 0 ? (
          <p className="text-sm text-slate-500">{t('none')}</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={t('appliedLabel')}>
            {applied.map((g) => {
              const ingress = g.rules.filter((r) => r.direction === 'ingress');
              return (
                <li key={g.id} className="flex flex-wrap items-start justify-between gap-3 py-2 text-sm">
                  <div>
                    <Link href={groupHref(g.id)} className="font-medium text-sky-800 hover:underline">
                      {g.name || g.id}
                    </Link>
                    {ingress.length === 0 ? (
                      <p className="text-slate-500">{tGroups('nothingIn')}</p>
                    ) : (
                      <ul className="mt-0.5 space-y-0.5 text-slate-700">
                        {ingress.map((r) => (
                          <li key={r.id}>{words(r)}</li>
                        ))}
                      </ul>
                    )}
                  </div>
                  <Button variant="secondary" disabled={busy} onClick={() => setRemoving(g)} aria-label={t('removeNamed', { name: g.name })}>
                    {t('remove')}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
        {ports.length > 0 && (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              const group = available.find((g) => g.id === adding);
              if (!group) return setAddError(fieldText('group_required'));
              void change('add', group);
            }}
          >
            <SelectField
              label={t('addLabel')}
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
              error={addError}
              options={[{ value: '', label: available.length ? t('choose') : t('noneAvailable') }, ...available.map((g) => ({ value: g.id, label: g.name || g.id }))]}
              className="min-w-64"
            />
            <Button type="submit" busy={busy} disabled={available.length === 0}>
              {t('add')}
            </Button>
          </form>
        )}
      </div>
    );
  };

  return (
    <Panel title={t('title')}>
      <div className="space-y-4">
        {body()}
        <GuideTip
          title={tGroups('guide.title')}
          tip={t('tip')}
          cliLabel={tGroups('guide.cli')}
          commands={['openstack server add security group <server> <group>', 'openstack server remove security group <server> <group>']}
        />
      </div>
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t('removeTitle', { name: removing.name }) : ''}
        confirmLabel={t('remove')}
        cancelLabel={tGroups('cancel')}
        busy={busy}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && void change('remove', removing)}
      >
        <p>{t('removeWarning')}</p>
      </ConfirmDialog>
    </Panel>
  );
}
