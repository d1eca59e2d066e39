'use client';

import { useTranslations } from 'use-intl';

import { Panel, PanelSkeleton } from '@/components/ui/panel';

/** The network pages' loading.tsx: a header line and two panels of grey rows, the page's own shape. */
export function NetworkPageSkeleton() {
  const t = useTranslations('networks');
  return (
    <div className="space-y-6" aria-busy="true">
      <span className="sr-only">{t('loading')}</span>
      <div className="h-6 w-48 animate-pulse rounded bg-slate-200" />
      <Panel title={<span className="inline-block h-4 w-32 animate-pulse rounded bg-slate-200" />}>
        <PanelSkeleton rows={5} />
      </Panel>
      <Panel title={<span className="inline-block h-4 w-24 animate-pulse rounded bg-slate-200" />}>
        <PanelSkeleton rows={3} />
      </Panel>
    </div>
  );
}
