import { useTranslations } from 'use-intl';

import { Badge } from '@/components/ui/badge';
import type { ImageVisibility } from '@/lib/openstack/glance';

const VISIBILITY_TONE = { public: 'ok', private: 'neutral', shared: 'info', community: 'info' } as const;

export function VisibilityBadge({ visibility }: { visibility: ImageVisibility }) {
  const t = useTranslations('images.visibility');
  return <Badge tone={VISIBILITY_TONE[visibility]}>{t(visibility)}</Badge>;
}

/** Glance's image states; queued, saving and importing are on their way to active. */
export const IMAGE_TRANSITIONAL = new Set(['queued', 'saving', 'importing', 'uploading', 'pending_delete']);

export function ImageStatusBadge({ status }: { status: string }) {
  const t = useTranslations('images.status');
  const tone = status === 'active' ? 'ok' : status === 'killed' || status === 'deactivated' ? 'error' : IMAGE_TRANSITIONAL.has(status) ? 'info' : 'neutral';
  return <Badge tone={tone}>{t.has(status) ? t(status) : status}</Badge>;
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
