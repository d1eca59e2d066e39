'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslations } from 'use-intl';

import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { AlarmFormOptions } from '@/lib/bff/alarm-form-options';
import { checkSignalUrl } from '@/lib/bff/signal-url-guard';
import { alarmStackChoicesQuery, alarmStackOutputsQuery } from '@/lib/query/alarm-queries';
import type { Scope } from '@/lib/query/queries';
import { ACTION_URL } from '@/lib/validation/alarms';

/**
 * One of the alarm's action lists: a URL picked from a stack's scaling-policy outputs, or pasted (http(s)
 * only; a warning when it is not the user's own Heat endpoint). URLs are shown as text.
 */
export function AlarmActionEditor({
  scope,
  legend,
  urls,
  onChange,
  options,
  error,
}: {
  scope: Scope;
  legend: string;
  urls: string[];
  onChange: (urls: string[]) => void;
  options: AlarmFormOptions | undefined;
  error: string | null;
}) {
  const t = useTranslations('alarms.form');
  const errorId = useId();
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);
  const [stackId, setStackId] = useState('');
  const stacks = useQuery(alarmStackChoicesQuery(scope));
  const outputs = useQuery(alarmStackOutputsQuery(scope, stackId));
  const signals = (outputs.data?.outputs ?? []).filter((o) => o.kind === 'signal' && typeof o.value === 'string');

  const add = (url: string) => {
    if (!urls.includes(url)) onChange([...urls, url]);
  };
  const addPasted = () => {
    const url = pasted.trim();
    if (!ACTION_URL.test(url)) return setPasteError(t('pasteInvalid'));
    setPasteError(null);
    add(url);
    setPasted('');
  };
  const foreign = (url: string) =>
    options ? !checkSignalUrl(url.replace(/^trust\+/i, ''), options.signalEndpoints, options.projectId).ok : false;

  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3" aria-describedby={error ? errorId : undefined}>
      <legend className="px-1 text-sm font-medium text-slate-800">{legend}</legend>
      {urls.length === 0 ? (
        <p className="text-sm text-slate-500">{t('noActions')}</p>
      ) : (
        <ul className="space-y-1">
          {urls.map((url) => (
            <li key={url} className="flex items-start gap-2">
              <span className="min-w-0 flex-1">
                <span className="block break-all font-mono text-xs text-slate-800">{url}</span>
                {foreign(url) && <span className="block text-xs text-amber-800">{t('notOwnHeat')}</span>}
              </span>
              <Button type="button" variant="ghost" onClick={() => onChange(urls.filter((u) => u !== url))} aria-label={t('removeAction', { url })}>
                {t('remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="grid gap-2 md:grid-cols-[1fr_1fr_auto] md:items-end">
        <SelectField
          label={t('fromStack')}
          value={stackId}
          onChange={(e) => setStackId(e.target.value)}
          options={[{ value: '', label: t('chooseStack') }, ...(stacks.data?.stacks ?? []).map((s) => ({ value: s.id, label: s.name }))]}
        />
        <SelectField
          label={t('policyOutput')}
          value=""
          disabled={stackId === '' || signals.length === 0}
          onChange={(e) => e.target.value && add(e.target.value)}
          hint={stackId !== '' && outputs.isSuccess && signals.length === 0 ? t('noSignalOutputs') : undefined}
          options={[{ value: '', label: t('chooseOutput') }, ...signals.map((o) => ({ value: String(o.value), label: o.description ? `${o.key} — ${o.description}` : o.key }))]}
        />
        <span />
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          className="min-w-0 flex-1"
          label={t('pasteUrl')}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addPasted();
            }
          }}
          error={pasteError}
          inputMode="url"
          placeholder="https://"
        />
        <Button type="button" variant="secondary" onClick={addPasted}>
          {t('addUrl')}
        </Button>
      </div>
    </fieldset>
  );
}
