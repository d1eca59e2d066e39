'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';

import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { ApiClientError } from '@/lib/query/api';
import { setServerLoad } from '@/lib/query/metric-queries';
import { sessionQuery } from '@/lib/query/queries';

/**
 * Puts 100% CPU on a server (or on every member of a group), or removes the load: the embedded cloud's
 * stand-in for the guides' `dd` commands. Rendered only when the session's cloud is the embedded one.
 */
export function SimulateLoadButton({ serverIds, onChanged }: { serverIds: string[]; onChanged?: () => void }) {
  const t = useTranslations('metrics');
  const toast = useToast();
  const session = useQuery(sessionQuery());
  const mutation = useMutation({
    mutationFn: async (cpuPercent: number) => {
      for (const id of serverIds) await setServerLoad(id, cpuPercent);
      return cpuPercent;
    },
    onSuccess: (cpuPercent) => {
      toast.show({ tone: 'success', title: cpuPercent > 0 ? t('load.applied', { count: serverIds.length }) : t('load.removed', { count: serverIds.length }) });
      onChanged?.();
    },
    onError: (error) => toast.show({ tone: 'error', title: t('load.failed'), detail: error instanceof ApiClientError ? error.payload.message : String(error) }),
  });
  if (!session.data?.embeddedCloud) return null;

  const busy = mutation.isPending;
  return (
    <div className="space-y-2 rounded border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950" data-testid="simulate-load">
      <p className="font-medium">{t('load.title')}</p>
      <p>{t('load.explain')}</p>
      <pre className="overflow-x-auto rounded bg-slate-900 p-2 text-xs text-slate-100">
        <code>{`$ sudo dd if=/dev/zero of=/dev/null &   # ${t('load.commentLoad')}\n$ killall dd   # ${t('load.commentStop')}`}</code>
      </pre>
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={busy || serverIds.length === 0} busy={busy && mutation.variables === 100} onClick={() => mutation.mutate(100)}>
          {serverIds.length > 1 ? t('load.putAll', { count: serverIds.length }) : t('load.put')}
        </Button>
        <Button type="button" variant="secondary" disabled={busy || serverIds.length === 0} busy={busy && mutation.variables === 0} onClick={() => mutation.mutate(0)}>
          {t('load.remove')}
        </Button>
      </div>
    </div>
  );
}
