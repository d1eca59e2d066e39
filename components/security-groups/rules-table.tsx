'use client';

import { useTranslations } from 'use-intl';

import { type Column, DataTable } from '@/components/ui/data-table';
import { exposedServices } from '@/lib/network/rule-summary';
import type { SecurityGroupRule } from '@/lib/openstack/neutron/types';

/** One direction's rules in words, each with a checkbox so that several can be deleted at once. */
export function RulesTable({
  caption,
  rules,
  selected,
  onSelect,
  describe,
  empty,
}: {
  caption: string;
  rules: SecurityGroupRule[];
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], checked: boolean) => void;
  describe: (rule: SecurityGroupRule) => string;
  empty: string;
}) {
  const t = useTranslations('securityGroups');
  const allChecked = rules.length > 0 && rules.every((r) => selected.has(r.id));
  const columns: Column<SecurityGroupRule>[] = [
    {
      key: 'select',
      className: 'w-8 px-3 py-2',
      header: (
        <input
          type="checkbox"
          aria-label={t('selectAll', { table: caption })}
          checked={allChecked}
          onChange={(e) => onSelect(rules.map((r) => r.id), e.target.checked)}
          className="h-4 w-4"
        />
      ),
      cell: (r) => (
        <input
          type="checkbox"
          aria-label={t('selectRule', { rule: describe(r) })}
          checked={selected.has(r.id)}
          onChange={(e) => onSelect([r.id], e.target.checked)}
          className="h-4 w-4"
        />
      ),
    },
    {
      key: 'rule',
      header: t('rule'),
      cell: (r) => {
        const exposed = exposedServices(r);
        return (
          <span>
            {describe(r)}
            {exposed.length > 0 && <span className="ml-2 text-xs text-amber-800">⚠ {t('openToWorldShort', { services: exposed.join(', ') })}</span>}
          </span>
        );
      },
    },
    { key: 'ethertype', header: t('ethertype'), className: 'whitespace-nowrap px-3 py-2 text-slate-800', cell: (r) => r.ethertype },
    { key: 'description', header: t('description'), cell: (r) => r.description || '—' },
  ];
  return <DataTable columns={columns} rows={rules} rowKey={(r) => r.id} empty={empty} caption={caption} />;
}
