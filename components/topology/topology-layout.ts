import type { TopologyGraph } from '@/lib/bff/topology';

/**
 * Places the topology graph on a grid (no physics): external networks as bars across the top, each router in
 * its own vertical lane on the left dropping from its gateway bar to the networks it joins, and each project
 * network as a horizontal bar with the instances plugged into it in rows beneath. An instance with ports on
 * several networks appears under each, with the address it has there. Pure, so it is tested and benchmarked
 * without a browser; the cost is linear in networks + routers + ports.
 */
export const LAYOUT = {
  width: 1200,
  minWidth: 720,
  margin: 16,
  barHeight: 28,
  externalGap: 12,
  laneWidth: 112,
  routerWidth: 96,
  routerHeight: 40,
  instanceWidth: 144,
  instanceHeight: 40,
  instanceGap: 8,
  rowGap: 24,
} as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedNetwork extends Box {
  id: string;
  name: string;
  external: boolean;
  shared: boolean;
  cidrs: string[];
}

export interface PlacedRouter extends Box {
  id: string;
  name: string;
  status: string;
  /** The lane's vertical line, from the gateway bar (or the router) down to the lowest network it joins. */
  lane: { x: number; top: number; bottom: number };
  /** One horizontal link per interface, from the lane to the network bar. */
  links: { networkId: string; y: number; x1: number; x2: number; ip: string }[];
}

export interface PlacedInstance extends Box {
  key: string;
  id: string;
  name: string;
  status: string | null;
  networkId: string;
  ips: string[];
}

export interface TopologyLayout {
  width: number;
  height: number;
  networks: PlacedNetwork[];
  routers: PlacedRouter[];
  instances: PlacedInstance[];
}

/** `width` is the space the drawing may take (the panel's width); it never goes below LAYOUT.minWidth. */
export function layoutTopology(graph: Pick<TopologyGraph, 'networks' | 'routers' | 'instances'>, available: number = LAYOUT.width): TopologyLayout {
  const L = { ...LAYOUT, width: Math.max(LAYOUT.minWidth, Math.floor(available)) };
  const networks: PlacedNetwork[] = [];
  const barOf = new Map<string, PlacedNetwork>();
  let y = L.margin;

  for (const n of graph.networks.filter((n) => n.external)) {
    const bar = { ...n, x: L.margin, y, width: L.width - 2 * L.margin, height: L.barHeight };
    networks.push(bar);
    barOf.set(n.id, bar);
    y += L.barHeight + L.externalGap;
  }
  const routerTop = y + L.rowGap;
  const lanesRight = L.margin + graph.routers.length * L.laneWidth;
  const left = Math.max(lanesRight + L.margin, L.width / 4);
  // Routers can outnumber what fits beside the networks; the drawing then grows wider, never overlaps.
  const width = Math.max(L.width, left + L.instanceWidth * 2 + L.margin * 2);
  const perRow = Math.max(1, Math.floor((width - left - L.margin + L.instanceGap) / (L.instanceWidth + L.instanceGap)));
  y = routerTop + L.routerHeight + L.rowGap;

  const byNetwork = new Map<string, { id: string; name: string; status: string | null; ips: string[] }[]>();
  for (const instance of graph.instances) {
    for (const port of instance.ports) {
      const list = byNetwork.get(port.networkId) ?? [];
      list.push({ id: instance.id, name: instance.name, status: instance.status, ips: port.ips });
      byNetwork.set(port.networkId, list);
    }
  }

  const instances: PlacedInstance[] = [];
  for (const n of graph.networks.filter((n) => !n.external)) {
    const bar = { ...n, x: left, y, width: width - left - L.margin, height: L.barHeight };
    networks.push(bar);
    barOf.set(n.id, bar);
    y += L.barHeight + L.instanceGap;
    const plugged = byNetwork.get(n.id) ?? [];
    plugged.forEach((instance, i) => {
      instances.push({
        ...instance,
        key: `${n.id}:${instance.id}:${i}`,
        networkId: n.id,
        x: left + (i % perRow) * (L.instanceWidth + L.instanceGap),
        y: y + Math.floor(i / perRow) * (L.instanceHeight + L.instanceGap),
        width: L.instanceWidth,
        height: L.instanceHeight,
      });
    });
    y += Math.ceil(plugged.length / perRow) * (L.instanceHeight + L.instanceGap) + L.rowGap;
  }

  const routers: PlacedRouter[] = graph.routers.map((r, i) => {
    const laneX = L.margin + i * L.laneWidth + L.laneWidth / 2;
    const gateway = r.gatewayNetworkId ? barOf.get(r.gatewayNetworkId) : undefined;
    const links = r.interfaces.flatMap((iface) => {
      const bar = barOf.get(iface.networkId);
      return bar && !bar.external ? [{ networkId: iface.networkId, y: bar.y + bar.height / 2, x1: laneX, x2: bar.x, ip: iface.ip }] : [];
    });
    const box = { x: laneX - L.routerWidth / 2, y: routerTop, width: L.routerWidth, height: L.routerHeight };
    return {
      id: r.id,
      name: r.name,
      status: r.status,
      ...box,
      lane: { x: laneX, top: gateway ? gateway.y + gateway.height : box.y, bottom: Math.max(box.y + box.height, ...links.map((l) => l.y)) },
      links,
    };
  });

  return { width, height: y + L.margin, networks, routers, instances };
}
