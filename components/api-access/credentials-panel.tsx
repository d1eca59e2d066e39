'use client';

import { useTranslations } from 'use-intl';

import { Panel } from '@/components/ui/panel';
import type { ApiAccessView } from '@/lib/bff/api-access';

const linkClass =
  'inline-flex items-center rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600';

/** The credential facts and the two downloads; the files never contain the password. */
export function CredentialsPanel({ credentials }: { credentials: ApiAccessView['credentials'] }) {
  const t = useTranslations('apiAccess');
  const rows: [string, string][] = [
    [t('authUrl'), credentials.authUrl],
    [t('username'), credentials.username],
    [t('userId'), credentials.userId],
    [t('userDomain'), credentials.userDomainName],
    [t('projectName'), credentials.projectName],
    [t('projectId'), credentials.projectId],
    [t('region'), credentials.region ?? '—'],
  ];
  return (
    <Panel
      title={t('credentials')}
      actions={
        <div className="flex flex-wrap gap-2">
          <a className={linkClass} href="/api/api-access/openrc" download>
            {t('downloadOpenrc')}
          </a>
          <a className={linkClass} href="/api/api-access/clouds-yaml" download>
            {t('downloadCloudsYaml')}
          </a>
        </div>
      }
    >
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-all font-mono text-xs">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 space-y-2 rounded-md bg-slate-50 p-3 text-sm text-slate-700">
        <p>{t('howToUse')}</p>
        <pre className="overflow-x-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100">
          {`source ${credentials.projectName.replace(/[^A-Za-z0-9._-]/g, '_') || 'openstack'}-openrc.sh\nopenstack token issue\nopenstack catalog list`}
        </pre>
        <p className="text-xs text-slate-500">{t('passwordNote')}</p>
      </div>
    </Panel>
  );
}
