'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';

import type { ClassifiedOutput } from '@/lib/bff/stack-detail-outputs';

/** An output's value by its kind: text, JSON (pretty, collapsible), or an http/https link opening in a new tab. */
export function OutputValue({ output }: { output: ClassifiedOutput }) {
  const t = useTranslations('stackDetail.outputs');
  if (output.error !== null) return <p className="text-sm text-red-700">{t('error', { error: output.error })}</p>;
  switch (output.kind) {
    case 'link':
      return (
        <a href={String(output.value)} target="_blank" rel="noopener noreferrer" className="break-all font-mono text-xs text-sky-800 hover:underline">
          {String(output.value)}
          <span className="sr-only"> {t('newTab')}</span>
        </a>
      );
    case 'json':
      return <JsonValue value={output.value} />;
    default:
      return (
        <div className="space-y-1">
          <p className="whitespace-pre-wrap break-all font-mono text-xs text-slate-800">{output.value === null ? '—' : String(output.value)}</p>
          {output.refused && <p className="text-xs text-amber-800">{t('refused', { reason: t(`refusal.${output.refused}`) })}</p>}
        </div>
      );
  }
}

function JsonValue({ value }: { value: unknown }) {
  const t = useTranslations('stackDetail.outputs');
  const [open, setOpen] = useState(true);
  const text = JSON.stringify(value, null, 2);
  return (
    <div className="space-y-1">
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} className="text-xs font-medium text-sky-800 hover:underline">
        {open ? t('collapseJson') : t('expandJson')}
      </button>
      {open && (
        <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs text-slate-800" tabIndex={0}>
          <code>{text}</code>
        </pre>
      )}
    </div>
  );
}
