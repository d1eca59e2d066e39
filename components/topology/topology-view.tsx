'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Alert } from '@/components/ui/alert';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import type { TopologyGraph } from '@/lib/bff/topology';
import { topologyQuery } from '@/lib/query/network-queries';
import type { Scope } from '@/lib/query/queries';

import { hrefs } from './topology-links';
import { TopologyList } from './topology-list';
import { type TopologyLayout, layoutTopology } from './topology-layout';


/** SVG has no ellipsis: long names are cut here and given whole in the node's title. */
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const FOCUS = 'outline-none [&:focus-visible>rect]:stroke-sky-600 [&:focus-visible>rect]:[stroke-width:3]';

/** The project's network topology, drawn, with the same links as a list for screen readers and keyboard users. */
export function TopologyView({ scope, initialData }: { scope: Scope; initialData?: TopologyGraph }) {
  const t = useTranslations('topology');
  const query = useQuery({ ...topologyQuery(scope), initialData });
  // The server draws at the default width; in the browser the drawing takes the panel's width.
  const frame = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | undefined>(undefined);
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.round(entry.contentRect.width) - 4));
    observer.observe(element);
    return () => observer.disconnect();
  }, [query.data !== undefined]);
  const layout = useMemo(() => (query.data ? layoutTopology(query.data, width) : null), [query.data, width]);

  if (query.isError) return <ApiErrorNotice error={query.error} />;
  if (!query.data || !layout) {
    return (
      <Panel title={t('graphTitle')}>
        <PanelSkeleton rows={8} />
      </Panel>
    );
  }
  const empty = query.data.networks.length === 0 && query.data.routers.length === 0;
  return (
    <div className="space-y-6">
      {query.data.namesError && <Alert tone="warning">{t('namesFailed', { requestId: query.data.namesError.requestId ?? '—' })}</Alert>}
      <Panel title={t('graphTitle')}>
        <div ref={frame} />
        {empty ? <p className="py-6 text-center text-sm text-slate-500">{t('empty')}</p> : <TopologySvg layout={layout} label={t('graphLabel')} />}
        <Legend />
      </Panel>
      <Panel title={t('listTitle')}>
        <TopologyList graph={query.data} />
      </Panel>
    </div>
  );
}

function Legend() {
  const t = useTranslations('topology');
  const items: [string, string][] = [
    ['fill-amber-100 stroke-amber-600', t('legendExternal')],
    ['fill-sky-100 stroke-sky-600', t('legendNetwork')],
    ['fill-violet-100 stroke-violet-600', t('legendRouter')],
    ['fill-white stroke-emerald-600', t('legendInstance')],
  ];
  return (
    <ul className="mt-3 flex flex-wrap gap-4 text-xs text-slate-600">
      {items.map(([colour, text]) => (
        <li key={text} className="flex items-center gap-1">
          <svg width="14" height="10" aria-hidden>
            <rect x="0.5" y="0.5" width="13" height="9" rx="2" className={colour} />
          </svg>
          {text}
        </li>
      ))}
    </ul>
  );
}

function TopologySvg({ layout, label }: { layout: TopologyLayout; label: string }) {
  const router = useRouter();
  const t = useTranslations('topology');
  // SVG links navigate inside the app (no full reload), and still work as links for the keyboard and middle-click.
  const go = (event: MouseEvent<Element>, href: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    router.push(href);
  };
  return (
    <div className="max-h-[75vh] overflow-auto rounded border border-slate-100">
      <svg
        data-topology
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        aria-label={label}
        className="block text-[11px]"
      >
        {layout.routers.map((r) => (
          <g key={`lane-${r.id}`} className="stroke-violet-500" aria-hidden>
            <line x1={r.lane.x} x2={r.lane.x} y1={r.lane.top} y2={r.lane.bottom} strokeWidth={2} />
            {r.lane.top < r.y && <circle cx={r.lane.x} cy={r.lane.top} r={4} className="fill-violet-600 stroke-none" />}
            {r.links.map((l) => (
              <g key={`${l.networkId}-${l.ip}`}>
                <line x1={l.x1} x2={l.x2} y1={l.y} y2={l.y} strokeWidth={2} />
                <text x={l.x2 - 6} y={l.y - 4} textAnchor="end" className="fill-violet-900 stroke-none">
                  {l.ip}
                </text>
              </g>
            ))}
          </g>
        ))}
        {layout.networks.map((n) => (
          <a key={n.id} href={hrefs.network(n.id)} onClick={(e) => go(e, hrefs.network(n.id))} aria-label={t(n.external ? 'externalNode' : 'networkNode', { name: n.name || n.id, cidrs: n.cidrs.join(', ') || '—' })} className={FOCUS}>
            <title>{`${n.name || n.id} ${n.cidrs.join(', ')}`}</title>
            <rect x={n.x} y={n.y} width={n.width} height={n.height} rx={4} className={n.external ? 'fill-amber-100 stroke-amber-600' : 'fill-sky-100 stroke-sky-600'} />
            <text x={n.x + 8} y={n.y + n.height / 2 + 4} className="fill-slate-900 font-semibold">
              {cut(n.name || n.id, 40)}
              <tspan className="fill-slate-600 font-normal" dx={8}>
                {cut(n.cidrs.join(', '), 60)}
              </tspan>
            </text>
          </a>
        ))}
        {layout.routers.map((r) => (
          <a key={r.id} href={hrefs.router(r.id)} onClick={(e) => go(e, hrefs.router(r.id))} aria-label={t('routerNode', { name: r.name || r.id })} className={FOCUS}>
            <title>{r.name || r.id}</title>
            <rect x={r.x} y={r.y} width={r.width} height={r.height} rx={6} className="fill-violet-100 stroke-violet-600" />
            <text x={r.x + r.width / 2} y={r.y + r.height / 2 + 4} textAnchor="middle" className="fill-violet-950 font-semibold">
              {cut(r.name || r.id, 13)}
            </text>
          </a>
        ))}
        {layout.instances.map((i) => (
          <a key={i.key} href={hrefs.instance(i.id)} onClick={(e) => go(e, hrefs.instance(i.id))} aria-label={t('instanceNode', { name: i.name, ips: i.ips.join(', ') || '—' })} className={FOCUS}>
            <title>{`${i.name} ${i.ips.join(', ')}`}</title>
            <rect x={i.x} y={i.y} width={i.width} height={i.height} rx={4} className={i.status === 'ERROR' ? 'fill-white stroke-red-600' : i.status === 'ACTIVE' ? 'fill-white stroke-emerald-600' : 'fill-white stroke-slate-400'} />
            <text x={i.x + 6} y={i.y + 16} className="fill-slate-900 font-medium">
              {cut(i.name, 20)}
            </text>
            <text x={i.x + 6} y={i.y + 31} className="fill-slate-600 font-mono">
              {cut(i.ips.join(', '), 22)}
            </text>
          </a>
        ))}
      </svg>
    </div>
  );
}

