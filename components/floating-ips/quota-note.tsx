'use client';

import { useTranslations } from 'use-intl';

import { cn } from '@/lib/cn';

/** "3 of 50 floating IPs used", from Neutron's quota details; a limit of -1 means unlimited. */
export function QuotaNote({ quota }: { quota: { used: number; limit: number } }) {
  const t = useTranslations('floatingIps');
  const full = quota.limit >= 0 && quota.used >= quota.limit;
  return (
    <span className={cn('text-xs', full ? 'font-semibold text-red-800' : 'text-slate-600')}>
      {quota.limit < 0 ? t('quotaUnlimited', { used: quota.used }) : t('quota', { used: quota.used, limit: quota.limit })}
    </span>
  );
}
