'use client';

import { useTranslations } from 'use-intl';

import { Badge } from '@/components/ui/badge';

const TONE: Record<string, 'ok' | 'error' | 'neutral'> = { ACTIVE: 'ok', DOWN: 'neutral', ERROR: 'error' };

/** Neutron's floating IP status: ACTIVE when mapped and wired on the router, DOWN when free, ERROR otherwise. */
export function FloatingIpStatusBadge({ status }: { status: string }) {
  const t = useTranslations('floatingIps');
  const known = status in TONE;
  return <Badge tone={TONE[status] ?? 'neutral'}>{known ? t(`status.${status}` as 'status.ACTIVE') : status || '—'}</Badge>;
}
