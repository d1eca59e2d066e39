import { useTranslations } from 'use-intl';

import { Badge } from '@/components/ui/badge';

/** Cinder's volume and snapshot states; the transitional ones settle by themselves, so the page polls. */
export const VOLUME_TRANSITIONAL = new Set([
  'creating', 'attaching', 'detaching', 'deleting', 'extending', 'downloading', 'uploading', 'backing-up',
  'restoring-backup', 'retyping', 'reserved', 'awaiting-transfer', 'maintenance',
]);

const ERROR_STATES = new Set(['error', 'error_deleting', 'error_extending', 'error_restoring', 'error_managing']);

export function VolumeStatusBadge({ status }: { status: string }) {
  const t = useTranslations('volumes.status');
  const tone = ERROR_STATES.has(status) ? 'error' : VOLUME_TRANSITIONAL.has(status) ? 'info' : status === 'available' || status === 'in-use' ? 'ok' : 'neutral';
  return (
    <Badge tone={tone}>
      {VOLUME_TRANSITIONAL.has(status) && <span aria-hidden className="mr-1 inline-block h-2 w-2 animate-pulse rounded-full bg-current" />}
      {t.has(status) ? t(status) : status}
    </Badge>
  );
}
