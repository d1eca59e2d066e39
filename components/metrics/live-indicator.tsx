'use client';

import { useTranslations } from 'use-intl';

import { cn } from '@/lib/cn';

import type { StreamProblem, StreamStatus } from './use-metric-stream';

/** "Live" while the stream is open; otherwise what it is doing, and the last problem the BFF pushed. */
export function LiveIndicator({ status, problem }: { status: StreamStatus; problem: StreamProblem | null }) {
  const t = useTranslations('metrics');
  return (
    <span className="inline-flex items-center gap-2 text-xs text-slate-700" role="status" data-testid="live-indicator" data-status={status}>
      <span
        aria-hidden
        className={cn(
          'h-2 w-2 rounded-full',
          status === 'live' ? 'bg-emerald-600 motion-safe:animate-pulse' : status === 'stopped' ? 'bg-slate-400' : 'bg-amber-500',
        )}
      />
      {t(`stream.${status}`)}
      {problem && <span className="text-red-700">· {t('stream.problem', { message: problem.message })}</span>}
    </span>
  );
}
