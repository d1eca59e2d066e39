'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'use-intl';

import { cn } from '@/lib/cn';

export interface NavSection {
  key: 'project' | 'network' | 'orchestration' | 'admin' | 'identity';
  items: { href: string; key: string }[];
}

/** The sections a user may see: Admin only for the admin role. */
export function navSections(isAdmin: boolean): NavSection[] {
  const sections: NavSection[] = [
    {
      key: 'project',
      items: [
        { href: '/project/overview', key: 'overview' },
        { href: '/project/compute/instances', key: 'instances' },
        { href: '/project/compute/images', key: 'images' },
        { href: '/project/compute/flavors', key: 'flavors' },
        { href: '/project/compute/key-pairs', key: 'keyPairs' },
        { href: '/project/volumes', key: 'volumes' },
        { href: '/project/api-access', key: 'apiAccess' },
      ],
    },
    {
      key: 'network',
      items: [
        { href: '/project/network/networks', key: 'networks' },
        { href: '/project/network/routers', key: 'routers' },
        { href: '/project/network/security-groups', key: 'securityGroups' },
        { href: '/project/network/floating-ips', key: 'floatingIps' },
        { href: '/project/network/topology', key: 'topology' },
        { href: '/project/network/troubleshoot', key: 'troubleshoot' },
      ],
    },
    {
      key: 'orchestration',
      items: [
        { href: '/project/orchestration/stacks', key: 'stacks' },
        { href: '/project/orchestration/alarms', key: 'alarms' },
      ],
    },
    { key: 'identity', items: [{ href: '/identity/projects', key: 'projects' }] },
  ];
  if (isAdmin) {
    sections.splice(3, 0, {
      key: 'admin',
      items: [
        { href: '/admin/overview', key: 'adminOverview' },
        { href: '/admin/network', key: 'adminNetwork' },
      ],
    });
  }
  return sections;
}

export function SideNav({ isAdmin }: { isAdmin: boolean }) {
  const t = useTranslations('nav');
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')} className="space-y-6">
      {navSections(isAdmin).map((section) => (
        <div key={section.key}>
          <h2 className="px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">{t(section.key)}</h2>
          <ul className="mt-2 space-y-1">
            {section.items.map((item) => {
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? 'page' : undefined}
                    className={cn(
                      'block rounded-md px-3 py-1.5 text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600',
                      active ? 'bg-sky-100 font-medium text-sky-900' : 'text-slate-700 hover:bg-slate-200',
                    )}
                  >
                    {t(item.key)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
