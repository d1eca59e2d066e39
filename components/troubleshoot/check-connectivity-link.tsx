'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';

/** The instance page's way into the troubleshooter, with the instance as destination and SSH as the question. */
export function CheckConnectivityLink({ serverId }: { serverId: string }) {
  const t = useTranslations('troubleshoot');
  const params = new URLSearchParams({ destination: serverId, protocol: 'tcp', port: '22' });
  return (
    <Link
      href={`/project/network/troubleshoot?${params}`}
      className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
    >
      {t('checkConnectivity')}
    </Link>
  );
}
