import type { Metadata } from 'next';

import { KeyPairsView } from '@/components/keypairs/key-pairs-view';
import { PageHeader } from '@/components/shell/page-header';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { type KeyPairListView, loadKeyPairs } from '@/lib/bff/keypairs';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Key Pairs' };

export default async function KeyPairsPage() {
  const ctx = await loadScope();
  const t = await getTranslator();
  let initialData: KeyPairListView | undefined;
  try {
    initialData = await loadKeyPairs(ctx);
  } catch (error) {
    redirectIfSessionEnded(error);
  }
  return (
    <>
      <PageHeader title={t('keypairs.title')} description={t('keypairs.intro')} />
      <KeyPairsView scope={{ projectId: ctx.project.id, region: ctx.region }} initialData={initialData} />
    </>
  );
}
