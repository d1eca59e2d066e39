'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { Button } from '@/components/ui/button';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import type { LinkedResource } from '@/lib/bff/stack-detail';
import type { Scope } from '@/lib/query/queries';
import { stackResourcesQuery } from '@/lib/query/stack-detail-queries';

import { HeatStatusBadge } from './heat-status-badge';
import { typeStyle } from './resource-type-style';
import { TOPOLOGY, type TopologyLayout, layoutTopology, nodeKey } from './topology-layers';

/** Resources as nodes in dependency layers (SVG, each node focusable and linked), with the same as a list. */
export function StackTopology({ scope, stackId, live }: { scope: Scope; stackId: string; live: boolean }) {
  const t = useTranslations('stackDetail.topology');
  const [nested, setNested] = useState(false);
  const query = useQuery(stackResourcesQuery(scope, stackId, nested ? 2 : 0, live));
  return (
    <div className="space-y-3">
      <Button variant="secondary" onClick={() => setNested((n) => !n)} aria-pressed={nested}>
        {nested ? t('collapse') : t('expand')}
      </Button>
      <QueryPanelBody query={query} skeletonRows={6}>
        {({ resources }) => (resources.length === 0 ? <p className="py-6 text-center text-sm text-slate-500">{t('empty')}</p> : <TopologyBody resources={resources} />)}
      </QueryPanelBody>
    </div>
  );
}

function TopologyBody({ resources }: { resources: LinkedResource[] }) {
  const t = useTranslations('stackDetail.topology');
  const layout = layoutTopology(resources);
  const names = new Map(resources.map((r) => [nodeKey(r), r.name]));
  return (
    <>
      <figure className="overflow-x-auto rounded border border-slate-200 bg-white">
        <TopologySvg layout={layout} label={t('figure')} />
        <figcaption className="sr-only">{t('figure')}</figcaption>
      </figure>
      <section aria-labelledby="topology-list">
        <h3 id="topology-list" className="mb-2 text-sm font-semibold text-slate-900">
          {t('listTitle')}
        </h3>
        <ul className="space-y-1 text-sm" data-testid="topology-list">
          {layout.nodes.map((n) => (
            <li key={n.key} className="flex flex-wrap items-center gap-2" style={{ paddingLeft: `${n.layer * 1.25}rem` }}>
              <span className="font-medium">{n.resource.name}</span>
              <span className="font-mono text-xs text-slate-500">{n.resource.type}</span>
              <HeatStatusBadge status={n.resource} />
              <span className="text-xs text-slate-600">
                {n.needs.length ? t('needs', { names: n.needs.map((k) => names.get(k) ?? k).join(', ') }) : t('needsNothing')}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function TopologySvg({ layout, label }: { layout: TopologyLayout; label: string }) {
  const t = useTranslations('stackDetail.topology');
  const at = new Map(layout.nodes.map((n) => [n.key, n]));
  const { nodeWidth: w, nodeHeight: h } = TOPOLOGY;
  return (
    <svg width={layout.width} height={layout.height} role="group" aria-label={label} className="block">
      {layout.edges.map((e) => {
        const from = at.get(e.from);
        const to = at.get(e.to);
        if (!from || !to) return null;
        const x1 = from.x + w;
        const y1 = from.y + h / 2;
        const x2 = to.x;
        const y2 = to.y + h / 2;
        const mid = (x1 + x2) / 2;
        return (
          <path
            key={`${e.from}>${e.to}`}
            d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`}
            fill="none"
            stroke={e.kind === 'contains' ? '#7c3aed' : '#94a3b8'}
            strokeDasharray={e.kind === 'contains' ? '4 3' : undefined}
            strokeWidth={1.5}
            aria-hidden
          />
        );
      })}
      {layout.nodes.map((n) => {
        const style = typeStyle(n.resource.type);
        const link = (n.resource as LinkedResource).link;
        const text = t('node', { name: n.resource.name, type: n.resource.type, status: `${n.resource.action}_${n.resource.status}` });
        const box = (
          <g transform={`translate(${n.x},${n.y})`}>
            <rect width={w} height={h} rx={6} fill={style.fill} stroke={n.resource.status === 'FAILED' ? '#dc2626' : style.stroke} strokeWidth={n.resource.status === 'FAILED' ? 2.5 : 1.5} />
            <text x={10} y={20} fontSize={14} aria-hidden>
              {style.icon}
            </text>
            <text x={30} y={20} fontSize={12} fontWeight={600} fill="#0f172a">
              {n.resource.name.length > 20 ? `${n.resource.name.slice(0, 19)}…` : n.resource.name}
            </text>
            <text x={30} y={36} fontSize={10} fill="#475569">
              {n.resource.type.length > 26 ? `…${n.resource.type.slice(-25)}` : n.resource.type}
            </text>
            <title>{text}</title>
          </g>
        );
        return link ? (
          <Link key={n.key} href={link.href} aria-label={text} className="focus:outline-none [&:focus-visible>g>rect]:stroke-sky-600 [&:focus-visible>g>rect]:[stroke-width:3]">
            {box}
          </Link>
        ) : (
          <g key={n.key} tabIndex={0} role="img" aria-label={text} className="focus:outline-none [&:focus-visible>g>rect]:[stroke-width:3]">
            {box}
          </g>
        );
      })}
    </svg>
  );
}
