'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Button } from '@/components/ui/button';
import { PanelSkeleton } from '@/components/ui/panel';
import { SelectField } from '@/components/ui/select-field';
import type { StackEvent } from '@/lib/openstack/heat/types';
import type { Scope } from '@/lib/query/queries';
import { stackEventsQuery, stackResourcesQuery } from '@/lib/query/stack-detail-queries';

import { HeatStatusBadge } from './heat-status-badge';

const ROW_HEIGHT = 37;

/** Events newest first, windowed, paged with Heat's marker as the reader scrolls; live while things change. */
export function StackEvents({ scope, stackId, live }: { scope: Scope; stackId: string; live: boolean }) {
  const t = useTranslations('stackDetail.events');
  const [resource, setResource] = useState('');
  const resources = useQuery(stackResourcesQuery(scope, stackId, 0));
  const query = useInfiniteQuery(stackEventsQuery(scope, stackId, resource, live));
  const events = query.data?.pages.flatMap((p) => p.events) ?? [];
  const names = [...new Set((resources.data?.resources ?? []).map((r) => r.name))].sort();
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-4">
        <SelectField
          label={t('filter')}
          className="w-64"
          value={resource}
          onChange={(e) => setResource(e.target.value)}
          options={[{ value: '', label: t('allResources') }, ...names.map((n) => ({ value: n, label: n }))]}
        />
        <p className="pb-2 text-xs text-slate-600" aria-live="polite">
          {t('shown', { count: events.length })}
          {live && <span className="ml-2 text-sky-800">· {t('live')}</span>}
        </p>
      </div>
      {query.isError ? (
        <ApiErrorNotice error={query.error} />
      ) : !query.data ? (
        <PanelSkeleton rows={8} />
      ) : events.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500">{t('empty')}</p>
      ) : (
        <EventTable events={events} hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onMore={() => void query.fetchNextPage()} />
      )}
    </div>
  );
}

function EventTable({ events, hasMore, loading, onMore }: { events: StackEvent[]; hasMore: boolean; loading: boolean; onMore: () => void }) {
  const t = useTranslations('stackDetail.events');
  const format = useFormatter();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: events.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loading && last >= events.length - 30) onMore();
  }, [hasMore, loading, last, events.length, onMore]);
  const padTop = items.length ? items[0]!.start : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items.at(-1)!.end : 0;
  return (
    <div className="space-y-2">
      <div ref={scrollRef} className="relative max-h-[60vh] overflow-auto rounded border border-slate-200" data-testid="events-scroll">
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-rowcount={events.length + 1}>
          <caption className="sr-only">{t('caption')}</caption>
          <thead className="sticky top-0 z-10 bg-slate-50">
            <tr>
              {[t('time'), t('resource'), t('status'), t('reason')].map((h) => (
                <th key={h} scope="col" className="whitespace-nowrap px-3 py-2 text-left font-semibold text-slate-700">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {padTop > 0 && <tr aria-hidden style={{ height: padTop }} />}
            {items.map((item) => {
              const e = events[item.index]!;
              return (
                <tr key={e.id} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }} data-event-status={`${e.action}_${e.status}`}>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-700">
                    <time dateTime={e.time}>{e.time ? format.dateTime(new Date(e.time), { dateStyle: 'short', timeStyle: 'medium' }) : '—'}</time>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 font-medium">{e.resourceName}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <HeatStatusBadge status={e} />
                  </td>
                  <td className="max-w-xl truncate px-3 py-2 text-slate-700" title={e.reason}>
                    {e.reason}
                  </td>
                </tr>
              );
            })}
            {padBottom > 0 && <tr aria-hidden style={{ height: padBottom }} />}
          </tbody>
        </table>
      </div>
      {hasMore && (
        <Button variant="secondary" onClick={onMore} busy={loading}>
          {loading ? t('loadingMore') : t('loadMore')}
        </Button>
      )}
    </div>
  );
}
