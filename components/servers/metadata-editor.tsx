'use client';

import { useTranslations } from 'use-intl';

import { Button } from '@/components/ui/button';

/** Key/value rows for instance metadata; Nova takes up to 128, keys and values up to 255 characters. */
export function MetadataEditor({
  entries,
  onChange,
  error,
}: {
  entries: { key: string; value: string }[];
  onChange: (entries: { key: string; value: string }[]) => void;
  error?: string | null;
}) {
  const t = useTranslations('launch');
  const set = (index: number, field: 'key' | 'value', value: string) =>
    onChange(entries.map((e, i) => (i === index ? { ...e, [field]: value } : e)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{t('metadata')}</legend>
      {entries.map((entry, index) => (
        <div key={index} className="flex gap-2">
          <input
            aria-label={t('metadataKey', { index: index + 1 })}
            value={entry.key}
            maxLength={255}
            onChange={(e) => set(index, 'key', e.target.value)}
            className="w-48 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
          <input
            aria-label={t('metadataValue', { index: index + 1 })}
            value={entry.value}
            maxLength={255}
            onChange={(e) => set(index, 'value', e.target.value)}
            className="flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
          <Button type="button" variant="ghost" onClick={() => onChange(entries.filter((_, i) => i !== index))} aria-label={t('metadataRemove', { index: index + 1 })}>
            ✕
          </Button>
        </div>
      ))}
      <Button type="button" variant="secondary" disabled={entries.length >= 128} onClick={() => onChange([...entries, { key: '', value: '' }])}>
        {t('metadataAdd')}
      </Button>
      {error && <p className="text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
