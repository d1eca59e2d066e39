'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import type { ImageRow } from '@/lib/bff/images';
import type { Scope } from '@/lib/query/queries';
import { imageQuery } from '@/lib/query/resource-queries';

import { IMAGE_TRANSITIONAL, ImageStatusBadge, VisibilityBadge, formatBytes } from './image-badges';
import { ImageSharingPanel } from './image-sharing-panel';

/** One image: Glance's fields in clean names, then every other property as Glance stores it. */
export function ImageDetail({ scope, id, initialData }: { scope: Scope; id: string; initialData?: ImageRow }) {
  const t = useTranslations('images');
  const query = useQuery({
    ...imageQuery(scope, id),
    initialData,
    refetchInterval: (q) => (q.state.data && IMAGE_TRANSITIONAL.has(q.state.data.status) ? 3_000 : false),
  });
  if (query.isError) return <ApiErrorNotice error={query.error} />;
  const image = query.data;
  if (!image) {
    return (
      <Panel title={t('details')}>
        <PanelSkeleton rows={6} />
      </Panel>
    );
  }
  const fields: [string, React.ReactNode][] = [
    [t('id'), <span key="id" className="font-mono text-xs">{image.id}</span>],
    [t('statusLabel'), <ImageStatusBadge key="s" status={image.status} />],
    [t('visibilityLabel'), <VisibilityBadge key="v" visibility={image.visibility} />],
    [t('protected'), image.protected ? t('yes') : t('no')],
    [t('owner'), <span key="o" className="font-mono text-xs">{image.owner ?? '—'}</span>],
    [t('diskFormat'), image.diskFormat ?? '—'],
    [t('containerFormat'), image.containerFormat ?? '—'],
    [t('size'), formatBytes(image.sizeBytes)],
    [t('virtualSize'), formatBytes(image.virtualSizeBytes)],
    [t('minDisk'), image.minDiskGb],
    [t('minRam'), image.minRamMb],
    [t('checksum'), <span key="c" className="font-mono text-xs">{image.checksum ?? '—'}</span>],
    [t('createdAt'), image.createdAt],
    [t('updatedAt'), image.updatedAt],
    [t('tags'), image.tags.join(', ') || '—'],
  ];
  const properties = Object.entries(image.properties).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title={t('details')}>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
            {fields.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </Panel>
        <Panel title={t('properties')}>
          {properties.length === 0 ? (
            <p className="text-sm text-slate-500">{t('noProperties')}</p>
          ) : (
            <table className="min-w-full text-sm" aria-label={t('properties')}>
              <tbody className="divide-y divide-slate-100">
                {properties.map(([key, value]) => (
                  <tr key={key}>
                    <th scope="row" className="py-1 pr-4 text-left font-mono text-xs font-normal text-slate-600">
                      {key}
                    </th>
                    <td className="break-all py-1 font-mono text-xs">{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      </div>
      <ImageSharingPanel scope={scope} imageId={id} />
    </div>
  );
}
