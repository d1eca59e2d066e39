import type { ReactNode } from 'react';

import { cn } from '@/lib/cn';

const TONES = {
  ok: 'bg-emerald-100 text-emerald-800',
  error: 'bg-red-100 text-red-800',
  neutral: 'bg-slate-100 text-slate-700',
  info: 'bg-sky-100 text-sky-800',
} as const;

export function Badge({ tone = 'neutral', children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return <span className={cn('inline-flex rounded-full px-2 py-0.5 text-xs font-medium', TONES[tone])}>{children}</span>;
}
