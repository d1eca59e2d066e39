'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import { SelectField } from '@/components/ui/select-field';
import { useConfirmDelete } from '@/components/ui/use-confirm-delete';
import type { ImageListView, ImageRow } from '@/lib/bff/images';
import type { Scope } from '@/lib/query/queries';
import { type ImageVisibilityFilter, imagesQuery } from '@/lib/query/resource-queries';

import { CreateImageDialog } from './create-image-dialog';
import { EditImageDialog } from './edit-image-dialog';
import { IMAGE_TRANSITIONAL, ImageStatusBadge, VisibilityBadge, formatBytes } from './image-badges';

const FILTERS: ImageVisibilityFilter[] = ['all', 'private', 'shared', 'community', 'public'];

export function ImagesView({
  scope,
  visibility,
  marker,
  initialData,
  csrfToken,
}: {
  scope: Scope;
  visibility: ImageVisibilityFilter;
  /** Glance pages by marker: the last image of the previous page, kept in the URL. */
  marker?: string;
  initialData?: ImageListView;
  csrfToken: string;
}) {
  const t = useTranslations('images');
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const queryClient = useQueryClient();
  const query = useQuery({
    ...imagesQuery(scope, visibility, marker),
    initialData,
    // Images being uploaded or imported settle by themselves; poll until they do.
    refetchInterval: (q) => (q.state.data?.images.some((i) => IMAGE_TRANSITIONAL.has(i.status)) ? 3_000 : false),
  });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ImageRow | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['images', scope.projectId] });
  const { deleting, askDelete, dialogProps } = useConfirmDelete<ImageRow>('images', {
    url: (i) => `/api/images/${encodeURIComponent(i.id)}`,
    deleted: (i) => t('deleted', { name: i.name || i.id }),
    refresh,
  });

  const navigate = (change: Record<string, string | null>) => {
    const params = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(change)) {
      if (value === null) params.delete(key);
      else params.set(key, value);
    }
    router.replace(params.size ? `${pathname}?${params}` : pathname);
  };
  const setFilter = (value: string) => navigate({ visibility: value === 'all' ? null : value, marker: null });

  const columns: Column<ImageRow>[] = [
    {
      key: 'name',
      header: t('name'),
      cell: (i) => (
        <Link href={`/project/compute/images/${encodeURIComponent(i.id)}`} className="font-medium text-sky-800 hover:underline">
          {i.name || i.id}
        </Link>
      ),
    },
    { key: 'status', header: t('statusLabel'), cell: (i) => <ImageStatusBadge status={i.status} /> },
    { key: 'visibility', header: t('visibilityLabel'), cell: (i) => <VisibilityBadge visibility={i.visibility} /> },
    { key: 'protected', header: t('protected'), cell: (i) => (i.protected ? t('yes') : t('no')) },
    { key: 'format', header: t('diskFormat'), cell: (i) => i.diskFormat ?? '—' },
    { key: 'size', header: t('size'), cell: (i) => formatBytes(i.sizeBytes) },
    { key: 'min', header: t('minimums'), cell: (i) => t('minimumsValue', { disk: i.minDiskGb, ram: i.minRamMb }) },
    {
      key: 'actions',
      header: <span className="sr-only">{t('actions')}</span>,
      cell: (i) =>
        i.owned || query.data?.canPublish ? (
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setEditing(i)} aria-label={t('editNamed', { name: i.name || i.id })}>
              {t('edit')}
            </Button>
            <Button variant="danger" onClick={() => askDelete(i)} aria-label={t('deleteNamed', { name: i.name || i.id })}>
              {t('delete')}
            </Button>
          </div>
        ) : null,
    },
  ];

  const data = query.data;
  return (
    <div className="space-y-4">
      {data && !data.canPublish && <Alert tone="info">{t('publicPolicy')}</Alert>}
      <Panel
        title={t('listTitle')}
        actions={
          <div className="flex items-end gap-3">
            <SelectField
              label={t('filter')}
              value={visibility}
              onChange={(e) => setFilter(e.target.value)}
              options={FILTERS.map((f) => ({ value: f, label: t(`filters.${f}`) }))}
            />
            <Button onClick={() => setCreating(true)} disabled={!data}>
              {t('createButton')}
            </Button>
          </div>
        }
      >
        <QueryPanelBody query={query} skeletonRows={5}>
          {(data) => (
            <>
              <DataTable columns={columns} rows={data.images} rowKey={(i) => i.id} empty={t('empty')} caption={t('listTitle')} />
              {(marker || data.nextMarker) && (
                <div className="mt-3 flex justify-end gap-2">
                  {marker && (
                    <Button variant="secondary" onClick={() => navigate({ marker: null })}>
                      {t('firstPage')}
                    </Button>
                  )}
                  {data.nextMarker && (
                    <Button variant="secondary" onClick={() => navigate({ marker: data.nextMarker })}>
                      {t('nextPage')}
                    </Button>
                  )}
                </div>
              )}
            </>
          )}
        </QueryPanelBody>
      </Panel>
      {data && creating && (
        <CreateImageDialog
          open
          canPublish={data.canPublish}
          canImportUrl={data.importMethods.includes('web-download')}
          uploadLimitBytes={data.uploadLimitBytes}
          csrfToken={csrfToken}
          onClose={() => setCreating(false)}
          onCreated={refresh}
        />
      )}
      {data && editing && <EditImageDialog image={editing} canPublish={data.canPublish} onClose={() => setEditing(null)} onSaved={refresh} />}
      <ConfirmDialog
        {...dialogProps}
        title={t('deleteTitle', { name: deleting?.name || deleting?.id || '' })}
      >
        <p>{deleting?.protected ? t('deleteProtected') : t('deleteWarning')}</p>
      </ConfirmDialog>
    </div>
  );
}
