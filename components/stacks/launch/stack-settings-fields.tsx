'use client';

import { useTranslations } from 'use-intl';

import { TextField } from '@/components/ui/text-field';

import { useStackFeedback } from '../list/use-stack-feedback';

export interface StackSettings {
  name: string;
  timeout: string;
  rollback: boolean;
}

/** Name (launch only), timeout and rollback of a stack. */
export function StackSettingsFields({
  settings,
  errors,
  withName,
  onChange,
}: {
  settings: StackSettings;
  errors: Record<string, string>;
  withName: boolean;
  onChange: (settings: StackSettings) => void;
}) {
  const t = useTranslations('stacks');
  const { messageText } = useStackFeedback();
  return (
    <div className="grid gap-4 md:grid-cols-3">
      {withName && (
        <div className="space-y-1">
          <TextField label={t('nameLabel')} name="stack_name" value={settings.name} required error={messageText(errors.name)} onChange={(e) => onChange({ ...settings, name: e.target.value })} />
          <p className="text-xs text-slate-500">{t('nameHint')}</p>
        </div>
      )}
      <TextField
        label={t('timeoutLabel')}
        name="timeout_mins"
        inputMode="numeric"
        value={settings.timeout}
        error={messageText(errors.timeoutMins)}
        onChange={(e) => onChange({ ...settings, timeout: e.target.value })}
      />
      <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-800">
        <input type="checkbox" className="h-4 w-4" checked={settings.rollback} onChange={(e) => onChange({ ...settings, rollback: e.target.checked })} />
        {t('rollbackLabel')}
      </label>
    </div>
  );
}

/** The timeout as the schema takes it: empty → none; anything else a number (the schema checks the range). */
export function timeoutOf(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}
