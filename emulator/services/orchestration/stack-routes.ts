// Heat v1 stacks below /heat-api/v1/{tenant}: create, preview, list, show (by name or id, with
// Heat's 302 to the canonical /stacks/{name}/{id}), outputs, template, environment, files, delete.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import type { Stack } from '../../store/schema';
import { apiCaller, callerProjectId } from '../compute/api-caller';
import { resolveOutputs, type StackPlan } from './hot/index';
import { buildResources, destroyResources } from './stack-build';
import { loadYaml } from './hot/yaml-load';
import { hotToApi, planInput, planStored, readStackInput } from './stack-plan';
import { stackRuntime } from './stack-runtime';
import { stackState, type StackState } from './stack-state';
import { checkPropertyConstraints, constraintResolver } from './constraint-resolver';
import { recordCreateFailure } from './stack-actions-create';
import { stackDetail, stackSummary, type Links } from './stack-views';

export interface StackContext {
  cloud: Cloud;
  projectId: string;
  userId: string;
  tenant: string;
}

type Params = { tenant: string; name: string; id: string; key: string; rest: string };

export const notFound = (name: string) => new ApiError(404, `The Stack (${name}) could not be found.`, 'EntityNotFound');

export function stackLinks(ctx: StackContext, stack: Pick<Stack, 'name' | 'id'>): Links {
  return { stackUrl: ctx.cloud.url(`/heat-api/v1/${ctx.tenant}/stacks/${stack.name}/${stack.id}`) };
}

/** The caller's stack by name or id; a stack whose delete completed is gone. */
export async function findStack(ctx: StackContext, nameOrId: string): Promise<{ stack: Stack; state: StackState }> {
  const now = ctx.cloud.clock.now();
  for (const stack of await ctx.cloud.store.stacks.list({ projectId: ctx.projectId })) {
    if (stack.id !== nameOrId && stack.name !== nameOrId) continue;
    const state = stackState(stack, now);
    if (!state.gone) return { stack, state };
  }
  throw notFound(nameOrId);
}

/** The stack at its canonical path: name and id must agree. */
export async function canonicalStack(ctx: StackContext, name: string, id: string) {
  const found = await findStack(ctx, id);
  if (found.stack.name !== name) throw notFound(`${name}/${id}`);
  return found;
}

export function stackContext(cloud: Cloud, request: FastifyRequest): StackContext {
  const token = apiCaller(request);
  const projectId = callerProjectId(token);
  const tenant = (request.params as Params).tenant;
  if (projectId === null || tenant !== projectId) throw new ApiError(403, 'You are not authorized to use this tenant.', 'Forbidden');
  return { cloud, projectId, userId: token.user.id, tenant };
}

/** Heat's 302 to the canonical stack URL, query string kept. */
export function redirectToCanonical(ctx: StackContext, request: FastifyRequest, reply: FastifyReply, stack: Stack, suffix = '') {
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
  const location = `${stackLinks(ctx, stack).stackUrl}${suffix}${query}`;
  return reply
    .code(302)
    .header('location', location)
    .send({
      code: '302 Found',
      message: `The resource was found at <a href="${location}">${location}</a>;\nyou should be redirected automatically.\n\n`,
      title: 'Found',
    });
}

function outputsOf(ctx: StackContext, stack: Stack, state: StackState, plan: StackPlan) {
  return resolveOutputs(plan, stackRuntime(ctx.cloud, stack, state));
}

/** Custom constraints (nova.flavor, glance.image, nova.keypair…) checked against this cloud. */
const resolverOf = (ctx: StackContext) => constraintResolver({ repos: ctx.cloud.store, projectId: ctx.projectId, userId: ctx.userId });

const STATUS_FILTERS = ['status', 'name', 'id', 'action'] as const;

export function registerStackRoutes(app: FastifyInstance, cloud: Cloud): void {
  const base = '/v1/:tenant/stacks';

  app.post(base, async (request, reply) => {
    const ctx = stackContext(cloud, request);
    const input = readStackInput(request.body);
    const existing = await ctx.cloud.store.stacks.list({ projectId: ctx.projectId });
    const now = cloud.clock.now();
    if (existing.some((s) => s.name === input.name && !stackState(s, now).gone)) {
      throw new ApiError(409, `The Stack (${input.name}) already exists.`, 'StackExists');
    }
    // Whole milliseconds, so the stored creation time reads back exactly.
    const startMs = Math.floor(now);
    const id = randomUUID();
    const plan = await planInput(input, { stackId: id, stackName: input.name, projectId: ctx.projectId }, resolverOf(ctx));
    await checkPropertyConstraints(plan, resolverOf(ctx));
    const stack: Stack = {
      id,
      projectId: ctx.projectId,
      userId: ctx.userId,
      name: input.name,
      description: plan.template.description ?? 'No description',
      action: 'CREATE',
      actionStartedMs: startMs,
      createdAt: formatIsoMicros(startMs),
      updatedAt: null,
      template: input.template,
      environment: input.environment,
      files: input.files,
      parameters: input.parameters,
      resources: [],
      timeoutMins: input.timeoutMins,
      disableRollback: input.disableRollback,
      tags: input.tags,
    };
    // Resources are made in the engine's create order, each seeing the ids of those before it
    // (stack-build.ts: nested stacks, alarms and other services' objects).
    await cloud.store.transaction(async (repos) => {
      // A resource that fails leaves the stack CREATE_FAILED with what was made before it.
      await buildResources({ cloud, repos, projectId: ctx.projectId, userId: ctx.userId, now }, stack, plan, startMs).catch((e: unknown) =>
        recordCreateFailure(stack, plan, startMs, e),
      );
      await repos.stacks.insert(stack);
    });
    const links = stackLinks(ctx, stack);
    return reply.code(201).header('location', links.stackUrl).send({ stack: { id, links: [{ href: links.stackUrl, rel: 'self' }] } });
  });

  app.post(`${base}/preview`, async (request) => {
    const ctx = stackContext(cloud, request);
    const input = readStackInput(request.body);
    const id = 'None';
    const plan = await planInput(input, { stackId: id, stackName: input.name, projectId: ctx.projectId }, resolverOf(ctx));
    await checkPropertyConstraints(plan, resolverOf(ctx));
    const at = formatIsoMicros(cloud.clock.now()).slice(0, 19);
    return {
      stack: {
        id,
        stack_name: input.name,
        description: plan.template.description ?? 'No description',
        template_description: plan.template.description ?? 'No description',
        disable_rollback: input.disableRollback,
        timeout_mins: input.timeoutMins,
        parameters: Object.fromEntries(
          Object.entries(plan.parameters).map(([k, p]) => [k, p.hidden ? '******' : p.value === null || p.value === undefined ? '' : typeof p.value === 'string' ? p.value : JSON.stringify(p.value)]),
        ),
        creation_time: at,
        updated_time: null,
        capabilities: [],
        notification_topics: [],
        links: [],
        resources: plan.createOrder.map((name) => ({
          resource_name: name,
          resource_type: plan.resources[name]!.type,
          resource_action: 'INIT',
          resource_status: 'COMPLETE',
          resource_status_reason: '',
          physical_resource_id: '',
          required_by: Object.values(plan.resources).filter((r) => r.dependsOn.includes(name)).map((r) => r.name),
          stack_name: input.name,
          stack_identity: { stack_name: input.name, stack_id: id, tenant: ctx.projectId, path: '' },
          description: '',
          metadata: {},
          properties: {},
          creation_time: at,
          updated_time: at,
        })),
      },
    };
  });

  app.get(base, async (request) => {
    const ctx = stackContext(cloud, request);
    const q = request.query as Record<string, string | string[] | undefined>;
    const now = cloud.clock.now();
    // Nested stacks (group members, template resources) are listed only with show_nested.
    const showNested = typeof q.show_nested === 'string' && ['true', '1', 'yes'].includes(q.show_nested.toLowerCase());
    let rows = (await cloud.store.stacks.list({ projectId: ctx.projectId }))
      .map((stack) => ({ stack, state: stackState(stack, now) }))
      .filter((r) => !r.state.gone && (showNested || !r.stack.parent));
    for (const key of STATUS_FILTERS) {
      const raw = q[key];
      if (raw === undefined) continue;
      const wanted = new Set(Array.isArray(raw) ? raw : [raw]);
      rows = rows.filter(({ stack, state }) => {
        const actual = key === 'status' ? [state.status, `${state.action}_${state.status}`] : key === 'action' ? [state.action] : key === 'name' ? [stack.name] : [stack.id];
        return actual.some((a) => wanted.has(a));
      });
    }
    rows.sort((a, b) => (a.stack.createdAt < b.stack.createdAt ? 1 : -1));
    const marker = typeof q.marker === 'string' ? rows.findIndex((r) => r.stack.id === q.marker) : -1;
    if (marker >= 0) rows = rows.slice(marker + 1);
    const limit = Number(q.limit);
    if (Number.isInteger(limit) && limit > 0) rows = rows.slice(0, limit);
    return { stacks: rows.map(({ stack, state }) => stackSummary(stack, state, stackLinks(ctx, stack))) };
  });

  // Any verb on /stacks/{name_or_id}[/{resources|events|…}] redirects to the canonical path.
  const redirect = async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = stackContext(cloud, request);
    const p = request.params as Params;
    const { stack } = await findStack(ctx, p.name);
    return redirectToCanonical(ctx, request, reply, stack, p.rest === undefined ? '' : `/${p.rest}`);
  };
  app.route({ method: ['GET', 'DELETE', 'PATCH', 'PUT'], url: `${base}/:name`, handler: redirect });
  for (const sub of ['resources', 'events', 'template', 'environment', 'files', 'outputs', 'actions']) {
    app.route({
      method: ['GET', 'POST'],
      url: `${base}/:name/${sub}`,
      handler: (request, reply) => {
        (request.params as Params).rest = sub;
        return redirect(request, reply);
      },
    });
  }

  app.get(`${base}/:name/:id`, async (request) => {
    const ctx = stackContext(cloud, request);
    const p = request.params as Params;
    const { stack, state } = await canonicalStack(ctx, p.name, p.id);
    const plan = await planStored(stack);
    return { stack: stackDetail(stack, state, stackLinks(ctx, stack), plan, outputsOf(ctx, stack, state, plan)) };
  });

  app.get(`${base}/:name/:id/outputs`, async (request) => {
    const ctx = stackContext(cloud, request);
    const p = request.params as Params;
    const { stack, state } = await canonicalStack(ctx, p.name, p.id);
    const plan = await planStored(stack);
    return {
      outputs: outputsOf(ctx, stack, state, plan).map((o) => ({ output_key: o.output_key, description: o.description })),
    };
  });

  app.get(`${base}/:name/:id/outputs/:key`, async (request) => {
    const ctx = stackContext(cloud, request);
    const p = request.params as Params;
    const { stack, state } = await canonicalStack(ctx, p.name, p.id);
    const output = outputsOf(ctx, stack, state, await planStored(stack)).find((o) => o.output_key === p.key);
    if (!output) throw new ApiError(404, `Specified output key ${p.key} not found.`, 'NotFound');
    return { output };
  });

  app.get(`${base}/:name/:id/template`, async (request) => {
    const p = request.params as Params;
    const { stack } = await canonicalStack(stackContext(cloud, request), p.name, p.id);
    if (stack.template.kind === 'document') return stack.template.value;
    return loadYaml(String(stack.template.value), 'template');
  });

  app.get(`${base}/:name/:id/environment`, async (request) => {
    const p = request.params as Params;
    const { stack } = await canonicalStack(stackContext(cloud, request), p.name, p.id);
    const env = (await planStored(stack)).environment;
    return {
      parameters: env.parameters,
      parameter_defaults: env.parameterDefaults,
      resource_registry: { resources: {}, ...env.resourceRegistry },
      encrypted_param_names: [],
      event_sinks: [],
    };
  });

  app.get(`${base}/:name/:id/files`, async (request) => {
    const p = request.params as Params;
    const { stack } = await canonicalStack(stackContext(cloud, request), p.name, p.id);
    return stack.files;
  });

  app.delete(`${base}/:name/:id`, async (request, reply) => {
    const ctx = stackContext(cloud, request);
    const p = request.params as Params;
    const { stack, state } = await canonicalStack(ctx, p.name, p.id);
    if (state.action !== 'DELETE') {
      const now = cloud.clock.now();
      await cloud.store.transaction(async (repos) => {
        await destroyResources({ cloud, repos, projectId: ctx.projectId, userId: ctx.userId, now }, stack);
        await repos.stacks.setAction(stack.id, 'DELETE', now, formatIsoMicros(now));
      });
    }
    return reply.code(204).send();
  });
}
