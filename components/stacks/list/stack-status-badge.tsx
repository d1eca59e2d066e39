'use client';

import { useTranslations } from 'use-intl';

import { cn } from '@/lib/cn';
import type { HeatStatus } from '@/lib/openstack/heat/types';

const TONE: Record<string, string> = {
  COMPLETE: 'bg-emerald-100 text-emerald-800',
  FAILED: 'bg-red-100 text-red-800',
  IN_PROGRESS: 'bg-sky-100 text-sky-800',
};

/** A stack's action and status (CREATE complete, UPDATE in progress…); in progress pulses, failed is red with Heat's reason. */
export function StackStatusBadge({ status, showReason = true }: { status: HeatStatus; showReason?: boolean }) {
  const t = useTranslations('stacks');
  const known = status.status in TONE;
  return (
    <div className="space-y-1">
      <span className={cn('inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium', TONE[status.status] ?? 'bg-slate-100 text-slate-700')}>
        {status.status === 'IN_PROGRESS' && <span aria-hidden className="h-2 w-2 animate-pulse rounded-full bg-sky-600 motion-reduce:animate-none" />}
        <span>
          {status.action} {known ? t(`status.${status.status}` as 'status.COMPLETE') : status.status}
        </span>
      </span>
      {showReason && status.status === 'FAILED' && status.reason && <p className="max-w-md text-xs text-red-700">{t('reason', { reason: status.reason })}</p>}
    </div>
  );
}
