import type { Metadata } from 'next';
import Link from 'next/link';

import { AlarmForm } from '@/components/alarms/alarm-form';
import { emptyForm } from '@/components/alarms/alarm-form-model';
import { GuideTip } from '@/components/guide/guide-tip';
import { PageHeader } from '@/components/shell/page-header';
import { loadScope } from '@/lib/bff/guard';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Create alarm' };

export default async function CreateAlarmPage() {
  const ctx = await loadScope();
  const t = await getTranslator();
  return (
    <>
      <nav aria-label={t('alarms.breadcrumb')} className="mb-2 text-sm">
        <Link href="/project/orchestration/alarms" className="text-sky-700 hover:underline">
          {t('alarms.title')}
        </Link>
      </nav>
      <PageHeader title={t('alarms.createTitle')} description={t('alarms.createIntro')} />
      <div className="space-y-6">
        <AlarmForm scope={{ projectId: ctx.project.id, region: ctx.region }} initial={emptyForm()} />
        <GuideTip
          title={t('alarms.guide.title')}
          tip={t('alarms.guide.createTip')}
          cliLabel={t('alarms.guide.cli')}
          commands={[
            'openstack alarm create --name cpu_high --type gnocchi_resources_threshold \\\n  --metric cpu_util --resource-type instance --resource-id <server-id> \\\n  --aggregation-method mean --granularity 60 --evaluation-periods 1 \\\n  --comparison-operator gt --threshold 50',
            'openstack alarm create --name group_cpu_high --type gnocchi_aggregation_by_resources_threshold \\\n  --metric cpu_util --aggregation-method mean --granularity 60 --resource-type instance \\\n  --query \'{"=": {"server_group": "<stack-id>"}}\' --comparison-operator gt --threshold 50 \\\n  --alarm-action \'<scale-up-url>\'',
          ]}
        />
      </div>
    </>
  );
}
