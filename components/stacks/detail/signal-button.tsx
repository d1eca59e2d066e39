'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ClassifiedOutput } from '@/lib/bff/stack-detail-outputs';
import type { SignalResult } from '@/lib/bff/stack-detail-signal';
import { ApiClientError } from '@/lib/query/api';
import { sendOutputSignal } from '@/lib/query/stack-detail-queries';

/** What a signal did, in the reader's language and time zone. */
export function useSignalWords() {
  const t = useTranslations('stackDetail.outputs');
  const format = useFormatter();
  return (r: SignalResult): string => {
    switch (r.outcome) {
      case 'scaled':
        return t('scaled', { group: r.group ?? '', before: r.before ?? 0, after: r.after ?? 0 });
      case 'cooldown':
        return t('cooldown', { time: r.cooldownUntil ? format.dateTime(new Date(r.cooldownUntil), { timeStyle: 'medium' }) : '—' });
      case 'unchanged':
        return t('unchanged', { group: r.group ?? '', count: r.after ?? r.before ?? 0 });
      default:
        return t('sent');
    }
  };
}

/**
 * A signal URL output as a button ("Scale up", "Scale down", "Send signal") that asks first, showing where
 * the POST goes, then has the BFF send it and shows what happened to the group.
 */
export function SignalButton({ stackId, output }: { stackId: string; output: ClassifiedOutput }) {
  const t = useTranslations('stackDetail.outputs');
  const words = useSignalWords();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const url = String(output.value);
  const native = !/\/signal\/arn(:|%3a)/i.test(url);
  const label = t(output.action ?? 'signal');
  const mutation = useMutation({
    mutationFn: () => sendOutputSignal(stackId, output.key),
    onSettled: () => {
      setAsking(false);
      void queryClient.invalidateQueries({ queryKey: ['stacks'] });
      void queryClient.invalidateQueries({ queryKey: ['metrics', 'stack', stackId] });
    },
  });
  return (
    <div className="space-y-2">
      <Button onClick={() => setAsking(true)} busy={mutation.isPending} data-testid={`signal-${output.key}`}>
        {label}
      </Button>
      <div role="status" aria-live="polite" data-testid={`signal-result-${output.key}`} className="text-sm">
        {mutation.isSuccess && (
          <p className={mutation.data.outcome === 'cooldown' ? 'text-amber-800' : 'text-emerald-800'}>
            <span className="sr-only">{t('lastResult')}: </span>
            {words(mutation.data)}
          </p>
        )}
        {mutation.isError && (
          <p className="text-red-700">{t('failed', { message: mutation.error instanceof ApiClientError ? mutation.error.payload.message : String(mutation.error) })}</p>
        )}
      </div>
      <ConfirmDialog
        open={asking}
        title={t('confirmTitle', { action: label })}
        confirmLabel={t('confirm')}
        cancelLabel={t('cancel')}
        busy={mutation.isPending}
        onConfirm={() => mutation.mutate()}
        onCancel={() => setAsking(false)}
      >
        <div className="space-y-2">
          <p>{t('confirmBody')}</p>
          <p className="break-all rounded bg-slate-50 p-2 font-mono text-xs" data-testid="signal-target">
            POST {url}
          </p>
          <p>{native ? t('confirmNative') : t('confirmCfn')}</p>
          <p className="text-slate-600">{t('confirmCooldown')}</p>
        </div>
      </ConfirmDialog>
    </div>
  );
}
