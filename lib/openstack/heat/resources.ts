import 'server-only';

import { type ServiceClient, query } from '../service-client';
import { callStack, splitStatus, stackPath } from './client';
import type { StackResource } from './types';

type Wire = Record<string, unknown>;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The stack a resource belongs to, from its `stack` link (…/stacks/{name}/{id}). */
function stackOfLinks(links: unknown): { name: string; id: string } {
  const href = Array.isArray(links) ? (links as Wire[]).find((l) => l?.rel === 'stack')?.href : undefined;
  const m = typeof href === 'string' ? /\/stacks\/([^/]+)\/([^/?#]+)/.exec(href) : null;
  return m ? { name: decodeURIComponent(m[1]!), id: decodeURIComponent(m[2]!) } : { name: '', id: '' };
}

export function resourceFromWire(wire: unknown): StackResource {
  const w = (wire ?? {}) as Wire;
  const owner = stackOfLinks(w.links);
  return {
    name: text(w.resource_name) || text(w.logical_resource_id),
    physicalId: text(w.physical_resource_id),
    type: text(w.resource_type),
    requiredBy: Array.isArray(w.required_by) ? w.required_by.filter((r): r is string => typeof r === 'string') : [],
    createdAt: text(w.creation_time),
    updatedAt: text(w.updated_time),
    parentResource: typeof w.parent_resource === 'string' ? w.parent_resource : null,
    stackName: text(w.stack_name) || owner.name,
    stackId: owner.id,
    ...splitStatus(w.resource_status, w.resource_status_reason),
  };
}

/** A stack's resources; with nestedDepth > 0 the resources of nested stacks too (parentResource set). */
export async function listResources(heat: ServiceClient, stackId: string, nestedDepth = 0): Promise<StackResource[]> {
  const body = await callStack<{ resources?: unknown[] }>(heat, stackId, `/resources${query({ nested_depth: nestedDepth || undefined })}`);
  return (body.resources ?? []).map(resourceFromWire);
}

export interface ResourceDetail extends StackResource {
  attributes: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

type StackRef = { name: string; id: string };

/**
 * One resource with its attributes (alarm_url, signal_url, current_size …) and metadata. Heat redirects only
 * one level below a stack's name or id, so paths under a resource take the canonical stack path.
 */
export async function getResource(heat: ServiceClient, stack: StackRef, name: string): Promise<ResourceDetail> {
  const { body } = await heat.call<{ resource?: Wire }>(`${stackPath(stack)}/resources/${encodeURIComponent(name)}`);
  const w = body.resource ?? {};
  const record = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  return { ...resourceFromWire(w), attributes: record(w.attributes), metadata: record(w.metadata) };
}

/** A resource's metadata (an AutoScalingGroup keeps cooldown_end and scaling_in_progress there). */
export async function getResourceMetadata(heat: ServiceClient, stack: StackRef, name: string): Promise<Record<string, unknown>> {
  const { body } = await heat.call<{ metadata?: unknown }>(`${stackPath(stack)}/resources/${encodeURIComponent(name)}/metadata`);
  const m = body.metadata;
  return m && typeof m === 'object' && !Array.isArray(m) ? (m as Record<string, unknown>) : {};
}
