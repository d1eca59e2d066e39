import 'server-only';

import { type ServiceClient, query } from '../service-client';
import { callStack, splitStatus } from './client';
import type { StackEvent } from './types';

type Wire = Record<string, unknown>;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function eventFromWire(wire: unknown): StackEvent {
  const w = (wire ?? {}) as Wire;
  return {
    id: text(w.id),
    time: text(w.event_time),
    resourceName: text(w.resource_name) || text(w.logical_resource_id),
    physicalId: text(w.physical_resource_id),
    resourceType: typeof w.resource_type === 'string' ? w.resource_type : null,
    ...splitStatus(w.resource_status, w.resource_status_reason),
  };
}

export interface EventListOptions {
  limit?: number;
  marker?: string;
  /** Only this resource's events (Heat's resource_name filter). */
  resource?: string;
  /** Only events of this action (Heat's resource_action filter), e.g. SIGNAL. */
  action?: string;
  sortDir?: 'asc' | 'desc';
  nestedDepth?: number;
}

/** A page of a stack's events, newest first unless asked otherwise. */
export async function listEvents(heat: ServiceClient, stackId: string, options: EventListOptions = {}): Promise<StackEvent[]> {
  const q = query({
    limit: options.limit,
    marker: options.marker,
    resource_name: options.resource,
    resource_action: options.action,
    sort_dir: options.sortDir ?? 'desc',
    sort_keys: 'event_time',
    nested_depth: options.nestedDepth || undefined,
  });
  const body = await callStack<{ events?: unknown[] }>(heat, stackId, `/events${q}`);
  return (body.events ?? []).map(eventFromWire);
}
