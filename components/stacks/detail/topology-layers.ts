import type { StackResource } from '@/lib/openstack/heat/types';

/**
 * Lays a stack's resources out in dependency layers, left to right: a resource sits one column right of the
 * furthest resource it needs (Heat's required_by, read backwards), and resources of a nested stack one
 * column right of the resource that holds them at least. Pure and linear in resources + edges, so it is
 * tested without a browser.
 */
export const TOPOLOGY = { nodeWidth: 176, nodeHeight: 48, columnGap: 56, rowGap: 16, margin: 16 } as const;

export interface TopologyNode {
  key: string;
  resource: StackResource;
  layer: number;
  row: number;
  x: number;
  y: number;
  /** Names (keys) of the resources it needs. */
  needs: string[];
}

export interface TopologyEdge {
  from: string;
  to: string;
  kind: 'depends' | 'contains';
}

export interface TopologyLayout {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  width: number;
  height: number;
}

export const nodeKey = (r: Pick<StackResource, 'stackId' | 'name'>) => `${r.stackId}/${r.name}`;

export function layoutTopology(resources: StackResource[]): TopologyLayout {
  const byKey = new Map(resources.map((r) => [nodeKey(r), r]));
  const needs = new Map<string, string[]>(resources.map((r) => [nodeKey(r), []]));
  const edges: TopologyEdge[] = [];
  for (const r of resources) {
    for (const dependent of r.requiredBy) {
      const to = `${r.stackId}/${dependent}`;
      if (!byKey.has(to) || to === nodeKey(r)) continue;
      needs.get(to)!.push(nodeKey(r));
      edges.push({ from: nodeKey(r), to, kind: 'depends' });
    }
  }
  // The resource that holds a nested stack: its physical id is the nested stack's id.
  const holder = new Map<string, string>();
  for (const r of resources) {
    if (!r.parentResource) continue;
    const parent = resources.find((p) => p.name === r.parentResource && p.physicalId === r.stackId);
    if (parent) {
      holder.set(nodeKey(r), nodeKey(parent));
      edges.push({ from: nodeKey(parent), to: nodeKey(r), kind: 'contains' });
    }
  }
  const layers = new Map<string, number>();
  const visiting = new Set<string>();
  const layerOf = (key: string): number => {
    const known = layers.get(key);
    if (known !== undefined) return known;
    if (visiting.has(key)) return 0; // a cycle Heat would refuse; drawn flat rather than looping
    visiting.add(key);
    const parent = holder.get(key);
    let layer = parent ? layerOf(parent) + 1 : 0;
    for (const need of needs.get(key) ?? []) layer = Math.max(layer, layerOf(need) + 1);
    visiting.delete(key);
    layers.set(key, layer);
    return layer;
  };
  const rows = new Map<number, number>();
  const nodes: TopologyNode[] = resources.map((resource) => {
    const key = nodeKey(resource);
    const layer = layerOf(key);
    const row = rows.get(layer) ?? 0;
    rows.set(layer, row + 1);
    return {
      key,
      resource,
      layer,
      row,
      x: TOPOLOGY.margin + layer * (TOPOLOGY.nodeWidth + TOPOLOGY.columnGap),
      y: TOPOLOGY.margin + row * (TOPOLOGY.nodeHeight + TOPOLOGY.rowGap),
      needs: needs.get(key) ?? [],
    };
  });
  const columns = Math.max(0, ...nodes.map((n) => n.layer + 1));
  const maxRows = Math.max(0, ...rows.values());
  return {
    nodes,
    edges,
    width: TOPOLOGY.margin * 2 + columns * TOPOLOGY.nodeWidth + Math.max(0, columns - 1) * TOPOLOGY.columnGap,
    height: TOPOLOGY.margin * 2 + maxRows * TOPOLOGY.nodeHeight + Math.max(0, maxRows - 1) * TOPOLOGY.rowGap,
  };
}
