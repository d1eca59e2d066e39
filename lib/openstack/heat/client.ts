import 'server-only';

import { OpenStackError } from '../errors';
import { type ServiceClient, serviceClient } from '../service-client';
import type { HeatStatus, Stack, StackOutput, StackSummary } from './types';

/**
 * Heat v1. The catalog's orchestration endpoint already ends in /v1/{project_id}; every stack call hangs
 * below it. Stacks are addressed canonically as /stacks/{name}/{id}: a name or id alone answers 302.
 */
export function heatClient(baseUrl: string, token: string): ServiceClient {
  return serviceClient({ service: 'orchestration', baseUrl, token });
}

/** The canonical path of a stack. */
export const stackPath = (stack: { name: string; id: string }) =>
  `/stacks/${encodeURIComponent(stack.name)}/${encodeURIComponent(stack.id)}`;

type Wire = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** `CREATE_IN_PROGRESS` → action CREATE, status IN_PROGRESS (the action never contains an underscore). */
export function splitStatus(joined: unknown, reason: unknown): HeatStatus {
  const value = text(joined);
  const cut = value.indexOf('_');
  return cut < 0
    ? { action: value, status: '', reason: text(reason) }
    : { action: value.slice(0, cut), status: value.slice(cut + 1), reason: text(reason) };
}

export function stackSummaryFromWire(wire: unknown): StackSummary {
  const w = (wire ?? {}) as Wire;
  return {
    id: text(w.id),
    name: text(w.stack_name),
    description: text(w.description),
    projectId: text(w.project ?? w.stack_user_project_id),
    createdAt: text(w.creation_time),
    updatedAt: typeof w.updated_time === 'string' ? w.updated_time : null,
    tags: Array.isArray(w.tags) ? w.tags.filter((t): t is string => typeof t === 'string') : [],
    ...splitStatus(w.stack_status, w.stack_status_reason),
  };
}

export function outputFromWire(wire: unknown): StackOutput {
  const w = (wire ?? {}) as Wire;
  return {
    key: text(w.output_key),
    description: text(w.description),
    value: w.output_value ?? null,
    error: typeof w.output_error === 'string' ? w.output_error : null,
  };
}

export function stackFromWire(wire: unknown): Stack {
  const w = (wire ?? {}) as Wire;
  const parameters = (w.parameters ?? {}) as Record<string, unknown>;
  return {
    ...stackSummaryFromWire(w),
    parameters: Object.entries(parameters)
      .map(([name, value]) => ({ name, value: typeof value === 'string' ? value : JSON.stringify(value) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    outputs: Array.isArray(w.outputs) ? w.outputs.map(outputFromWire) : [],
    timeoutMins: typeof w.timeout_mins === 'number' ? w.timeout_mins : null,
    disableRollback: w.disable_rollback === true,
    templateDescription: text(w.template_description),
  };
}

/**
 * A path below the stack by name or id (`/stacks/{nameOrId}{rest}`), following Heat's 302 to the canonical
 * path only when it stays below the same endpoint: a redirect elsewhere is refused, not followed.
 */
export async function callStack<T>(heat: ServiceClient, nameOrId: string, rest = ''): Promise<T> {
  const first = await heat.call<T>(`/stacks/${encodeURIComponent(nameOrId)}${rest}`, { accept: [302] });
  if (first.status !== 302) return first.body;
  const location = first.headers.get('location') ?? '';
  const target = new URL(location, `${heat.baseUrl}/`).toString();
  if (!target.startsWith(`${heat.baseUrl}/stacks/`)) {
    throw new OpenStackError({ service: heat.service, status: 502, code: 'bad_response', message: `orchestration redirected outside its endpoint (${location})`, requestId: first.requestId });
  }
  return (await heat.call<T>(target.slice(heat.baseUrl.length))).body;
}

/** A stack by name or id. */
export async function getStack(heat: ServiceClient, nameOrId: string): Promise<Stack> {
  return stackFromWire((await callStack<{ stack: unknown }>(heat, nameOrId)).stack);
}
