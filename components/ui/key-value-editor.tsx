'use client';

import { Button } from './button';

export interface KeyValueEntry {
  key: string;
  value: string;
}

export interface KeyValueEditorLabels {
  legend: string;
  key: (index: number) => string;
  value: (index: number) => string;
  remove: (index: number) => string;
  add: string;
}

/** Rows of key and value inputs (metadata, image properties), each row removable, up to `max` rows. */
export function KeyValueEditor({
  entries,
  onChange,
  labels,
  max,
  error,
}: {
  entries: KeyValueEntry[];
  onChange: (entries: KeyValueEntry[]) => void;
  labels: KeyValueEditorLabels;
  max: number;
  error?: string | null;
}) {
  const set = (index: number, field: keyof KeyValueEntry, value: string) =>
    onChange(entries.map((e, i) => (i === index ? { ...e, [field]: value } : e)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{labels.legend}</legend>
      {entries.map((entry, index) => (
        <div key={index} className="flex gap-2">
          <input
            aria-label={labels.key(index + 1)}
            value={entry.key}
            maxLength={255}
            onChange={(e) => set(index, 'key', e.target.value)}
            className="w-48 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
          <input
            aria-label={labels.value(index + 1)}
            value={entry.value}
            maxLength={255}
            onChange={(e) => set(index, 'value', e.target.value)}
            className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
          <Button type="button" variant="ghost" onClick={() => onChange(entries.filter((_, i) => i !== index))} aria-label={labels.remove(index + 1)}>
            ✕
          </Button>
        </div>
      ))}
      <Button type="button" variant="secondary" disabled={entries.length >= max} onClick={() => onChange([...entries, { key: '', value: '' }])}>
        {labels.add}
      </Button>
      {error && <p className="text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
