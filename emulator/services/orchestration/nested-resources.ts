// GET .../resources?nested_depth=N: Heat lists the resources of nested stacks (a group's members,
// a template resource's insides) after the parent's, each with parent_resource, down N levels.
// A resource whose physical id is a nested stack links to it (rel "nested").

import type { Cloud } from '../../cloud';
import type { Stack } from '../../store/schema';
import { stackLinks, type StackContext } from './stack-routes';
import { stackState, type ResourceState } from './stack-state';
import { resourceView } from './stack-views';

type Row = Record<string, unknown>;

/** The resource's view, with a link to its nested stack when it has one. */
export function resourceRow(ctx: StackContext, stack: Stack, r: ResourceState, nested?: Stack): Row {
  const row = resourceView(stack, r, stackLinks(ctx, stack));
  if (!nested) return row;
  return { ...row, links: [...(row.links as Row[]), { href: stackLinks(ctx, nested).stackUrl, rel: 'nested' }] };
}

/** The nested stack behind a resource, once its create has started. */
export async function nestedStackOf(cloud: Cloud, r: ResourceState): Promise<Stack | undefined> {
  if (!r.resource.nested || r.action === 'INIT') return undefined;
  return cloud.store.stacks.get(r.resource.physicalId);
}

/** The stack's resources, then (depth > 0) those of each nested stack, recursively. */
export async function resourceRows(cloud: Cloud, ctx: StackContext, stack: Stack, resources: ResourceState[], depth: number): Promise<Row[]> {
  const rows: Row[] = [];
  const children: Row[] = [];
  for (const r of resources) {
    const nested = await nestedStackOf(cloud, r);
    rows.push(resourceRow(ctx, stack, r, nested));
    if (!nested || depth <= 0) continue;
    const state = stackState(nested, cloud.clock.now());
    if (state.gone) continue;
    const inner = await resourceRows(cloud, ctx, nested, state.resources, depth - 1);
    children.push(...inner.map((row) => (row.parent_resource === undefined ? { ...row, parent_resource: r.resource.name } : row)));
  }
  return [...rows, ...children];
}
