// Heat v1 resources and events of a stack at its canonical path: list (nested_depth expands
// nested stacks, nested-resources.ts), show with attributes, per-resource events, and event filters.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import type { StackResource } from '../../store/schema';
import { planStored } from './stack-plan';
import { canonicalStack, stackContext, stackLinks } from './stack-routes';
import { stackRuntime } from './stack-runtime';
import { signalPolicy } from './scaling-signal';
import { nestedStackOf, resourceRow, resourceRows } from './nested-resources';
import { stackEvents } from './stack-state';
import { eventView } from './stack-views';

type Params = { tenant: string; name: string; id: string; res: string; event: string };
type Query = Record<string, string | string[] | undefined>;

const EVENT_FILTERS: Record<string, (e: ReturnType<typeof stackEvents>[number]) => string> = {
  resource_action: (e) => e.action,
  resource_status: (e) => e.status,
  resource_name: (e) => e.resourceName,
  resource_type: (e) => e.resourceType,
};

/**
 * A resource's metadata: the template's, and for a group that has scaled Heat's own keys: when its
 * cooldown ends (a naive UTC ISO time, as Python's isoformat writes it) and why it started.
 */
function resourceMetadata(resource: StackResource, fromTemplate: unknown): Record<string, unknown> {
  const metadata = { ...((fromTemplate ?? {}) as Record<string, unknown>) };
  if (resource.type !== 'OS::Heat::AutoScalingGroup' || resource.cooldownEnd === undefined) return metadata;
  const end = formatIsoMicros(resource.cooldownEnd).replace(/Z$/, '');
  return { ...metadata, cooldown_end: { [end]: resource.cooldownReason ?? '' }, scaling_in_progress: false };
}

const resourceNotFound = (res: string, stack: string) =>
  new ApiError(404, `The Resource (${res}) could not be found in Stack ${stack}.`, 'ResourceNotFound');

export function registerResourceRoutes(app: FastifyInstance, cloud: Cloud): void {
  const base = '/v1/:tenant/stacks/:name/:id';

  app.get(`${base}/resources`, async (request) => {
    const ctx = stackContext(cloud, request);
    const p = request.params as Params;
    const { stack, state } = await canonicalStack(ctx, p.name, p.id);
    const q = request.query as Query;
    const depth = Math.min(Number(q.nested_depth ?? 0) || 0, 5);
    let rows = await resourceRows(cloud, ctx, stack, state.resources, depth);
    for (const key of ['name', 'type', 'status', 'action'] as const) {
      const raw = q[key];
      if (raw === undefined) continue;
      const wanted = new Set(Array.isArray(raw) ? raw : [raw]);
      const field = { name: 'resource_name', type: 'resource_type', status: 'resource_status', action: 'resource_status' }[key];
      rows = rows.filter((r) => {
        const v = String(r[field]);
        return wanted.has(v) || (key === 'status' && wanted.has(v.split('_').pop()!)) || (key === 'action' && wanted.has(v.split('_')[0]!));
      });
    }
    return { resources: rows };
  });

  app.get(`${base}/resources/:res`, async (request) => {
    const ctx = stackContext(cloud, request);
    const p = request.params as Params;
    const { stack, state } = await canonicalStack(ctx, p.name, p.id);
    const r = state.resources.find((x) => x.resource.name === p.res);
    if (!r) throw resourceNotFound(p.res, stack.name);
    const plan = await planStored(stack);
    const runtime = stackRuntime(cloud, stack, state);
    const names = plan.resources[p.res]?.schema.attributes ?? [];
    const attributes = Object.fromEntries(names.map((a) => [a, runtime.attribute(p.res, a)]));
    return {
      resource: {
        ...resourceRow(ctx, stack, r, await nestedStackOf(cloud, r)),
        attributes,
        description: '',
        metadata: resourceMetadata(r.resource, plan.resources[p.res]?.definition.metadata),
      },
    };
  });

  app.get(`${base}/resources/:res/metadata`, async (request) => {
    const p = request.params as Params;
    const { stack, state } = await canonicalStack(stackContext(cloud, request), p.name, p.id);
    const r = state.resources.find((x) => x.resource.name === p.res);
    if (!r) throw resourceNotFound(p.res, stack.name);
    const plan = await planStored(stack);
    return { metadata: resourceMetadata(r.resource, plan.resources[p.res]?.definition.metadata) };
  });

  // Heat answers 200 with no body; the policy acts on it (or does nothing during cooldown).
  app.post(`${base}/resources/:res/signal`, async (request, reply) => {
    const p = request.params as Params;
    const { stack } = await canonicalStack(stackContext(cloud, request), p.name, p.id);
    await signalPolicy(cloud, stack, p.res, request.body);
    return reply.code(200).send();
  });

  const listEvents = async (request: FastifyRequest, only?: string) => {
    const ctx = stackContext(cloud, request);
    const p = request.params as Params;
    const { stack } = await canonicalStack(ctx, p.name, p.id);
    if (only !== undefined && only !== stack.name && !stack.resources.some((r) => r.name === only)) {
      throw resourceNotFound(only, stack.name);
    }
    const q = request.query as Query;
    let events = stackEvents(stack, cloud.clock.now());
    if (only !== undefined) events = events.filter((e) => e.resourceName === only);
    for (const [key, get] of Object.entries(EVENT_FILTERS)) {
      const raw = q[key];
      if (raw === undefined) continue;
      const wanted = new Set(Array.isArray(raw) ? raw : [raw]);
      events = events.filter((e) => wanted.has(get(e)));
    }
    if (q.sort_dir === 'desc') events.reverse();
    const marker = typeof q.marker === 'string' ? events.findIndex((e) => e.id === q.marker) : -1;
    if (marker >= 0) events = events.slice(marker + 1);
    const limit = Number(q.limit);
    if (Number.isInteger(limit) && limit > 0) events = events.slice(0, limit);
    return { events: events.map((e) => eventView(e, stackLinks(ctx, stack))) };
  };

  app.get(`${base}/events`, (request) => listEvents(request));
  app.get(`${base}/resources/:res/events`, (request) => listEvents(request, (request.params as Params).res));

  app.get(`${base}/resources/:res/events/:event`, async (request) => {
    const ctx = stackContext(cloud, request);
    const p = request.params as Params;
    const { stack } = await canonicalStack(ctx, p.name, p.id);
    const e = stackEvents(stack, cloud.clock.now()).find((x) => x.id === p.event && x.resourceName === p.res);
    if (!e) throw new ApiError(404, `The Event (${p.event}) could not be found.`, 'EntityNotFound');
    return { event: eventView(e, stackLinks(ctx, stack), true) };
  });
}
