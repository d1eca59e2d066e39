// POST /v1/{tenant}/stacks/{name}/{id}/actions with {suspend|resume|check: null}: one phase of
// resource steps (stack-actions-state.ts). Suspend really suspends the stack's servers through
// Nova's own transition (reverse create order) and resume resumes them; check looks the physical
// objects up and fails on the first one that is gone or not in the state Heat expects.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import { refusal, refusalMessage, serverStatus } from '../../sim/server-lifecycle';
import type { Repositories } from '../../store/open-store';
import { getServer } from '../../store/servers';
import type { Stack, StackPhase, StackResource, StackStep } from '../../store/schema';
import { startServerTransition } from './server-resource';
import { canonicalStack, stackContext, type StackContext } from './stack-routes';
import { stackState, type StackState } from './stack-state';

type Params = { tenant: string; name: string; id: string };
type Action = 'SUSPEND' | 'RESUME' | 'CHECK';

const ACTIONS: Record<string, Action> = { suspend: 'SUSPEND', resume: 'RESUME', check: 'CHECK' };
const UNBUILT = new Set(['cancel_update', 'cancel_without_rollback']);

/** Heat's actions controller: exactly one known action in the body. */
export function readAction(body: unknown): Action {
  const keys = typeof body === 'object' && body !== null && !Array.isArray(body) ? Object.keys(body) : [];
  if (keys.length < 1) throw new ApiError(400, 'No action specified', 'HTTPBadRequest');
  if (keys.length > 1) throw new ApiError(400, 'Multiple actions specified', 'HTTPBadRequest');
  const key = keys[0]!;
  if (UNBUILT.has(key)) throw new ApiError(400, `${key} is not supported by this cloud (no stack update is ever in progress long enough to cancel).`, 'NotSupported');
  const action = ACTIONS[key];
  if (!action) throw new ApiError(400, `Invalid action ${key} specified`, 'HTTPBadRequest');
  return action;
}

/** Refuses a new action while one runs, as Heat's stack lock does. */
export function assertIdle(stack: Stack, state: StackState): void {
  if (state.status === 'IN_PROGRESS') {
    throw new ApiError(409, `Stack ${stack.name} already has an action (${state.action}) in progress.`, 'ActionInProgress');
  }
}

interface StepContext {
  repos: Repositories;
  userId: string;
  now: number;
}

/** Starts Nova's suspend or resume of the stack's server; answers a failure reason or undefined. */
async function serverTransition(ctx: StepContext, r: StackResource, action: 'suspend' | 'resume'): Promise<string | undefined> {
  const server = await getServer(ctx.repos.servers, r.physicalId, formatIsoMicros(ctx.now));
  if (!server) return `NotFound: resources.${r.name}: Instance ${r.physicalId} could not be found. (HTTP 404)`;
  const already = action === 'suspend' ? 'suspended' : 'active';
  if (server.vmState === already && server.taskState === null) return undefined;
  const refused = refusal(server, action, false);
  if (refused) return `Conflict: resources.${r.name}: ${refusalMessage(refused, action, server.id)} (HTTP 409)`;
  await startServerTransition(ctx, server, action);
  return undefined;
}

/** Heat's handle_check of the types that have one; others complete with "not supported". */
async function checkResource(ctx: StepContext, r: StackResource): Promise<Pick<StackStep, 'failed' | 'reason'>> {
  const gone = (what: string) => ({ failed: `NotFound: resources.${r.name}: ${what} ${r.physicalId} could not be found. (HTTP 404)` });
  const expected = (current: string, wanted: string) =>
    wanted.split('|').includes(current) ? {} : { failed: `Error: resources.${r.name}: 'status': expected '${wanted.split('|').join("', '")}', got '${current}'` };
  switch (r.type) {
    case 'OS::Nova::Server': {
      const server = await getServer(ctx.repos.servers, r.physicalId, formatIsoMicros(ctx.now));
      if (!server || server.taskState === 'deleting') return gone('Instance');
      return expected(serverStatus(server.vmState, server.taskState), 'ACTIVE');
    }
    case 'OS::Cinder::Volume': {
      await ctx.repos.volumes.settle(formatIsoMicros(ctx.now));
      const volume = await ctx.repos.volumes.get(r.physicalId);
      return volume ? expected(volume.status, 'available|in-use') : gone('Volume');
    }
    case 'OS::Neutron::Port':
      return (await ctx.repos.ports.get(r.physicalId)) ? {} : gone('Port');
    case 'OS::Neutron::FloatingIP':
      return (await ctx.repos.floatingIps.get(r.physicalId)) ? {} : gone('Floating IP');
    default:
      return r.type.startsWith('OS::Heat::') || r.type.includes('.') ? {} : { reason: `CHECK not supported for ${r.type}` };
  }
}

const stateTuple = (s: { action: string; status: string }) => `('${s.action}', '${s.status}')`;

/** The phase's steps, with the real objects changed now (they settle on the clock). */
export async function runAction(ctx: StepContext, stack: Stack, state: StackState, action: Action): Promise<StackStep[]> {
  const live = state.resources.filter((r) => r.action !== 'INIT' && r.resource.removedMs === undefined);
  const ordered = [...live].sort((a, b) => (action === 'SUSPEND' ? b.resource.index - a.resource.index : a.resource.index - b.resource.index));
  const steps: StackStep[] = [];
  for (const rs of ordered) {
    const r = rs.resource;
    const step: StackStep = { name: r.name, type: r.type, physicalId: r.physicalId, action };
    if (action === 'RESUME' && !(rs.action === 'SUSPEND' && rs.status === 'COMPLETE') && !(rs.action === 'RESUME' && rs.status === 'FAILED')) {
      step.failed = `Error: resources.${r.name}: State ${stateTuple(rs)} invalid for resume`;
    } else if (r.nested) {
      const failed = await nestedAction(ctx, r, action);
      if (failed) step.failed = failed;
    } else if (action === 'CHECK') {
      Object.assign(step, await checkResource(ctx, r));
    } else if (r.type === 'OS::Nova::Server') {
      const failed = await serverTransition(ctx, r, action === 'SUSPEND' ? 'suspend' : 'resume');
      if (failed) step.failed = failed;
    }
    steps.push(step);
    if (step.failed !== undefined) break;
  }
  return steps;
}

/** Runs the action on a nested stack (a group and its members) as Heat does; answers a failure or undefined. */
async function nestedAction(ctx: StepContext, r: StackResource, action: Action): Promise<string | undefined> {
  const nested = await ctx.repos.stacks.get(r.physicalId);
  const state = nested && stackState(nested, ctx.now);
  if (!nested || !state || state.gone) return `NotFound: resources.${r.name}: The Stack (${r.physicalId}) could not be found.`;
  const steps = await runAction(ctx, nested, state, action);
  await ctx.repos.stacks.save(withPhase(nested, { action, startedMs: ctx.now, steps }));
  const failed = steps.find((s) => s.failed !== undefined);
  return failed ? `Error: resources.${r.name}: ${failed.failed}` : undefined;
}

/** The stack with the new phase started at `startMs`. */
export function withPhase(stack: Stack, phase: StackPhase): Stack {
  return {
    ...stack,
    action: phase.action,
    actionStartedMs: phase.startedMs,
    updatedAt: formatIsoMicros(phase.startedMs),
    history: [...(stack.history ?? []), phase],
  };
}

async function act(cloud: Cloud, ctx: StackContext, p: Params, body: unknown): Promise<void> {
  const action = readAction(body);
  const { stack, state } = await canonicalStack(ctx, p.name, p.id);
  assertIdle(stack, state);
  // Heat leaves a stack that is already suspended (or resumed) alone.
  if (state.status === 'COMPLETE' && ((action === 'SUSPEND' && state.action === 'SUSPEND') || (action === 'RESUME' && state.action === 'RESUME'))) return;
  const now = Math.floor(cloud.clock.now());
  await cloud.store.transaction(async (repos) => {
    const steps = await runAction({ repos, userId: ctx.userId, now }, stack, state, action);
    await repos.stacks.save(withPhase(stack, { action, startedMs: now, steps }));
  });
}

export function registerStackActionRoutes(app: FastifyInstance, cloud: Cloud): void {
  app.post('/v1/:tenant/stacks/:name/:id/actions', async (request, reply) => {
    await act(cloud, stackContext(cloud, request), request.params as Params, request.body);
    return reply.code(200).send();
  });
}
