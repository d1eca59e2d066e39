'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import type { ApiAccessView as View } from '@/lib/bff/api-access';
import { type Scope, apiAccessQuery } from '@/lib/query/queries';

import { CredentialsPanel } from './credentials-panel';
import { EndpointsTable } from './endpoints-table';

export function ApiAccessView({ scope, initialData }: { scope: Scope; initialData?: View }) {
  const t = useTranslations('apiAccess');
  const query = useQuery({ ...apiAccessQuery(scope), initialData });
  if (query.isError) return <ApiErrorNotice error={query.error} />;
  return (
    <div className="space-y-6">
      {query.data ? <CredentialsPanel credentials={query.data.credentials} /> : null}
      <Panel title={t('endpoints')}>
        {query.data ? <EndpointsTable endpoints={query.data.endpoints} /> : <PanelSkeleton rows={6} />}
      </Panel>
    </div>
  );
}
