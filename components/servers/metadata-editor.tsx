'use client';

import { useTranslations } from 'use-intl';

import { type KeyValueEntry, KeyValueEditor } from '@/components/ui/key-value-editor';

/** Key/value rows for instance metadata; Nova takes up to 128, keys and values up to 255 characters. */
export function MetadataEditor({
  entries,
  onChange,
  error,
}: {
  entries: KeyValueEntry[];
  onChange: (entries: KeyValueEntry[]) => void;
  error?: string | null;
}) {
  const t = useTranslations('launch');
  return (
    <KeyValueEditor
      entries={entries}
      onChange={onChange}
      max={128}
      error={error}
      labels={{
        legend: t('metadata'),
        key: (index) => t('metadataKey', { index }),
        value: (index) => t('metadataValue', { index }),
        remove: (index) => t('metadataRemove', { index }),
        add: t('metadataAdd'),
      }}
    />
  );
}
