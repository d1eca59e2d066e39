'use client';

import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';

/** What the default group does, said where people meet it: nothing from outside gets in until a rule allows it. */
export function DefaultGroupNote({ compact = false }: { compact?: boolean }) {
  const t = useTranslations('securityGroups.defaultGroup');
  return (
    <Alert tone="info">
      <p className="font-medium">{t('title')}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        <li>{t('egress')}</li>
        <li>{t('ingress')}</li>
        <li>{t('outside')}</li>
      </ul>
      {!compact && <p className="mt-1">{t('advice')}</p>}
    </Alert>
  );
}
