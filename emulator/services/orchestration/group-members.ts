// OS::Heat::AutoScalingGroup members, as Heat makes them: the group's physical id is a nested
// stack named {stack}-{group}-{random} whose resources are the members (random names), each of
// the group's resource.type: a plugin type (OS::Nova::Server) or a template type, itself a nested
// stack. A resize creates members (one after another on the clock) or removes the oldest first,
// rewrites the nested stack's template and records the group's UPDATE window.

import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import type { Stack, StackPhase, StackResource, StackStep } from '../../store/schema';
import { resolveProperties } from './hot/index';
import { planStored, hotToApi, planInput } from './stack-plan';
import { stackRuntime } from './stack-runtime';
import { RESOURCE_SECONDS, stackState } from './stack-state';
import {
  buildResource,
  createNestedStack,
  destroyResource,
  shortId,
  GROUP_TYPE,
  type BuildContext,
} from './stack-build';

const STEP_MS = RESOURCE_SECONDS * 1000;
const TEMPLATE_VERSION = '2015-04-30';

interface MemberDefinition {
  type: string;
  properties: Record<string, unknown>;
}

function memberDefinition(props: Record<string, unknown>): MemberDefinition {
  const raw = props.resource as Record<string, unknown> | undefined;
  const properties = raw?.properties;
  return {
    type: String(raw?.type ?? ''),
    properties: typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>) : {},
  };
}

/** The nested stack's template: one resource per member, all of the group's resource definition. */
function groupTemplate(names: string[], member: MemberDefinition): Record<string, unknown> {
  return {
    heat_template_version: TEMPLATE_VERSION,
    resources: Object.fromEntries(names.map((n) => [n, { type: member.type, properties: member.properties }])),
  };
}

/** The size a group starts at: desired_capacity, else min_size. */
export function initialCapacity(props: Record<string, unknown>): number {
  return Number(props.desired_capacity ?? props.min_size ?? 0);
}

/** Creates the group's nested stack with its first members; answers the group's record fields. */
export async function createGroup(
  ctx: BuildContext,
  stack: Stack,
  name: string,
  props: Record<string, unknown>,
  startMs: number,
): Promise<Pick<StackResource, 'physicalId' | 'nested' | 'capacity' | 'refs'>> {
  const capacity = initialCapacity(props);
  const names = Array.from({ length: capacity }, () => shortId());
  const template = { kind: 'document' as const, value: groupTemplate(names, memberDefinition(props)) };
  const physicalId = await createNestedStack(ctx, stack, name, template, {}, startMs);
  const nested = await ctx.repos.stacks.get(physicalId);
  return { physicalId, nested: true, capacity, refs: liveMembers(nested!).map((m) => m.physicalId) };
}

/** Members not removed, oldest first (the group's first members have no startMs and come first). */
export function liveMembers(nested: Stack): StackResource[] {
  const start = (r: StackResource) => r.startMs ?? 0;
  return nested.resources.filter((r) => r.removedMs === undefined).sort((a, b) => start(a) - start(b) || a.index - b.index);
}

/**
 * Resizes the group `groupName` of `stack` to `capacity` at `now`: new members are created one
 * after another, the oldest are removed first. Writes the nested stack and the parent's
 * resource records (the records given in `stack.resources`, so a caller's changes are kept).
 */
export async function resizeGroup(cloud: Cloud, stack: Stack, groupName: string, capacity: number, now: number): Promise<void> {
  const resources = stack.resources.map((r) => ({ ...r }));
  const group = resources.find((r) => r.name === groupName && r.type === GROUP_TYPE);
  if (!group) throw new ApiError(404, `The Resource (${groupName}) could not be found in Stack ${stack.name}.`, 'ResourceNotFound');
  const current = { ...stack, resources };
  const plan = await planStored(current);
  let props: Record<string, unknown>;
  try {
    props = resolveProperties(plan, groupName, stackRuntime(cloud, current, stackState(current, now)));
  } catch (e) {
    hotToApi(e);
  }
  const member = memberDefinition(props);
  await cloud.store.transaction(async (repos) => {
    const ctx: BuildContext = { cloud, repos, projectId: stack.projectId, userId: stack.userId, now };
    const nested = await repos.stacks.get(group.physicalId);
    if (!nested) throw new ApiError(404, `The Stack (${group.physicalId}) could not be found.`, 'EntityNotFound');
    const members = nested.resources.map((r) => ({ ...r }));
    nested.resources = members;
    const live = liveMembers(nested);
    let step = 0;
    for (const old of live.slice(0, Math.max(0, live.length - capacity))) {
      await destroyResource(ctx, old);
      old.removedMs = now + step++ * STEP_MS;
    }
    const keep = liveMembers(nested).map((r) => r.name);
    const added = Array.from({ length: Math.max(0, capacity - live.length) }, () => shortId());
    nested.template = { kind: 'document', value: groupTemplate([...keep, ...added], member) };
    const nestedPlan = await planInput(nested, { stackId: nested.id, stackName: nested.name, projectId: nested.projectId });
    let index = members.reduce((m, r) => Math.max(m, r.index), -1);
    for (const name of added) {
      const at = now + step++ * STEP_MS;
      const record = await buildResource(ctx, nested, nestedPlan, name, at);
      members.push({ ...record, index: ++index, startMs: at });
    }
    // The nested stack's UPDATE (Heat's resize is an update of it); stack-state plays the member
    // windows from startMs/removedMs, the phase gives the stack's own status and events.
    const steps: StackStep[] = members
      .filter((r) => (r.removedMs ?? r.startMs ?? -1) >= now)
      .sort((a, b) => (a.removedMs ?? a.startMs!) - (b.removedMs ?? b.startMs!))
      .map((r) => ({ name: r.name, type: r.type, physicalId: r.physicalId, action: r.removedMs === undefined ? 'CREATE' : 'DELETE' }));
    const phase: StackPhase = { action: 'UPDATE', startedMs: now, steps };
    await repos.stacks.save({ ...nested, history: [...(nested.history ?? []), phase], updatedAt: formatIsoMicros(now) });
    group.capacity = capacity;
    group.refs = liveMembers(nested).map((m) => m.physicalId);
    if (step > 0) group.resizes = [...(group.resizes ?? []), { startMs: now, endMs: now + step * STEP_MS }];
    await repos.stacks.setResources(stack.id, resources);
  });
}
