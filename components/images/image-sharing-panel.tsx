'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslations } from 'use-intl';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import { TextField } from '@/components/ui/text-field';
import type { ImageMember, MemberStatus } from '@/lib/openstack/glance-members';
import { apiFetch } from '@/lib/query/api';
import type { Scope } from '@/lib/query/queries';
import { imageSharingQuery } from '@/lib/query/resource-queries';
import { shareImageSchema } from '@/lib/validation/images';

import { fieldsOf, useApiFeedback, zodFields } from '@/components/ui/use-api-feedback';

const STATUS_TONE = { accepted: 'ok', pending: 'info', rejected: 'neutral' } as const;

/** Owners share a "shared" image with projects; a project it was shared with accepts or rejects it here. */
export function ImageSharingPanel({ scope, imageId }: { scope: Scope; imageId: string }) {
  const t = useTranslations('images.sharing');
  const { fieldText, toastError, toastSuccess } = useApiFeedback('images');
  const queryClient = useQueryClient();
  const query = useQuery(imageSharingQuery(scope, imageId));
  const [projectId, setProjectId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['image-sharing'] }), queryClient.invalidateQueries({ queryKey: ['images'] })]);

  const run = async (send: () => Promise<unknown>, success: string) => {
    setBusy(true);
    try {
      await send();
      toastSuccess(success);
      await refresh();
      return true;
    } catch (error) {
      const fields = fieldsOf(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) toastError(error);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const share = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = shareImageSchema.safeParse({ projectId });
    if (!parsed.success) return setErrors(zodFields(parsed.error.issues));
    setErrors({});
    const url = `/api/images/${encodeURIComponent(imageId)}/members`;
    if (await run(() => apiFetch(url, { method: 'POST', body: parsed.data }), t('shared', { project: parsed.data.projectId }))) setProjectId('');
  };
  const answer = (status: MemberStatus) =>
    run(() => apiFetch(`/api/images/${encodeURIComponent(imageId)}/members`, { method: 'PUT', body: { status } }), t(`answered.${status}`));

  if (query.isError) return <Panel title={t('title')}><ApiErrorNotice error={query.error} /></Panel>;
  const data = query.data;
  if (!data) return <Panel title={t('title')}><PanelSkeleton rows={2} /></Panel>;
  if (!data.owned && !data.membership) return null;

  if (!data.owned && data.membership) {
    const status = data.membership.status;
    return (
      <Panel title={t('title')}>
        <p className="text-sm">
          {t('memberStatus')} <Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge>
        </p>
        <p className="mt-2 text-sm text-slate-600">{t('memberExplained')}</p>
        <div className="mt-3 flex gap-2">
          {status !== 'accepted' && <Button busy={busy} onClick={() => void answer('accepted')}>{t('accept')}</Button>}
          {status !== 'rejected' && <Button variant="secondary" busy={busy} onClick={() => void answer('rejected')}>{t('reject')}</Button>}
        </div>
      </Panel>
    );
  }

  const columns: Column<ImageMember>[] = [
    { key: 'project', header: t('project'), cell: (m) => <span className="font-mono text-xs">{m.projectId}</span> },
    { key: 'status', header: t('statusLabel'), cell: (m) => <Badge tone={STATUS_TONE[m.status]}>{t(`status.${m.status}`)}</Badge> },
    {
      key: 'actions',
      header: <span className="sr-only">{t('actions')}</span>,
      cell: (m) => (
        <Button
          variant="secondary"
          busy={busy}
          aria-label={t('removeNamed', { project: m.projectId })}
          onClick={() => void run(() => apiFetch(`/api/images/${encodeURIComponent(imageId)}/members/${encodeURIComponent(m.projectId)}`, { method: 'DELETE' }), t('removed', { project: m.projectId }))}
        >
          {t('remove')}
        </Button>
      ),
    },
  ];
  return (
    <Panel title={t('title')}>
      {data.visibility !== 'shared' ? (
        <p className="text-sm text-slate-600">{t('notShared')}</p>
      ) : (
        <div className="space-y-4">
          <DataTable columns={columns} rows={data.members} rowKey={(m) => m.projectId} empty={t('noMembers')} caption={t('title')} />
          <form onSubmit={share} noValidate className="flex items-end gap-2">
            <TextField label={t('projectId')} value={projectId} onChange={(e) => setProjectId(e.target.value)} error={fieldText(errors.projectId)} className="flex-1" />
            <Button type="submit" busy={busy}>{t('share')}</Button>
          </form>
          <p className="text-xs text-slate-500">{t('ownerExplained')}</p>
        </div>
      )}
    </Panel>
  );
}
