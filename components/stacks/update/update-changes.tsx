'use client';

import { useTranslations } from 'use-intl';

import type { UpdatePreview } from '@/lib/openstack/heat/stacks';

const KINDS = ['added', 'replaced', 'updated', 'deleted', 'unchanged'] as const;

/** Heat's update preview: the resources an update would add, replace, update, delete or leave alone. */
export function UpdateChanges({ changes }: { changes: UpdatePreview | null }) {
  const t = useTranslations('stacks');
  if (!changes) return <p className="text-sm text-slate-600">{t('noUpdatePreview')}</p>;
  const changed = KINDS.filter((k) => k !== 'unchanged').some((k) => changes[k].length > 0);
  return (
    <div className="space-y-2" data-testid="update-changes">
      {!changed && <p className="text-sm text-slate-600">{t('noChanges')}</p>}
      <dl className="grid gap-2 text-sm sm:grid-cols-[auto_1fr]">
        {KINDS.filter((k) => changes[k].length > 0).map((k) => (
          <div key={k} className="contents">
            <dt className="font-medium text-slate-800">{t(`changes.${k}`)}</dt>
            <dd className="font-mono text-xs text-slate-700">{changes[k].join(', ')}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
