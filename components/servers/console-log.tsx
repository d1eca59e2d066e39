'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Button } from '@/components/ui/button';
import { ApiClientError, apiFetch } from '@/lib/query/api';

/**
 * The console log is read only when asked, a bounded number of lines at a time, and never refreshed by
 * itself: a console log can grow to gigabytes, and polling it would load the compute host.
 */
export function ConsoleLog({ serverId }: { serverId: string }) {
  const t = useTranslations('instanceDetail');
  const [lines, setLines] = useState(100);
  const [output, setOutput] = useState<string | null>(null);
  const [error, setError] = useState<ApiClientError | null>(null);
  const [busy, setBusy] = useState(false);

  async function load() {
    setBusy(true);
    setError(null);
    try {
      const result = await apiFetch<{ output: string }>(`/api/servers/${encodeURIComponent(serverId)}/console?lines=${lines}`);
      setOutput(result.output);
    } catch (caught) {
      if (caught instanceof ApiClientError) setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t('consoleHelp')}</p>
      <div className="flex items-end gap-2">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t('consoleLines')}</span>
          <input
            type="number"
            min={1}
            max={10000}
            value={lines}
            onChange={(e) => setLines(Math.min(10_000, Math.max(1, Number(e.target.value) || 1)))}
            className="w-28 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        <Button onClick={load} busy={busy}>
          {output === null ? t('consoleShow', { lines }) : t('consoleReload', { lines })}
        </Button>
      </div>
      {error && <ApiErrorNotice error={error} />}
      {output !== null && (
        <pre aria-label={t('consoleTitle')} className="max-h-[60vh] overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
          {output || t('consoleEmpty')}
        </pre>
      )}
    </div>
  );
}
