'use client';

import { useTranslations } from 'use-intl';

import type { PreviewResource } from '@/lib/openstack/heat/stacks';

/** The resources Heat would create, grouped by type. */
export function PreviewResources({ resources }: { resources: PreviewResource[] }) {
  const t = useTranslations('stacks');
  const byType = new Map<string, string[]>();
  for (const r of resources) byType.set(r.type, [...(byType.get(r.type) ?? []), r.name]);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        {t('previewIntro')} {t('previewCount', { count: resources.length })}
      </p>
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="stack-preview">
        <caption className="sr-only">{t('previewTitle')}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">
              {t('previewType')}
            </th>
            <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">
              {t('previewNames')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {[...byType.entries()].map(([type, names]) => (
            <tr key={type}>
              <td className="px-3 py-2 font-mono text-xs text-slate-900">
                {type} <span className="text-slate-500">× {names.length}</span>
              </td>
              <td className="px-3 py-2 text-slate-800">{names.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
