// Stack update: PUT /stacks/{name}/{id} replaces template, environment, files and parameters;
// PATCH keeps what is not sent (`openstack stack update --existing`: parameters merged, minus
// `clear_parameters`); PUT|PATCH …/preview answers the resource changes without making them.
// The new template is planned first (a bad one is a 400 before anything changes), then resources
// are diffed by name: new ones are created, changed ones updated in place or replaced, removed
// ones deleted, one RESOURCE_SECONDS step each, as an UPDATE phase (stack-actions-state.ts).

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { Stack, StackResource, StackStep } from '../../store/schema';
import { resolveProperties, type StackPlan } from './hot/index';
import { checkPropertyConstraints, constraintResolver } from './constraint-resolver';
import { resizeGroup } from './group-members';
import { assertIdle, withPhase } from './stack-actions';
import { buildResource, buildRuntime, destroyResource, GROUP_TYPE, type BuildContext } from './stack-build';
import { planInput, planStored, readStackInput, type StackInput } from './stack-plan';
import { canonicalStack, stackContext, stackLinks, type StackContext } from './stack-routes';
import { stackRuntime } from './stack-runtime';
import type { StackState } from './stack-state';
import { needsReplacement, updateInPlace } from './stack-update-apply';
import { resourceView } from './stack-views';

type Params = { tenant: string; name: string; id: string };
type Mode = 'replace' | 'patch';
type Props = Record<string, unknown>;

const STEP_MS = 1000;

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Merges two environment documents as Heat's env_util does for PATCH (maps merged, sections kept). */
function mergeEnvironment(old: Record<string, unknown>, given: unknown): Record<string, unknown> {
  if (!isMap(given) || Object.keys(given).length === 0) return old;
  if (old.__text !== undefined || given.__text !== undefined) return given;
  const out: Record<string, unknown> = { ...old };
  for (const [k, v] of Object.entries(given)) out[k] = isMap(v) && isMap(old[k]) ? { ...(old[k] as Props), ...v } : v;
  return out;
}

/** What the update asks for, with PATCH's "keep the existing" rules applied. */
export function readUpdateInput(body: unknown, stack: Stack, mode: Mode): StackInput {
  const b: Props = isMap(body) ? body : {};
  if (mode === 'replace') return readStackInput({ ...b, stack_name: stack.name });
  // heatclient's --existing without -t sends no template (null or an empty document).
  const given = (v: unknown) => v !== undefined && v !== null && v !== '' && !(isMap(v) && Object.keys(v).length === 0);
  const hasTemplate = given(b.template) || given(b.template_url);
  const stored = stack.template.value;
  const input = readStackInput({
    ...b,
    stack_name: stack.name,
    template: given(b.template) ? b.template : hasTemplate ? undefined : stored,
    template_url: hasTemplate ? b.template_url : undefined,
    disable_rollback: b.disable_rollback ?? stack.disableRollback,
  });
  const cleared = new Set(Array.isArray(b.clear_parameters) ? b.clear_parameters.map(String) : []);
  const parameters = Object.fromEntries(Object.entries({ ...stack.parameters, ...input.parameters }).filter(([k]) => !cleared.has(k)));
  const environment = typeof b.environment === 'string' ? input.environment : mergeEnvironment(stack.environment, b.environment);
  if (isMap(environment.parameters) && cleared.size > 0) {
    environment.parameters = Object.fromEntries(Object.entries(environment.parameters).filter(([k]) => !cleared.has(k)));
  }
  return {
    ...input,
    parameters,
    environment,
    files: { ...stack.files, ...input.files },
    timeoutMins: b.timeout_mins === undefined ? stack.timeoutMins : input.timeoutMins,
    tags: b.tags === undefined ? stack.tags : input.tags,
  };
}

interface Diff {
  added: string[];
  updated: { record: StackResource; before: Props; after: Props; replace: boolean }[];
  unchanged: StackResource[];
  deleted: StackResource[];
}

function resolved(plan: StackPlan, name: string, runtime: Parameters<typeof resolveProperties>[2]): Props {
  try {
    return resolveProperties(plan, name, runtime);
  } catch {
    return {};
  }
}

/** The resources by name: kept ones compare their resolved properties under the old and new plans. */
function diffResources(cloud: Cloud, stack: Stack, state: StackState, oldPlan: StackPlan, newPlan: StackPlan): Diff {
  const live = stack.resources.filter((r) => r.removedMs === undefined);
  const byName = new Map(live.map((r) => [r.name, r]));
  const oldRuntime = stackRuntime(cloud, stack, state);
  const diff: Diff = { added: [], updated: [], unchanged: [], deleted: live.filter((r) => !(r.name in newPlan.resources)) };
  for (const name of newPlan.createOrder) {
    const record = byName.get(name);
    if (!record) {
      diff.added.push(name);
      continue;
    }
    const before = resolved(oldPlan, name, oldRuntime);
    // New references resolve to the kept resources' ids; those of added ones are unknown yet.
    const after = resolved(newPlan, name, oldRuntime);
    const typeChanged = newPlan.resources[name]!.type !== record.type;
    if (!typeChanged && JSON.stringify(before) === JSON.stringify(after)) diff.unchanged.push(record);
    else diff.updated.push({ record, before, after, replace: typeChanged || needsReplacement(record.type, before, after) });
  }
  return diff;
}

function failureOf(e: unknown): string {
  if (e instanceof ApiError) return e.message.replace(/^Resource CREATE failed: /, '');
  throw e;
}

/** Makes the changes in one transaction and writes the stack with its UPDATE phase. */
async function applyUpdate(cloud: Cloud, ctx: StackContext, stack: Stack, input: StackInput, plan: StackPlan, diff: Diff, now: number): Promise<Stack> {
  const next: Stack = {
    ...stack,
    description: plan.template.description ?? 'No description',
    template: input.template,
    environment: input.environment,
    files: input.files,
    parameters: input.parameters,
    timeoutMins: input.timeoutMins,
    disableRollback: input.disableRollback,
    tags: input.tags,
    resources: stack.resources.map((r) => ({ ...r })),
  };
  const record = (name: string) => next.resources.find((r) => r.name === name && r.removedMs === undefined)!;
  const steps: StackStep[] = [];
  const resizes: { name: string; capacity: number; at: number }[] = [];
  const at = () => now + steps.length * STEP_MS;
  let index = next.resources.reduce((m, r) => Math.max(m, r.index), -1);
  await cloud.store.transaction(async (repos) => {
    const bctx: BuildContext = { cloud, repos, projectId: ctx.projectId, userId: ctx.userId, now };
    const failed = () => steps.some((s) => s.failed !== undefined);
    for (const name of diff.added) {
      if (failed()) break;
      const start = at();
      const type = plan.resources[name]!.type;
      try {
        const made = await buildResource(bctx, next, plan, name, start);
        next.resources.push({ ...made, index: ++index, startMs: start });
        steps.push({ name, type, physicalId: made.physicalId, action: 'CREATE' });
      } catch (e) {
        steps.push({ name, type, physicalId: '', action: 'CREATE', failed: failureOf(e) });
      }
    }
    for (const u of diff.updated) {
      if (failed()) break;
      const r = record(u.record.name);
      const type = plan.resources[r.name]!.type;
      const step: StackStep = { name: r.name, type, physicalId: r.physicalId, action: 'UPDATE' };
      if (u.replace) {
        try {
          const made = await buildResource(bctx, next, plan, r.name, at());
          await destroyResource(bctx, r);
          Object.assign(r, { ...made, index: r.index, requiredBy: r.requiredBy });
          step.physicalId = made.physicalId;
        } catch (e) {
          step.failed = failureOf(e);
        }
      } else {
        const after = resolveProperties(plan, r.name, buildRuntime(cloud, next));
        const outcome = await updateInPlace(bctx, r, u.before, after);
        if (outcome.failed) step.failed = outcome.failed;
        if (outcome.capacity !== undefined && r.type === GROUP_TYPE) resizes.push({ name: r.name, capacity: outcome.capacity, at: at() });
      }
      steps.push(step);
      // The group's members are made one step each after its own step (group-members.ts).
      const resize = resizes.find((x) => x.name === r.name);
      for (let k = Math.abs((resize?.capacity ?? 0) - (r.capacity ?? 0)); resize && k > 0; k--) steps.push({ ...step, action: 'CREATE' });
    }
    for (const r of [...diff.deleted].sort((a, b) => b.index - a.index)) {
      if (failed()) break;
      const mine = record(r.name);
      await destroyResource(bctx, mine);
      mine.removedMs = at();
      steps.push({ name: r.name, type: r.type, physicalId: r.physicalId, action: 'DELETE' });
    }
    const requiredBy = new Map<string, string[]>(plan.createOrder.map((n) => [n, []]));
    for (const p of Object.values(plan.resources)) for (const d of p.dependsOn) requiredBy.get(d)?.push(p.name);
    for (const r of next.resources) if (r.removedMs === undefined && requiredBy.has(r.name)) r.requiredBy = requiredBy.get(r.name)!;
    await repos.stacks.save(withPhase(next, { action: 'UPDATE', startedMs: now, steps }));
  });
  const saved = withPhase(next, { action: 'UPDATE', startedMs: now, steps });
  for (const resize of resizes) await resizeGroup(cloud, saved, resize.name, resize.capacity, resize.at + STEP_MS);
  return saved;
}

async function prepare(cloud: Cloud, request: FastifyRequest, mode: Mode) {
  const ctx = stackContext(cloud, request);
  const p = request.params as Params;
  const { stack, state } = await canonicalStack(ctx, p.name, p.id);
  assertIdle(stack, state);
  if (state.action === 'SUSPEND' && state.status !== 'FAILED') {
    throw new ApiError(400, 'Updating a stack when it is suspended is not supported.', 'NotSupported');
  }
  const input = readUpdateInput(request.body, stack, mode);
  const resolver = constraintResolver({ repos: cloud.store, projectId: ctx.projectId, userId: ctx.userId });
  const plan = await planInput(input, { stackId: stack.id, stackName: stack.name, projectId: ctx.projectId }, resolver);
  await checkPropertyConstraints(plan, resolver);
  const diff = diffResources(cloud, stack, state, await planStored(stack), plan);
  return { ctx, stack, state, input, plan, diff };
}

export function registerStackUpdateRoutes(app: FastifyInstance, cloud: Cloud): void {
  const base = '/v1/:tenant/stacks/:name/:id';
  for (const [method, mode] of [['PUT', 'replace'], ['PATCH', 'patch']] as const) {
    app.route({
      method,
      url: base,
      handler: async (request, reply) => {
        const { ctx, stack, input, plan, diff } = await prepare(cloud, request, mode);
        await applyUpdate(cloud, ctx, stack, input, plan, diff, Math.floor(cloud.clock.now()));
        return reply.code(202).send();
      },
    });
    app.route({
      method,
      url: `${base}/preview`,
      handler: async (request) => {
        const { ctx, stack, state, plan, diff } = await prepare(cloud, request, mode);
        const links = stackLinks(ctx, stack);
        const view = (r: StackResource) => {
          const rs = state.resources.find((x) => x.resource === r);
          return rs ? resourceView(stack, rs, links) : { resource_name: r.name, resource_type: r.type };
        };
        return {
          resource_changes: {
            unchanged: diff.unchanged.map(view),
            updated: diff.updated.filter((u) => !u.replace).map((u) => view(u.record)),
            replaced: diff.updated.filter((u) => u.replace).map((u) => view(u.record)),
            added: diff.added.map((name) => ({ resource_name: name, resource_type: plan.resources[name]!.type, resource_action: 'INIT', resource_status: 'COMPLETE' })),
            deleted: diff.deleted.map(view),
          },
        };
      },
    });
  }
}
