import type { Metadata } from 'next';
import Link from 'next/link';

import { LaunchForm } from '@/components/servers/launch-form';
import { PageHeader } from '@/components/shell/page-header';
import { loadScope } from '@/lib/bff/guard';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Launch instance' };

export default async function LaunchPage() {
  await loadScope();
  const t = await getTranslator();
  return (
    <>
      <nav aria-label={t('instanceDetail.breadcrumb')} className="mb-2 text-sm">
        <Link href="/project/compute/instances" className="text-sky-700 hover:underline">
          {t('instances.title')}
        </Link>
      </nav>
      <PageHeader title={t('launch.title')} description={t('launch.intro')} />
      <LaunchForm />
    </>
  );
}
