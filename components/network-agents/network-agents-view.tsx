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
import { SelectField } from '@/components/ui/select-field';
import { useApiFeedback } from '@/components/ui/use-api-feedback';
import type { AgentRow, NetworkAgentsView as View } from '@/lib/bff/network-agents';
import { apiFetch } from '@/lib/query/api';
import { networkAgentsQuery } from '@/lib/query/floating-ip-queries';
import type { Scope } from '@/lib/query/queries';

import { heartbeatAge } from './heartbeat-age';

/** Neutron's agents, down ones first and called out, filterable by host and type, with enable/disable. */
export function NetworkAgentsView({ scope, initialData }: { scope: Scope; initialData?: View }) {
  const t = useTranslations('networkAgents');
  const queryClient = useQueryClient();
  const { toastError, toastSuccess } = useApiFeedback('networkAgents');
  // Heartbeats move on by themselves: the page reads them again every 15 s.
  const query = useQuery({ ...networkAgentsQuery(scope), initialData, refetchInterval: 15_000 });
  const [host, setHost] = useState('');
  const [type, setType] = useState('');
  const [changing, setChanging] = useState<AgentRow | null>(null);
  const [busy, setBusy] = useState(false);

  const age = (a: AgentRow) => {
    if (a.heartbeatAgeSeconds === null) return t('neverReported');
    const { unit, value } = heartbeatAge(a.heartbeatAgeSeconds);
    return t(`ago.${unit}`, { value });
  };
  const label = (a: AgentRow) => t('agentOnHost', { type: a.agentType, host: a.host });

  const changeState = async () => {
    if (!changing) return;
    setBusy(true);
    try {
      await apiFetch(`/api/admin/network-agents/${encodeURIComponent(changing.id)}`, { method: 'PUT', body: { adminStateUp: !changing.adminStateUp } });
      toastSuccess(changing.adminStateUp ? t('disabled', { agent: label(changing) }) : t('enabled', { agent: label(changing) }));
      await queryClient.invalidateQueries({ queryKey: ['network-agents'] });
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
      setChanging(null);
    }
  };

  const columns: Column<AgentRow>[] = [
    {
      key: 'alive',
      header: t('alive'),
      cell: (a) => (a.alive ? <Badge tone="ok">{t('up')}</Badge> : <Badge tone="error">{t('down')}</Badge>),
    },
    { key: 'type', header: t('type'), cell: (a) => <span className="font-medium">{a.agentType}</span> },
    { key: 'binary', header: t('binary'), cell: (a) => <span className="font-mono text-xs">{a.binary}</span> },
    { key: 'host', header: t('host'), cell: (a) => a.host },
    { key: 'zone', header: t('zone'), cell: (a) => a.availabilityZone ?? '—' },
    { key: 'heartbeat', header: t('heartbeat'), cell: (a) => <span className={a.alive ? '' : 'font-semibold text-red-800'}>{age(a)}</span> },
    { key: 'state', header: t('adminState'), cell: (a) => (a.adminStateUp ? t('stateEnabled') : <Badge tone="neutral">{t('stateDisabled')}</Badge>) },
    {
      key: 'actions',
      header: <span className="sr-only">{t('actions')}</span>,
      cell: (a) => (
        <Button variant="secondary" onClick={() => setChanging(a)} aria-label={`${a.adminStateUp ? t('disable') : t('enable')} ${label(a)}`}>
          {a.adminStateUp ? t('disable') : t('enable')}
        </Button>
      ),
    },
  ];

  const data = query.data;
  const down = data?.agents.filter((a) => !a.alive) ?? [];
  const shown = (d: View) => d.agents.filter((a) => (!host || a.host === host) && (!type || a.agentType === type));

  return (
    <div className="space-y-4">
      {down.length > 0 && (
        <Alert tone="error">
          <p className="font-semibold">{t('downCount', { count: down.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {down.map((a) => (
              <li key={a.id}>{t('downItem', { agent: label(a), age: age(a) })}</li>
            ))}
          </ul>
        </Alert>
      )}
      {data && down.length === 0 && data.agents.length > 0 && <Alert tone="info">{t('allAlive', { count: data.agents.length })}</Alert>}
      <Panel title={t('listTitle')}>
        <div className="mb-3 flex flex-wrap gap-3">
          <SelectField className="w-56" label={t('filterHost')} value={host} onChange={(e) => setHost(e.target.value)} options={[{ value: '', label: t('any') }, ...(data?.hosts ?? []).map((h) => ({ value: h, label: h }))]} />
          <SelectField className="w-64" label={t('filterType')} value={type} onChange={(e) => setType(e.target.value)} options={[{ value: '', label: t('any') }, ...(data?.types ?? []).map((ty) => ({ value: ty, label: ty }))]} />
        </div>
        <QueryPanelBody query={query} skeletonRows={5}>
          {(d) => <DataTable columns={columns} rows={shown(d)} rowKey={(a) => a.id} empty={d.agents.length ? t('noMatch') : t('empty')} caption={t('listTitle')} />}
        </QueryPanelBody>
      </Panel>
      <ConfirmDialog
        open={changing !== null}
        title={changing ? (changing.adminStateUp ? t('disableTitle', { agent: label(changing) }) : t('enableTitle', { agent: label(changing) })) : ''}
        confirmLabel={changing?.adminStateUp ? t('disable') : t('enable')}
        cancelLabel={t('cancel')}
        destructive={changing?.adminStateUp ?? false}
        busy={busy}
        onCancel={() => setChanging(null)}
        onConfirm={changeState}
      >
        <p>{changing?.adminStateUp ? t('disableWarning') : t('enableNote')}</p>
      </ConfirmDialog>
    </div>
  );
}
