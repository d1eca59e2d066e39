'use client';

import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { useTranslations } from 'use-intl';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Button } from '@/components/ui/button';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import { fieldsOf } from '@/components/ui/use-api-feedback';
import type { TraceQuery } from '@/lib/network/troubleshoot/types';
import type { Scope } from '@/lib/query/queries';
import { troubleshootOptionsQuery, troubleshootQuery } from '@/lib/query/troubleshoot-queries';
import { DEFAULT_INTERNET_ADDRESS, formFromParams, troubleshootParams, troubleshootSchema } from '@/lib/validation/troubleshoot';

import { SuggestedRule } from './suggested-rule';
import { TracePath } from './trace-path';
import { TroubleshootForm } from './troubleshoot-form';
import { TroubleshootGuide } from './troubleshoot-guide';

/** Stands in for the question until there is one (the query is disabled meanwhile). */
const NOTHING: TraceQuery = { source: { kind: 'internet', address: DEFAULT_INTERNET_ADDRESS }, destinationServerId: '', protocol: 'tcp', port: 22, icmpType: null, icmpCode: null };

/**
 * The troubleshooter page: the question lives in the URL (so the instance page can link to a pre-filled
 * check, and a result can be bookmarked or shared); a valid question in the URL is checked at once.
 */
export function TroubleshootView({ scope }: { scope: Scope }) {
  const t = useTranslations('troubleshoot');
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const params = useMemo(() => Object.fromEntries(search) as Record<string, string>, [search]);
  const initial = useMemo(() => formFromParams(params), [params]);
  const asked = useMemo<TraceQuery | null>(() => {
    if (!params.destination) return null;
    const parsed = troubleshootSchema.safeParse(initial);
    return parsed.success ? parsed.data : null;
  }, [initial, params.destination]);

  const options = useQuery(troubleshootOptionsQuery(scope));
  const check = useQuery({ ...troubleshootQuery(scope, asked ?? NOTHING), enabled: asked !== null });

  const submit = (query: TraceQuery) => {
    const next = troubleshootParams(query).toString();
    if (asked && next === troubleshootParams(asked).toString()) void check.refetch();
    else router.replace(`${pathname}?${next}`);
  };

  return (
    <div className="space-y-6">
      <Panel title={t('formTitle')}>
        {options.isError && <p className="mb-3 text-sm text-red-700">{t('optionsFailed')}</p>}
        <TroubleshootForm
          key={search.toString()}
          initial={initial}
          servers={options.data?.servers ?? []}
          serversLoading={options.isPending}
          serverFields={fieldsOf(check.error)}
          busy={check.isFetching}
          onSubmit={submit}
        />
      </Panel>
      <Panel
        title={check.data ? t('resultTitle', { source: check.data.result.sourceAddress ?? '—', destination: check.data.destination.name || check.data.destination.id }) : t('resultTitle', { source: '…', destination: '…' })}
        actions={check.data ? <Button variant="secondary" onClick={() => void check.refetch()} busy={check.isFetching}>{t('rerun')}</Button> : undefined}
      >
        {!asked ? (
          <p className="text-sm text-slate-600">{t('empty')}</p>
        ) : check.isError ? (
          <ApiErrorNotice error={check.error} />
        ) : !check.data || check.isFetching ? (
          <div aria-busy="true">
            <PanelSkeleton rows={6} />
          </div>
        ) : (
          <div className="space-y-4">
            <TracePath view={check.data} />
            {check.data.result.suggestion && (
              <SuggestedRule key={check.dataUpdatedAt} view={check.data} suggestion={check.data.result.suggestion} onAdded={() => check.refetch()} />
            )}
          </div>
        )}
      </Panel>
      <TroubleshootGuide commands={check.data?.commands ?? []} />
    </div>
  );
}
