import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { AlarmDetail } from '@/components/alarms/alarm-detail';
import { GuideTip } from '@/components/guide/guide-tip';
import { PageHeader } from '@/components/shell/page-header';
import { type AlarmDetailView, loadAlarm } from '@/lib/bff/alarms';
import { toApiError } from '@/lib/bff/api-error';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { shellQuote } from '@/lib/bff/shell-quote';
import { getLocale, getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Alarm' };

export default async function AlarmPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const arg = /^[A-Za-z0-9._-]+$/.test(id) ? id : shellQuote(id);
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: AlarmDetailView | undefined;
  try {
    initialData = await loadAlarm(ctx, id, await getLocale());
  } catch (error) {
    redirectIfSessionEnded(error);
    if (toApiError(error).payload.status === 404) notFound();
  }
  const name = initialData?.alarm.name || id;
  return (
    <>
      <nav aria-label={t('alarms.breadcrumb')} className="mb-2 text-sm">
        <Link href="/project/orchestration/alarms" className="text-sky-700 hover:underline">
          {t('alarms.title')}
        </Link>
      </nav>
      <PageHeader title={t('alarms.detailTitle', { name })} description={t('alarms.detailIntro')} />
      <div className="space-y-6">
        <AlarmDetail scope={{ projectId: ctx.project.id, region: ctx.region }} id={id} initialData={initialData} />
        <GuideTip
          title={t('alarms.guide.title')}
          tip={t('alarms.guide.detailTip')}
          cliLabel={t('alarms.guide.cli')}
          commands={[
            `openstack alarm show ${arg}`,
            `openstack alarm-history show ${arg}`,
            `openstack alarm state get ${arg}`,
            `openstack alarm update --enabled false ${arg}`,
            `openstack alarm update --threshold 70 ${arg}`,
          ]}
        />
      </div>
    </>
  );
}
