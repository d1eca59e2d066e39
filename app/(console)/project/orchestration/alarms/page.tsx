import type { Metadata } from 'next';

import { AlarmsView } from '@/components/alarms/alarms-view';
import { GuideTip } from '@/components/guide/guide-tip';
import { PageHeader } from '@/components/shell/page-header';
import { type AlarmRow, loadAlarms } from '@/lib/bff/alarms';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { getLocale, getTranslator } from '@/lib/i18n/server';
import { stateFilterOf } from '@/lib/validation/alarms';

export const metadata: Metadata = { title: 'Alarms' };

export default async function AlarmsPage({ searchParams }: { searchParams: Promise<{ state?: string }> }) {
  const state = stateFilterOf((await searchParams).state);
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: { alarms: AlarmRow[] } | undefined;
  try {
    initialData = await loadAlarms(ctx, await getLocale(), state);
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  return (
    <>
      <PageHeader title={t('alarms.title')} description={t('alarms.intro')} />
      <div className="space-y-6">
        <AlarmsView scope={{ projectId: ctx.project.id, region: ctx.region }} state={state} initialData={initialData} />
        <GuideTip
          title={t('alarms.guide.title')}
          tip={t('alarms.guide.listTip')}
          cliLabel={t('alarms.guide.cli')}
          commands={[
            'openstack alarm list',
            'openstack alarm list --query state=alarm',
            'openstack alarm create --name cpu_high --type gnocchi_aggregation_by_resources_threshold \\\n  --metric cpu_util --aggregation-method mean --granularity 60 --evaluation-periods 1 \\\n  --comparison-operator gt --threshold 50 --resource-type instance \\\n  --query \'{"=": {"server_group": "<stack-id>"}}\' --alarm-action \'<scale-up-url>\'',
            'openstack alarm update --enabled false <alarm-id>',
            'openstack alarm delete <alarm-id>',
          ]}
        />
      </div>
    </>
  );
}
