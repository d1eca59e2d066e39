import 'server-only';

import { stringify } from 'yaml';

import type { ServiceClient } from '../service-client';
import { query } from '../service-client';
import { stackPath, stackSummaryFromWire } from './client';
import type { StackSummary, TemplateBundle, TemplateConstraint, TemplateParameter } from './types';

/** Heat's stack calls for the stacks list, launch, update, actions and delete (wire names stay here). */

type Wire = Record<string, unknown>;
type StackRef = { name: string; id: string };

export async function listStacks(heat: ServiceClient, filters: { name?: string } = {}): Promise<StackSummary[]> {
  const { body } = await heat.call<{ stacks?: unknown[] }>(`/stacks${query({ name: filters.name })}`);
  return (body?.stacks ?? []).map(stackSummaryFromWire);
}

/** What create, preview and update send (Heat parses the template and environment text itself). */
export interface StackRequest extends TemplateBundle {
  parameters: Record<string, string>;
  timeoutMins: number | null;
  rollback: boolean;
}

function stackBody(req: Partial<StackRequest>): Wire {
  const body: Wire = {};
  if (req.template !== undefined) body.template = req.template;
  if (req.environment) body.environment = req.environment;
  if (req.files !== undefined) body.files = req.files;
  if (req.parameters !== undefined) body.parameters = req.parameters;
  if (req.timeoutMins) body.timeout_mins = req.timeoutMins;
  if (req.rollback !== undefined) body.disable_rollback = !req.rollback;
  return body;
}

export async function createStack(heat: ServiceClient, name: string, req: StackRequest): Promise<{ id: string; name: string }> {
  const { body } = await heat.call<{ stack?: { id?: string } }>('/stacks', { method: 'POST', body: { stack_name: name, ...stackBody(req) } });
  return { id: String(body?.stack?.id ?? ''), name };
}

export interface PreviewResource {
  name: string;
  type: string;
}

function previewResources(list: unknown): PreviewResource[] {
  if (!Array.isArray(list)) return [];
  // Heat lists a nested stack's resources as an inner array in place of the resource.
  return list.flatMap((item): PreviewResource[] =>
    Array.isArray(item)
      ? previewResources(item)
      : [{ name: String((item as Wire)?.resource_name ?? ''), type: String((item as Wire)?.resource_type ?? '')}],
  );
}

export async function previewStack(heat: ServiceClient, name: string, req: StackRequest): Promise<PreviewResource[]> {
  const { body } = await heat.call<{ stack?: { resources?: unknown } }>('/stacks/preview', { method: 'POST', body: { stack_name: name, ...stackBody(req) } });
  return previewResources(body?.stack?.resources);
}

/** PUT replaces template and parameters; PATCH (existing) keeps what is not sent. */
export async function updateStack(heat: ServiceClient, stack: StackRef, req: Partial<StackRequest>, existing: boolean): Promise<void> {
  await heat.call(stackPath(stack), { method: existing ? 'PATCH' : 'PUT', body: stackBody(req) });
}

export interface UpdatePreview {
  added: string[];
  deleted: string[];
  replaced: string[];
  updated: string[];
  unchanged: string[];
}

export async function previewUpdate(heat: ServiceClient, stack: StackRef, req: Partial<StackRequest>, existing: boolean): Promise<UpdatePreview> {
  const { body } = await heat.call<{ resource_changes?: Record<string, unknown> }>(`${stackPath(stack)}/preview`, {
    method: existing ? 'PATCH' : 'PUT',
    body: stackBody(req),
  });
  const changes = body?.resource_changes ?? {};
  const names = (key: string) =>
    Array.isArray(changes[key]) ? (changes[key] as unknown[]).map((r) => String((r as Wire)?.resource_name ?? r)) : [];
  return { added: names('added'), deleted: names('deleted'), replaced: names('replaced'), updated: names('updated'), unchanged: names('unchanged') };
}

export async function deleteStack(heat: ServiceClient, stack: StackRef): Promise<void> {
  await heat.call(stackPath(stack), { method: 'DELETE' });
}

export async function stackAction(heat: ServiceClient, stack: StackRef, action: 'suspend' | 'resume' | 'check'): Promise<void> {
  await heat.call(`${stackPath(stack)}/actions`, { method: 'POST', body: { [action]: null } });
}

const TYPES: Record<string, string> = { String: 'string', Number: 'number', Json: 'json', CommaDelimitedList: 'comma_delimited_list', Boolean: 'boolean' };
const num = (v: unknown): number | null => (v === undefined || v === null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

/** One parameter of validate's answer (CFN-style keys, for HOT templates too). */
export function parameterFromWire(name: string, wire: unknown): TemplateParameter {
  const w = (wire ?? {}) as Wire;
  const description = typeof w.ConstraintDescription === 'string' ? w.ConstraintDescription : null;
  const constraints: TemplateConstraint[] = [];
  if (Array.isArray(w.AllowedValues)) constraints.push({ kind: 'allowed_values', values: w.AllowedValues, description });
  if (w.MinLength !== undefined || w.MaxLength !== undefined) constraints.push({ kind: 'length', min: num(w.MinLength), max: num(w.MaxLength), description });
  if (w.MinValue !== undefined || w.MaxValue !== undefined) constraints.push({ kind: 'range', min: num(w.MinValue), max: num(w.MaxValue), description });
  if (typeof w.AllowedPattern === 'string') constraints.push({ kind: 'allowed_pattern', pattern: w.AllowedPattern, description });
  if (typeof w.CustomConstraint === 'string') constraints.push({ kind: 'custom_constraint', name: w.CustomConstraint, description });
  const type = typeof w.Type === 'string' ? (TYPES[w.Type] ?? w.Type.toLowerCase()) : 'string';
  return {
    name,
    type,
    label: typeof w.Label === 'string' && w.Label !== name ? w.Label : null,
    description: typeof w.Description === 'string' ? w.Description : '',
    default: w.Default,
    hidden: w.NoEcho === true || w.NoEcho === 'true',
    constraints,
  };
}

export interface ValidatedTemplate {
  description: string;
  parameters: TemplateParameter[];
}

export async function validateTemplate(heat: ServiceClient, bundle: TemplateBundle): Promise<ValidatedTemplate> {
  const { body } = await heat.call<Wire>('/validate', { method: 'POST', body: stackBody(bundle) });
  const params = (body?.Parameters ?? {}) as Record<string, unknown>;
  return {
    description: typeof body?.Description === 'string' ? body.Description : '',
    parameters: Object.entries(params).map(([name, wire]) => parameterFromWire(name, wire)),
  };
}

/** The stack's template (as text: Heat returns it parsed), environment and files. */
export async function getStackTemplate(heat: ServiceClient, stack: StackRef): Promise<TemplateBundle> {
  const base = stackPath(stack);
  const [template, environment, files] = await Promise.all([
    heat.call<unknown>(`${base}/template`).then((r) => r.body),
    heat.call<unknown>(`${base}/environment`).then((r) => r.body, () => null),
    heat.call<Record<string, unknown>>(`${base}/files`).then((r) => r.body, () => null),
  ]);
  const env = environment && typeof environment === 'object' && Object.values(environment as Wire).some((v) => v && (typeof v !== 'object' || Object.keys(v).length > 0))
    ? stringify(environment)
    : null;
  return {
    template: typeof template === 'string' ? template : stringify(template),
    environment: env,
    files: Object.fromEntries(Object.entries(files ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])),
  };
}
