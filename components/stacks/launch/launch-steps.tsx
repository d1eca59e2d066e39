'use client';

import { useTranslations } from 'use-intl';

import { cn } from '@/lib/cn';

const STEPS = ['template', 'parameters', 'preview'] as const;

/** Where the user is in the launch: the three steps, the current one marked for assistive technology. */
export function LaunchSteps({ step }: { step: number }) {
  const t = useTranslations('stacks');
  return (
    <ol aria-label={t('steps.label')} className="flex flex-wrap gap-2 text-sm">
      {STEPS.map((key, i) => (
        <li
          key={key}
          aria-current={i === step ? 'step' : undefined}
          className={cn('rounded-full px-3 py-1', i === step ? 'bg-sky-700 font-semibold text-white' : i < step ? 'bg-sky-100 text-sky-900' : 'bg-slate-100 text-slate-600')}
        >
          <span className="sr-only">{t('stepOf', { step: i + 1, count: STEPS.length })}: </span>
          {i + 1}. {t(`steps.${key}`)}
        </li>
      ))}
    </ol>
  );
}
