// Heat's JSON shapes for stacks, resources and events (heat/api/openstack/v1/*), built from the
// stored stack and its state at the current simulated time.

import { parseIsoMicros } from '../../sim/clock';
import type { Stack } from '../../store/schema';
import { displayParameters, type ResolvedOutput, type StackPlan } from './hot/index';
import { isoSeconds, type ResourceState, type StackEvent, type StackState } from './stack-state';

export interface Links {
  /** Absolute URL of the stack's canonical path, /heat-api/v1/{tenant}/stacks/{name}/{id}. */
  stackUrl: string;
}

export function stackSummary(stack: Stack, state: StackState, links: Links): Record<string, unknown> {
  return {
    id: stack.id,
    stack_name: stack.name,
    description: stack.description,
    creation_time: isoSeconds(parseIsoMicros(stack.createdAt)),
    updated_time: stack.updatedAt === null ? null : isoSeconds(parseIsoMicros(stack.updatedAt)),
    deletion_time: state.action === 'DELETE' ? isoSeconds(stack.actionStartedMs) : null,
    stack_status: `${state.action}_${state.status}`,
    stack_status_reason: state.reason,
    stack_owner: null,
    parent: stack.parent?.stackId ?? null,
    stack_user_project_id: stack.projectId,
    project: stack.projectId,
    tags: stack.tags.length > 0 ? stack.tags : null,
    links: [{ href: links.stackUrl, rel: 'self' }],
  };
}

export function stackDetail(
  stack: Stack,
  state: StackState,
  links: Links,
  plan: StackPlan,
  outputs: ResolvedOutput[],
): Record<string, unknown> {
  return {
    ...stackSummary(stack, state, links),
    capabilities: [],
    disable_rollback: stack.disableRollback,
    notification_topics: [],
    outputs,
    parameters: displayParameters(plan.parameters),
    template_description: plan.template.description ?? 'No description',
    timeout_mins: stack.timeoutMins,
  };
}

export function resourceView(stack: Stack, r: ResourceState, links: Links): Record<string, unknown> {
  const res = r.resource;
  return {
    resource_name: res.name,
    logical_resource_id: res.name,
    physical_resource_id: r.action === 'INIT' ? '' : res.physicalId,
    resource_type: res.type,
    resource_status: `${r.action}_${r.status}`,
    resource_status_reason: r.reason,
    creation_time: r.createdMs === undefined ? isoSeconds(parseIsoMicros(stack.createdAt)) : isoSeconds(r.createdMs),
    updated_time: isoSeconds(r.updatedMs ?? r.createdMs ?? parseIsoMicros(stack.createdAt)),
    required_by: res.requiredBy,
    stack_name: stack.name,
    links: [
      { href: `${links.stackUrl}/resources/${encodeURIComponent(res.name)}`, rel: 'self' },
      { href: links.stackUrl, rel: 'stack' },
    ],
  };
}

export function eventView(e: StackEvent, links: Links, detail = false): Record<string, unknown> {
  const isStack = e.resourceType === 'OS::Heat::Stack';
  const resourceUrl = `${links.stackUrl}/resources/${encodeURIComponent(e.resourceName)}`;
  return {
    id: e.id,
    event_time: isoSeconds(e.timeMs),
    resource_name: e.resourceName,
    logical_resource_id: e.resourceName,
    physical_resource_id: e.physicalId,
    resource_status: `${e.action}_${e.status}`,
    resource_status_reason: e.reason,
    links: [
      { href: `${resourceUrl}/events/${e.id}`, rel: 'self' },
      { href: isStack ? links.stackUrl : resourceUrl, rel: 'resource' },
      { href: links.stackUrl, rel: 'stack' },
    ],
    ...(detail ? { resource_type: e.resourceType, resource_properties: {} } : {}),
  };
}
