import 'server-only';

import { heatClient, getStack } from '../openstack/heat/client';
import { type EventListOptions, listEvents } from '../openstack/heat/events';
import { listResources } from '../openstack/heat/resources';
import type { StackEvent, StackResource } from '../openstack/heat/types';
import { neutronClient } from '../openstack/neutron/client';
import { listPorts } from '../openstack/neutron/ports';
import type { ServiceClient } from '../openstack/service-client';
import type { ScopedContext } from './guard';
import type { SignalEndpoints } from './signal-url-guard';
import { type ClassifiedOutput, classifyOutput } from './stack-detail-outputs';

/** The stack page's resources, events and outputs: Heat's answers joined with what the page links to. */
export type ResourceLinkKind = 'server' | 'volume' | 'port' | 'network' | 'floating-ip' | 'stack' | 'alarm' | 'security-group';
export interface ResourceLink {
  kind: ResourceLinkKind;
  href: string;
}
export type LinkedResource = StackResource & { link: ResourceLink | null };

export const heatOf = (ctx: ScopedContext): ServiceClient => heatClient(ctx.endpoint('orchestration'), ctx.token);

/** The user's catalog endpoints a signal URL may point at (either may be missing). */
export function signalEndpoints(ctx: ScopedContext): SignalEndpoints {
  const optional = (type: string) => {
    try {
      return ctx.endpoint(type);
    } catch {
      return null;
    }
  };
  return { orchestration: optional('orchestration'), cloudformation: optional('cloudformation') };
}

const KINDS: Record<string, ResourceLinkKind> = {
  'OS::Nova::Server': 'server',
  'OS::Cinder::Volume': 'volume',
  'OS::Neutron::Port': 'port',
  'OS::Neutron::Net': 'network',
  'OS::Neutron::FloatingIP': 'floating-ip',
  'OS::Neutron::SecurityGroup': 'security-group',
  'OS::Heat::Stack': 'stack',
  'OS::Heat::AutoScalingGroup': 'stack',
  'OS::Heat::ResourceGroup': 'stack',
  'OS::Aodh::Alarm': 'alarm',
  'OS::Aodh::GnocchiAggregationByResourcesAlarm': 'alarm',
  'OS::Aodh::GnocchiAggregationByMetricsAlarm': 'alarm',
  'OS::Aodh::GnocchiResourcesAlarm': 'alarm',
  'OS::Ceilometer::Alarm': 'alarm',
};

const enc = encodeURIComponent;

/** What a resource links to; template resources (nested stacks) are recognised by having children. */
export function resourceLinkKind(resource: StackResource, nestedParents: Set<string>): ResourceLinkKind | null {
  const known = KINDS[resource.type];
  if (known) return known;
  if (nestedParents.has(`${resource.stackId}/${resource.name}`) || /\.(ya?ml|template)$/i.test(resource.type)) return 'stack';
  return null;
}

export function resourceHref(kind: ResourceLinkKind, id: string, portNetworks: Map<string, string>): string | null {
  switch (kind) {
    case 'server':
      return `/project/compute/instances/${enc(id)}`;
    case 'volume':
      return `/project/volumes/${enc(id)}`;
    case 'network':
      return `/project/network/networks/${enc(id)}`;
    case 'port': {
      const network = portNetworks.get(id);
      return network ? `/project/network/networks/${enc(network)}` : null;
    }
    case 'floating-ip':
      return '/project/network/floating-ips';
    case 'security-group':
      return `/project/network/security-groups/${enc(id)}`;
    case 'stack':
      return `/project/orchestration/stacks/${enc(id)}`;
    case 'alarm':
      return `/project/orchestration/alarms/${enc(id)}`;
  }
}

export async function loadResources(ctx: ScopedContext, stackId: string, depth: number): Promise<{ resources: LinkedResource[] }> {
  const resources = await listResources(heatOf(ctx), stackId, depth);
  // A child names its parent by resource name within the stack above it; key by that stack's id when known.
  const nestedParents = new Set<string>();
  for (const r of resources) {
    if (!r.parentResource) continue;
    const parent = resources.find((p) => p.name === r.parentResource && p.physicalId === r.stackId);
    if (parent) nestedParents.add(`${parent.stackId}/${parent.name}`);
  }
  const portIds = resources.filter((r) => r.type === 'OS::Neutron::Port' && r.physicalId).map((r) => r.physicalId);
  const portNetworks = new Map<string, string>();
  if (portIds.length > 0) {
    try {
      const ports = await listPorts(neutronClient(ctx.endpoint('network'), ctx.token), { id: portIds });
      for (const p of ports) portNetworks.set(p.id, p.networkId);
    } catch {
      // Without Neutron a port is shown unlinked.
    }
  }
  return {
    resources: resources.map((r) => {
      const kind = r.physicalId ? resourceLinkKind(r, nestedParents) : null;
      const href = kind ? resourceHref(kind, r.physicalId, portNetworks) : null;
      return { ...r, link: kind && href ? { kind, href } : null };
    }),
  };
}

export interface EventPage {
  events: StackEvent[];
  nextMarker: string | null;
}

export async function loadEvents(ctx: ScopedContext, stackId: string, options: { limit: number; marker?: string; resource?: string }): Promise<EventPage> {
  const query: EventListOptions = { limit: options.limit, marker: options.marker, resource: options.resource, sortDir: 'desc' };
  const events = await listEvents(heatOf(ctx), stackId, query);
  return { events, nextMarker: events.length === options.limit ? (events.at(-1)?.id ?? null) : null };
}

export async function loadOutputs(ctx: ScopedContext, stackId: string): Promise<{ outputs: ClassifiedOutput[] }> {
  const stack = await getStack(heatOf(ctx), stackId);
  const endpoints = signalEndpoints(ctx);
  return { outputs: stack.outputs.map((o) => classifyOutput(o, endpoints, ctx.project.id)).sort((a, b) => a.key.localeCompare(b.key)) };
}
