'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';

import type { TopologyGraph } from '@/lib/bff/topology';

import { hrefs } from './topology-links';

/** The topology as text: for each network, its routers and instances as links (what the drawing shows, read aloud). */
export function TopologyList({ graph }: { graph: TopologyGraph }) {
  const t = useTranslations('topology');
  const routersOn = new Map<string, TopologyGraph['routers']>();
  for (const r of graph.routers) {
    const networks = new Set([...(r.gatewayNetworkId ? [r.gatewayNetworkId] : []), ...r.interfaces.map((i) => i.networkId)]);
    for (const id of networks) routersOn.set(id, [...(routersOn.get(id) ?? []), r]);
  }
  const instancesOn = new Map<string, { id: string; name: string; ips: string[] }[]>();
  for (const i of graph.instances) for (const p of i.ports) instancesOn.set(p.networkId, [...(instancesOn.get(p.networkId) ?? []), { id: i.id, name: i.name, ips: p.ips }]);

  if (graph.networks.length === 0) return <p className="text-sm text-slate-500">{t('empty')}</p>;
  return (
    <ul className="space-y-3 text-sm" aria-label={t('listTitle')}>
      {graph.networks.map((n) => (
        <li key={n.id}>
          <Link href={hrefs.network(n.id)} className="font-medium text-sky-800 hover:underline">
            {n.name || n.id}
          </Link>
          <span className="ml-2 text-xs text-slate-600">
            {n.external ? t('external') : t('project')} {n.cidrs.join(', ')}
          </span>
          <ul className="ml-5 mt-1 list-disc space-y-0.5">
            {(routersOn.get(n.id) ?? []).map((r) => (
              <li key={r.id}>
                {t('routerItem')}{' '}
                <Link href={hrefs.router(r.id)} className="text-sky-800 hover:underline">
                  {r.name || r.id}
                </Link>
              </li>
            ))}
            {(instancesOn.get(n.id) ?? []).map((i) => (
              <li key={i.id}>
                {t('instanceItem')}{' '}
                <Link href={hrefs.instance(i.id)} className="text-sky-800 hover:underline">
                  {i.name}
                </Link>{' '}
                <span className="font-mono text-xs text-slate-600">{i.ips.join(', ')}</span>
              </li>
            ))}
            {!routersOn.get(n.id) && !instancesOn.get(n.id) && <li className="text-slate-500">{t('nothingAttached')}</li>}
          </ul>
        </li>
      ))}
    </ul>
  );
}
