// Builds a stack's resources in the engine's create order, each seeing the ids and attributes of
// those before it, and tears them down in reverse. Resources that are nested stacks (an
// AutoScalingGroup, a template-backed type, a group member of such a type) are stack rows with a
// parent; alarms are Aodh alarms; other services' objects go through resource-behaviour.ts.

import { randomBytes, randomUUID } from 'node:crypto';
import type { Cloud } from '../../cloud';
import { formatIsoMicros } from '../../sim/clock';
import type { Repositories } from '../../store/open-store';
import type { Stack, StackResource, StoredTemplate } from '../../store/schema';
import { findFile, resolveProperties, type StackPlan } from './hot/index';
import { ALARM_TYPES, createAlarmResource, deleteAlarmResource } from './alarm-resource';
import { createGroup } from './group-members';
import { createResource, deleteResource, type BehaviourContext } from './resource-behaviour';
import { hotToApi, planInput } from './stack-plan';
import { stackRuntime } from './stack-runtime';
import type { StackState } from './stack-state';

export const GROUP_TYPE = 'OS::Heat::AutoScalingGroup';

export interface BuildContext {
  cloud: Cloud;
  repos: Repositories;
  projectId: string;
  userId: string;
  now: number;
}

/** Heat's short random suffix (lower-case letters and digits). */
export function shortId(length = 12): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** A runtime over the records made so far: each created resource is complete. */
export function buildRuntime(cloud: Cloud, stack: Stack) {
  const state = {
    resources: stack.resources.map((resource) => ({ resource, action: 'CREATE', status: 'COMPLETE', reason: '' })),
  } as unknown as StackState;
  return stackRuntime(cloud, stack, state);
}

export function behaviourOf(ctx: BuildContext, stack: Stack): BehaviourContext {
  return { repos: ctx.repos, projectId: ctx.projectId, userId: ctx.userId, stackName: stack.name, now: ctx.now };
}

/** Creates every planned resource into stack.resources (the stack row itself is written by the caller). */
export async function buildResources(ctx: BuildContext, stack: Stack, plan: StackPlan, startMs: number): Promise<void> {
  const requiredBy = new Map<string, string[]>(plan.createOrder.map((n) => [n, []]));
  for (const r of Object.values(plan.resources)) for (const d of r.dependsOn) requiredBy.get(d)?.push(r.name);
  for (const [index, name] of plan.createOrder.entries()) {
    const record = await buildResource(ctx, stack, plan, name, startMs + index * 1000);
    stack.resources.push({ ...record, requiredBy: requiredBy.get(name) ?? [], index });
  }
}

/** Creates one planned resource and answers its record (requiredBy and index left to the caller). */
export async function buildResource(
  ctx: BuildContext,
  stack: Stack,
  plan: StackPlan,
  name: string,
  startMs: number,
): Promise<StackResource> {
  const planned = plan.resources[name]!;
  const type = planned.type;
  let props: Record<string, unknown>;
  try {
    props = resolveProperties(plan, name, buildRuntime(ctx.cloud, stack));
  } catch (e) {
    hotToApi(e);
  }
  const base = { name, type, requiredBy: [], index: 0 };
  if (type === GROUP_TYPE) {
    return { ...base, ...(await createGroup(ctx, stack, name, props, startMs)) };
  }
  if (planned.nested && planned.schema.templateRef !== undefined) {
    const text = findFile(stack.files, planned.schema.templateRef) ?? '';
    const physicalId = await createNestedStack(ctx, stack, name, { kind: 'text', value: text }, props, startMs);
    return { ...base, physicalId, nested: true };
  }
  if ((ALARM_TYPES as readonly string[]).includes(type)) {
    return { ...base, physicalId: await createAlarmResource(ctx, stack, name, type, props) };
  }
  return { ...base, physicalId: await createResource(behaviourOf(ctx, stack), name, type, props) };
}

/**
 * A nested stack for resource `resource` of `parent`: planned with the parent's environment
 * (its resource_registry applies inside) and files, its parameters the resource's properties.
 * Answers the nested stack's id.
 */
export async function createNestedStack(
  ctx: BuildContext,
  parent: Stack,
  resource: string,
  template: StoredTemplate,
  parameters: Record<string, unknown>,
  startMs: number,
): Promise<string> {
  const id = randomUUID();
  const name = `${parent.name}-${resource}-${shortId()}`;
  const { parameters: _ignored, ...environment } = parent.environment;
  const stack: Stack = {
    id,
    projectId: parent.projectId,
    userId: ctx.userId,
    name,
    description: 'No description',
    action: 'CREATE',
    actionStartedMs: startMs,
    createdAt: formatIsoMicros(startMs),
    updatedAt: null,
    template,
    environment,
    files: parent.files,
    parameters,
    resources: [],
    timeoutMins: parent.timeoutMins,
    disableRollback: parent.disableRollback,
    tags: [],
    parent: { stackId: parent.id, resource },
  };
  const plan = await planInput(stack, { stackId: id, stackName: name, projectId: parent.projectId });
  stack.description = plan.template.description ?? 'No description';
  await buildResources(ctx, stack, plan, startMs);
  await ctx.repos.stacks.insert(stack);
  return id;
}

/** Deletes what one resource record made (a nested stack with everything in it). */
export async function destroyResource(ctx: BuildContext, r: StackResource): Promise<void> {
  if (r.nested || r.type === GROUP_TYPE) return destroyNestedStack(ctx, r.physicalId);
  if ((ALARM_TYPES as readonly string[]).includes(r.type)) return deleteAlarmResource(ctx, r.physicalId);
  return deleteResource({ ...behaviourOf(ctx, { name: '' } as Stack) }, r.type, r.physicalId);
}

/** Deletes the stack's resources in reverse create order (not those a resize already removed). */
export async function destroyResources(ctx: BuildContext, stack: Stack): Promise<void> {
  const live = stack.resources.filter((r) => r.removedMs === undefined).sort((a, b) => b.index - a.index);
  for (const r of live) await destroyResource(ctx, r);
}

export async function destroyNestedStack(ctx: BuildContext, id: string): Promise<void> {
  const nested = await ctx.repos.stacks.get(id);
  if (!nested || nested.action === 'DELETE') return;
  await destroyResources(ctx, nested);
  await ctx.repos.stacks.setAction(nested.id, 'DELETE', ctx.now, formatIsoMicros(ctx.now));
}
