import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { PageHeader } from '@/components/shell/page-header';
import { StacksGuide } from '@/components/stacks/list/stacks-guide';
import { UpdateStackForm } from '@/components/stacks/update/update-stack-form';
import { toApiError } from '@/lib/bff/api-error';
import { loadScope, redirectIfSessionEnded } from '@/lib/bff/guard';
import { loadStack } from '@/lib/bff/stacks';
import { getTranslator } from '@/lib/i18n/server';
import type { Stack } from '@/lib/openstack/heat/types';

export const metadata: Metadata = { title: 'Update stack' };

export default async function UpdateStackPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await loadScope();
  const t = await getTranslator();
  let stack: Stack;
  try {
    stack = (await loadStack(ctx, id)).stack;
  } catch (error) {
    redirectIfSessionEnded(error);
    if (toApiError(error).payload.status === 404) notFound();
    throw error;
  }
  return (
    <>
      <PageHeader title={t('stacks.updateTitle', { name: stack.name })} description={t('stacks.updateIntro')} />
      <div className="space-y-6">
        <UpdateStackForm scope={{ projectId: ctx.project.id, region: ctx.region }} stack={stack} />
        <StacksGuide />
      </div>
    </>
  );
}
