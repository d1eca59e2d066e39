'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useRef } from 'react';
import { useFormatter, useNow, useTranslations } from 'use-intl';

import type { ServerRow } from '@/lib/bff/servers';

import { ServerActionsMenu } from './server-actions-menu';
import { ServerStatusBadge } from './server-status-badge';

const ROW_HEIGHT = 44;
/** Past this many rows only the visible ones are in the DOM. */
const WINDOW_FROM = 100;

export function InstancesTable({
  rows,
  allProjects,
  isAdmin,
  selected,
  onToggle,
  onToggleAll,
}: {
  rows: ServerRow[];
  allProjects: boolean;
  isAdmin: boolean;
  selected: Set<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
}) {
  const t = useTranslations('instances');
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const scrollRef = useRef<HTMLDivElement>(null);
  const windowed = rows.length > WINDOW_FROM;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    enabled: windowed,
  });

  const columns: { key: string; header: string; cell: (s: ServerRow) => React.ReactNode }[] = [
    {
      key: 'name',
      header: t('columns.name'),
      cell: (s) => (
        <Link href={`/project/compute/instances/${s.id}`} className="font-medium text-sky-800 hover:underline">
          {s.name || s.id}
        </Link>
      ),
    },
    ...(allProjects
      ? [
          { key: 'project', header: t('columns.project'), cell: (s: ServerRow) => s.projectName ?? <span className="font-mono text-xs">{s.projectId}</span> },
          { key: 'host', header: t('columns.host'), cell: (s: ServerRow) => s.host ?? '—' },
        ]
      : []),
    { key: 'status', header: t('columns.status'), cell: (s) => <ServerStatusBadge status={s.status} taskState={s.taskState} /> },
    {
      key: 'image',
      header: t('columns.image'),
      cell: (s) => (s.imageId ? (s.imageName ?? <span className="font-mono text-xs">{s.imageId.slice(0, 8)}</span>) : <span className="text-slate-500">{t('bootedFromVolume')}</span>),
    },
    { key: 'flavor', header: t('columns.flavor'), cell: (s) => <span title={t('flavorShape', { vcpus: s.flavor.vcpus, ram: s.flavor.ram, disk: s.flavor.disk })}>{s.flavor.name}</span> },
    {
      key: 'ips',
      header: t('columns.addresses'),
      cell: (s) => <span className="font-mono text-xs">{s.addresses.map((a) => a.address).join(', ') || '—'}</span>,
    },
    { key: 'groups', header: t('columns.securityGroups'), cell: (s) => s.securityGroups.join(', ') || '—' },
    { key: 'key', header: t('columns.keyPair'), cell: (s) => s.keyName ?? '—' },
    { key: 'az', header: t('columns.zone'), cell: (s) => s.availabilityZone ?? '—' },
    {
      key: 'age',
      header: t('columns.age'),
      cell: (s) => (s.created ? <time dateTime={s.created}>{format.relativeTime(new Date(s.created), now)}</time> : '—'),
    },
  ];

  const allChecked = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const renderRow = (s: ServerRow, style?: React.CSSProperties) => (
    <tr key={s.id} style={style} className="hover:bg-slate-50" data-row-id={s.id}>
      <td className="w-8 px-3 py-2">
        <input type="checkbox" aria-label={t('select', { name: s.name })} checked={selected.has(s.id)} onChange={() => onToggle(s.id)} />
      </td>
      {columns.map((c) => (
        <td key={c.key} className="whitespace-nowrap px-3 py-2 text-slate-800">
          {c.cell(s)}
        </td>
      ))}
      <td className="px-3 py-2 text-right">
        <ServerActionsMenu server={s} isAdmin={isAdmin} />
      </td>
    </tr>
  );

  const items = windowed ? virtualizer.getVirtualItems() : [];
  const padTop = windowed && items.length ? items[0]!.start : 0;
  const padBottom = windowed && items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  return (
    <div ref={scrollRef} className={windowed ? 'relative max-h-[70vh] overflow-auto' : 'relative overflow-x-auto'}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-rowcount={rows.length + 1}>
        <caption className="sr-only">{t('title')}</caption>
        <thead className="sticky top-0 z-10 bg-slate-50">
          <tr>
            <th scope="col" className="w-8 px-3 py-2">
              <input type="checkbox" aria-label={t('selectAll')} checked={allChecked} onChange={onToggleAll} />
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="whitespace-nowrap px-3 py-2 text-left font-semibold text-slate-700">
                {c.header}
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">{t('columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {windowed ? (
            <>
              {padTop > 0 && <tr aria-hidden style={{ height: padTop }} />}
              {items.map((item) => renderRow(rows[item.index]!))}
              {padBottom > 0 && <tr aria-hidden style={{ height: padBottom }} />}
            </>
          ) : (
            rows.map((s) => renderRow(s))
          )}
        </tbody>
      </table>
    </div>
  );
}
