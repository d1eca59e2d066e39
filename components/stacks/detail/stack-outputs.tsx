'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';

import { QueryPanelBody } from '@/components/ui/query-panel-body';
import type { Scope } from '@/lib/query/queries';
import { stackOutputsQuery } from '@/lib/query/stack-detail-queries';

import { OutputValue } from './output-value';
import { SignalButton } from './signal-button';

/** Each output with its description, its value rendered by kind, signal URLs as buttons. */
export function StackOutputs({ scope, stackId }: { scope: Scope; stackId: string }) {
  const t = useTranslations('stackDetail.outputs');
  const query = useQuery(stackOutputsQuery(scope, stackId));
  return (
    <QueryPanelBody query={query} skeletonRows={4}>
      {({ outputs }) =>
        outputs.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500">{t('empty')}</p>
        ) : (
          <dl className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
            {outputs.map((o) => (
              <div key={o.key} className="grid gap-2 p-3 md:grid-cols-[16rem_1fr]" data-output={o.key} data-kind={o.kind}>
                <dt>
                  <span className="font-mono text-sm font-medium text-slate-900">{o.key}</span>
                  {o.description && <span className="mt-1 block text-xs text-slate-600">{o.description}</span>}
                </dt>
                <dd className="min-w-0">{o.kind === 'signal' ? <SignalButton stackId={stackId} output={o} /> : <OutputValue output={o} />}</dd>
              </div>
            ))}
          </dl>
        )
      }
    </QueryPanelBody>
  );
}
