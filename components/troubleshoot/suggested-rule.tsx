'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'use-intl';

import { useRuleWords } from '@/components/security-groups/use-rule-words';
import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { useToast } from '@/components/ui/toast';
import type { TroubleshootView } from '@/lib/bff/troubleshoot';
import { suggestionCommand } from '@/lib/network/troubleshoot/cli';
import { flowLabel } from '@/lib/network/troubleshoot/evaluate';
import type { RuleSuggestion } from '@/lib/network/troubleshoot/types';
import { apiFetch } from '@/lib/query/api';
import type { SecurityGroupRule } from '@/lib/openstack/neutron/types';

/**
 * The smallest rule that lets the flow through, the group to put it in, and a button that adds it through
 * POST /api/security-groups/{id}/rules; the wide variant (0.0.0.0/0) is offered only with a warning.
 */
export function SuggestedRule({ view, suggestion, onAdded }: { view: TroubleshootView; suggestion: RuleSuggestion; onAdded: () => Promise<unknown> }) {
  const t = useTranslations('troubleshoot.suggestion');
  const ruleWords = useRuleWords(view.groupNames);
  const toast = useToast();
  const scopeId = useId();
  const [groupId, setGroupId] = useState(suggestion.defaultGroupId);
  const [wide, setWide] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const rule = wide && suggestion.wider ? suggestion.wider : suggestion.rule;
  const command = suggestionCommand(view.result, groupId, wide);

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiFetch<{ rule: SecurityGroupRule }>(`/api/security-groups/${encodeURIComponent(groupId)}/rules`, { method: 'POST', body: rule });
      await onAdded();
      toast.show({ tone: 'success', title: t('added') });
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${scopeId}-title`} className="space-y-3 rounded-md border border-amber-300 bg-amber-50/40 p-4">
      <h3 id={`${scopeId}-title`} className="text-sm font-semibold text-slate-900">{t('title')}</h3>
      <p className="text-sm text-slate-700">{t('intro')}</p>
      <p className="font-medium text-slate-900" data-testid="suggested-rule">{ruleWords(rule)}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label={t('group')} value={groupId} onChange={(e) => setGroupId(e.target.value)} options={suggestion.groups.map((g) => ({ value: g.id, label: g.name }))} />
        {suggestion.wider && (
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-800">{t('scope')}</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name={`${scopeId}-scope`} checked={!wide} onChange={() => setWide(false)} />
              {t('narrow', { remote: suggestion.rule.remoteIpPrefix ?? '' })}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name={`${scopeId}-scope`} checked={wide} onChange={() => setWide(true)} />
              {t('wide', { remote: suggestion.wider.remoteIpPrefix ?? '' })}
            </label>
          </fieldset>
        )}
      </div>
      {wide && <Alert tone="warning">{t('wideWarning', { flow: flowLabel(view.query) })}</Alert>}
      {error && <ApiErrorNotice error={error} />}
      <Button onClick={add} busy={busy}>{t('add')}</Button>
      {command && (
        <div className="space-y-1">
          <p className="text-xs font-medium text-slate-600">{t('cli')}</p>
          <pre className="overflow-x-auto rounded bg-slate-900 p-2 text-xs text-slate-100"><code>{command}</code></pre>
        </div>
      )}
    </section>
  );
}
