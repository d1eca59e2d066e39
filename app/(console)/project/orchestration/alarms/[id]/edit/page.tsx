import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { AlarmForm } from '@/components/alarms/alarm-form';
import { formFromAlarm } from '@/components/alarms/alarm-form-model';
import { alarmHref } from '@/components/alarms/alarm-links';
import { GuideTip } from '@/components/guide/guide-tip';
import { PageHeader } from '@/components/shell/page-header';
import { Alert } from '@/components/ui/alert';
import { type AlarmDetailView, loadAlarm } from '@/lib/bff/alarms';
import { toApiError } from '@/lib/bff/api-error';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { shellQuote } from '@/lib/bff/shell-quote';
import { getLocale, getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Edit alarm' };

export default async function EditAlarmPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const arg = /^[A-Za-z0-9._-]+$/.test(id) ? id : shellQuote(id);
  const ctx = await loadScope();
  const t = await getTranslator();
  let view: AlarmDetailView | undefined;
  try {
    view = await loadAlarm(ctx, id, await getLocale());
  } catch (error) {
    redirectIfSessionEnded(error);
    if (toApiError(error).payload.status === 404) notFound();
    throw error;
  }
  const initial = formFromAlarm(view.alarm);
  return (
    <>
      <nav aria-label={t('alarms.breadcrumb')} className="mb-2 text-sm">
        <Link href={alarmHref(id)} className="text-sky-700 hover:underline">
          {view.alarm.name || id}
        </Link>
      </nav>
      <PageHeader title={t('alarms.editTitle', { name: view.alarm.name || id })} description={t('alarms.editIntro')} />
      <div className="space-y-6">
        {initial ? (
          <AlarmForm scope={{ projectId: ctx.project.id, region: ctx.region }} alarmId={id} initial={initial} />
        ) : (
          <Alert tone="info">
            <p>{t('alarms.readOnlyType', { type: view.alarm.type })}</p>
            <p className="mt-1">{view.alarm.ruleText}</p>
          </Alert>
        )}
        <GuideTip
          title={t('alarms.guide.title')}
          tip={t('alarms.guide.editTip')}
          cliLabel={t('alarms.guide.cli')}
          commands={[`openstack alarm update --threshold 70 ${arg}`, `openstack alarm update --enabled false ${arg}`, `openstack alarm-history show ${arg}`]}
        />
      </div>
    </>
  );
}
