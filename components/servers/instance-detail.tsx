'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'use-intl';

import { InstanceFloatingIps } from '@/components/floating-ips/instance-floating-ips';
import { InstanceCpuPanel } from '@/components/metrics/instance-cpu-panel';
import { InstanceSecurityGroups } from '@/components/security-groups/instance-security-groups';
import { CheckConnectivityLink } from '@/components/troubleshoot/check-connectivity-link';
import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Alert } from '@/components/ui/alert';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import { Tabs } from '@/components/ui/tabs';
import type { ServerDetailView } from '@/lib/bff/servers';
import { canChangeVolumes, isTransitional } from '@/lib/compute/server-status';
import type { InstanceAction } from '@/lib/openstack/nova/servers';
import type { ServerAddress } from '@/lib/openstack/nova/server-model';
import { type Scope, serverDetailQuery } from '@/lib/query/queries';

import { AttachedVolumes } from './attached-volumes';
import { ConsoleLog } from './console-log';
import { InstanceOperations } from './instance-operations';
import { ServerActionsMenu } from './server-actions-menu';
import { ServerStatusBadge } from './server-status-badge';

export function InstanceDetail({ scope, id, isAdmin, initialData }: { scope: Scope; id: string; isAdmin: boolean; initialData?: ServerDetailView }) {
  const t = useTranslations('instanceDetail');
  const format = useFormatter();
  const query = useQuery({
    ...serverDetailQuery(scope, id),
    initialData,
    refetchInterval: (q) => (q.state.data && isTransitional(q.state.data.server) ? 3_000 : false),
  });
  if (query.isError) return <ApiErrorNotice error={query.error} />;
  if (!query.data) return <PanelSkeleton rows={8} />;
  const { server, actions } = query.data;
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'medium' }) : '—');

  const fields: [string, React.ReactNode][] = [
    [t('id'), <span className="font-mono text-xs">{server.id}</span>],
    [t('status'), <ServerStatusBadge status={server.status} taskState={server.taskState} />],
    [t('vmState'), server.vmState ?? '—'],
    [t('powerState'), server.powerState === null ? '—' : t(`power.${Math.min(server.powerState, 7)}` as 'power.0')],
    [t('locked'), server.locked ? `${t('yes')}${server.lockedReason ? ` (${server.lockedReason})` : ''}` : t('no')],
    [t('flavor'), `${server.flavor.name} · ${t('flavorShape', { vcpus: server.flavor.vcpus, ram: server.flavor.ram, disk: server.flavor.disk })}`],
    [t('image'), server.imageId ? (server.imageName ?? server.imageId) : t('bootedFromVolume')],
    [t('keyPair'), server.keyName ?? '—'],
    [t('zone'), server.availabilityZone ?? '—'],
    ...(server.host || isAdmin ? ([[t('host'), server.host ?? '—']] as [string, React.ReactNode][]) : []),
    [t('project'), server.projectName ?? server.projectId],
    [t('user'), <span className="font-mono text-xs">{server.userId}</span>],
    [t('created'), when(server.created)],
    [t('launched'), when(server.launchedAt)],
    [t('updated'), when(server.updated)],
    [t('description'), server.description ?? '—'],
    [t('securityGroups'), server.securityGroups.join(', ') || '—'],
    [t('metadata'), Object.keys(server.metadata).length ? Object.entries(server.metadata).map(([k, v]) => `${k}=${v}`).join(', ') : '—'],
    [t('tags'), server.tags.join(', ') || '—'],
  ];

  const addressColumns: Column<ServerAddress>[] = [
    { key: 'network', header: t('network'), cell: (a) => a.network },
    { key: 'address', header: t('address'), cell: (a) => <span className="font-mono text-xs">{a.address}</span> },
    { key: 'kind', header: t('kind'), cell: (a) => t(`addressKind.${a.kind}`) },
    { key: 'version', header: t('ipVersion'), cell: (a) => `IPv${a.version}` },
    { key: 'mac', header: t('mac'), cell: (a) => <span className="font-mono text-xs">{a.mac ?? '—'}</span> },
  ];
  const actionColumns: Column<InstanceAction>[] = [
    { key: 'action', header: t('action'), cell: (a) => a.action },
    { key: 'start', header: t('startTime'), cell: (a) => when(a.startTime) },
    { key: 'user', header: t('user'), cell: (a) => <span className="font-mono text-xs">{a.userId ?? '—'}</span> },
    { key: 'request', header: t('requestId'), cell: (a) => <span className="font-mono text-xs">{a.requestId}</span> },
    { key: 'message', header: t('message'), cell: (a) => a.message ?? '' },
  ];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <ServerStatusBadge status={server.status} taskState={server.taskState} />
          {server.locked && <span className="text-xs text-slate-600">🔒 {t('lockedNote')}</span>}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <CheckConnectivityLink serverId={server.id} />
          <InstanceOperations server={server} isAdmin={isAdmin} />
          <ServerActionsMenu server={server} isAdmin={isAdmin} />
        </div>
      </div>
      {server.fault && (
        <Alert tone="error">
          <p className="font-medium">{t('fault', { code: server.fault.code })}</p>
          <p className="mt-1">{server.fault.message}</p>
          {/no valid host/i.test(server.fault.message) && <p className="mt-2 text-xs">{t('noValidHostAdvice')}</p>}
          {server.fault.details && <pre className="mt-2 max-h-40 overflow-auto whitespace-pre-wrap text-xs">{server.fault.details}</pre>}
        </Alert>
      )}
      <Panel title={server.name || server.id}>
        <Tabs
          label={t('sections')}
          tabs={[
            {
              key: 'overview',
              title: t('overview'),
              content: (
                <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
                  {fields.map(([label, value]) => (
                    <div key={label} className="contents">
                      <dt className="text-slate-500">{label}</dt>
                      <dd className="break-words">{value}</dd>
                    </div>
                  ))}
                </dl>
              ),
            },
            {
              key: 'interfaces',
              title: t('interfaces'),
              content: <DataTable columns={addressColumns} rows={server.addresses} rowKey={(a) => `${a.network}|${a.address}`} empty={t('noAddresses')} caption={t('interfaces')} />,
            },
            {
              key: 'volumes',
              title: t('volumes', { count: server.volumeIds.length }),
              content: <AttachedVolumes serverId={server.id} volumeIds={server.volumeIds} canDetach={canChangeVolumes(server, isAdmin)} />,
            },
            { key: 'console', title: t('console'), content: <ConsoleLog serverId={server.id} /> },
            {
              key: 'actions',
              title: t('actionLog'),
              content: <DataTable columns={actionColumns} rows={actions} rowKey={(a) => a.requestId + a.action} empty={t('noActions')} caption={t('actionLog')} />,
            },
          ]}
        />
      </Panel>
      <InstanceCpuPanel serverId={server.id} />
      <InstanceFloatingIps serverId={server.id} />
      <InstanceSecurityGroups serverId={server.id} />
    </div>
  );
}
