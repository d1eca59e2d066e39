'use client';

import { useTranslations } from 'use-intl';

import { useRuleWords } from '@/components/security-groups/use-rule-words';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import type { TroubleshootView } from '@/lib/bff/troubleshoot';
import { flowLabel } from '@/lib/network/troubleshoot/evaluate';
import type { Hop, HopStatus, Reason } from '@/lib/network/troubleshoot/types';

const TONES: Record<HopStatus, 'ok' | 'error' | 'info' | 'neutral'> = { pass: 'ok', fail: 'error', warn: 'info', skip: 'neutral' };
const MARKS: Record<HopStatus, string> = { pass: '✓', fail: '✗', warn: '!', skip: '–' };

/** The path as numbered steps, each with its verdict and the reasons in words; the first drop is the answer. */
export function TracePath({ view }: { view: TroubleshootView }) {
  const t = useTranslations('troubleshoot');
  const ruleWords = useRuleWords(view.groupNames);
  const { result } = view;
  const reasonText = (reason: Reason) => t(`reasons.${reason.code}`, reason.params ?? {});
  const flow = flowLabel(view.query);
  const source = result.sourceAddress ?? view.source?.name ?? '—';
  const destination = view.destination.name || view.destination.id;
  const blocked = result.hops.find((h) => h.status === 'fail');

  return (
    <div className="space-y-4">
      {result.verdict === 'allowed' ? (
        <Alert tone="info" className="border-emerald-300 bg-emerald-50 text-emerald-900">
          <p className="font-medium" data-testid="trace-verdict">{t('verdict.allowed', { flow, source, destination })}</p>
          {result.allowedBy.slice(0, 3).map((m) => (
            <p key={m.rule.id} className="mt-1">{t('allowedBy', { rule: ruleWords(m.rule), group: m.groupName })}</p>
          ))}
        </Alert>
      ) : (
        <Alert tone="error">
          <p className="font-medium" data-testid="trace-verdict">{t('verdict.dropped', { hop: t(`hops.${result.blockedAt ?? 'port'}`) })}</p>
          {blocked?.reasons[0] && <p className="mt-1">{reasonText(blocked.reasons[0])}</p>}
        </Alert>
      )}
      <ol aria-label={t('resultTitle', { source, destination })} className="space-y-2">
        {result.hops.map((hop, index) => (
          <HopItem key={`${hop.kind}-${index}`} hop={hop} index={index} reasonText={reasonText} ruleWords={ruleWords} />
        ))}
      </ol>
    </div>
  );
}

function HopItem({ hop, index, reasonText, ruleWords }: { hop: Hop; index: number; reasonText: (r: Reason) => string; ruleWords: ReturnType<typeof useRuleWords> }) {
  const t = useTranslations('troubleshoot');
  return (
    <li className="flex gap-3 rounded-md border border-slate-200 bg-white p-3" data-hop={hop.kind} data-status={hop.status}>
      <span aria-hidden className="mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-700">
        {index + 1}
      </span>
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-sm font-semibold text-slate-900">{t(`hops.${hop.kind}`)}</h3>
          <Badge tone={TONES[hop.status]}>
            <span aria-hidden>{MARKS[hop.status]}&nbsp;</span>
            <span>{t(`status.${hop.status}`)}</span>
          </Badge>
        </div>
        {hop.reasons.map((reason) => (
          <p key={reason.code} className="text-sm text-slate-700">{reasonText(reason)}</p>
        ))}
        {hop.matches && hop.matches.length > 0 && (
          <ul className="list-disc space-y-0.5 pl-5 text-sm text-slate-700">
            {hop.matches.map((m) => (
              <li key={m.rule.id}>{t(m.partial ? 'partialRule' : 'allowedBy', { rule: ruleWords(m.rule), group: m.groupName })}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
