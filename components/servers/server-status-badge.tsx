'use client';

import { useTranslations } from 'use-intl';

import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/cn';
import { type ServerStatus, statusTone } from '@/lib/compute/server-status';

const TONE_CLASSES = {
  ok: 'bg-emerald-100 text-emerald-800',
  error: 'bg-red-100 text-red-800',
  neutral: 'bg-slate-200 text-slate-700',
  info: 'bg-sky-100 text-sky-800',
  progress: 'bg-amber-100 text-amber-900',
} as const;

/** The status in words with its colour; a task in progress shows a spinner and the task's name. */
export function ServerStatusBadge({ status, taskState }: { status: ServerStatus; taskState: string | null }) {
  const t = useTranslations('instances.status');
  const busy = statusTone(status) === 'progress' || taskState !== null;
  return (
    <span className={cn('inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium', TONE_CLASSES[statusTone(status)])}>
      {busy && <Spinner />}
      {t(status)}
      {taskState && <span className="font-normal opacity-80">({taskState.replace(/_/g, ' ')})</span>}
    </span>
  );
}
