import type { Metadata } from 'next';

import { ProjectsTable } from '@/components/identity/projects-table';
import { PageHeader } from '@/components/shell/page-header';
import { loadScope } from '@/lib/bff/guard';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Projects' };

export default async function ProjectsPage() {
  const ctx = await loadScope();
  const t = await getTranslator();
  return (
    <>
      <PageHeader title={t('identity.title')} description={t('identity.intro')} />
      <ProjectsTable scope={{ projectId: ctx.project.id, region: ctx.region }} />
    </>
  );
}
