import 'server-only';

import { getStack, heatClient } from '../openstack/heat/client';
import {
  type PreviewResource,
  type UpdatePreview,
  createStack,
  deleteStack,
  getStackTemplate,
  listStacks,
  previewStack,
  previewUpdate,
  stackAction,
  updateStack,
  validateTemplate,
} from '../openstack/heat/stacks';
import type { Stack, StackSummary, TemplateBundle, TemplateParameter } from '../openstack/heat/types';
import { OpenStackError } from '../openstack/errors';
import { heatParameters, parameterValuesSchema } from '../orchestration/parameter-form';
import { type TemplateReference, resolveBundle } from '../orchestration/template-references';
import type { LaunchStackRequest, StackAction, TemplateBundleRequest, UpdateStackRequest } from '../validation/stacks';
import { ApiError } from './api-error';
import type { ScopedContext } from './guard';
import { withHeatFields } from './stack-errors';

/** The stacks list, launch (validate, preview, create), update, actions and delete, for the user's project. */

const heat = (ctx: ScopedContext) => heatClient(ctx.endpoint('orchestration'), ctx.token);

export async function loadStacks(ctx: ScopedContext): Promise<{ stacks: StackSummary[] }> {
  return { stacks: await listStacks(heat(ctx)) };
}

export async function loadStack(ctx: ScopedContext, id: string): Promise<{ stack: Stack }> {
  return { stack: await getStack(heat(ctx), id) };
}

export interface ValidatedBundle {
  description: string;
  parameters: TemplateParameter[];
  references: TemplateReference[];
}

function bundleOf(input: TemplateBundleRequest): TemplateBundle {
  return { template: input.template, environment: input.environment ?? null, files: input.files };
}

/** Heat's validate, plus the references the template and environment make and whether each file was given. */
export async function validateBundle(ctx: ScopedContext, input: TemplateBundleRequest): Promise<ValidatedBundle> {
  const bundle = bundleOf(input);
  const { references } = resolveBundle(bundle.template, bundle.environment, bundle.files);
  const missing = references.filter((r) => !r.found);
  if (missing.length > 0) {
    throw new ApiError({
      code: 'stack.files_missing',
      status: 400,
      message: `Add the referenced files: ${missing.map((r) => r.name).join(', ')}`,
      fields: { files: `files_missing|${missing.map((r) => r.name).join(', ')}` },
    });
  }
  const validated = await withHeatFields(() => validateTemplate(heat(ctx), bundle));
  return { ...validated, references };
}

/** Parameter values checked against the template's constraints, at their fields, before Heat sees them. */
function checkedParameters(params: TemplateParameter[], values: Record<string, string>): Record<string, string> {
  const result = parameterValuesSchema(params).safeParse(values);
  if (!result.success) {
    const fields: Record<string, string> = {};
    for (const issue of result.error.issues) fields[`parameters.${issue.path.join('.')}`] ??= issue.message;
    throw new ApiError({ code: 'invalid_input', status: 400, message: 'Some parameters are not valid', fields });
  }
  return heatParameters(params, values);
}

async function prepareLaunch(ctx: ScopedContext, input: LaunchStackRequest) {
  const { parameters } = await validateBundle(ctx, input);
  return { ...bundleOf(input), parameters: checkedParameters(parameters, input.parameters), timeoutMins: input.timeoutMins, rollback: input.rollback };
}

export async function previewLaunch(ctx: ScopedContext, input: LaunchStackRequest): Promise<{ resources: PreviewResource[] }> {
  const request = await prepareLaunch(ctx, input);
  return { resources: await withHeatFields(() => previewStack(heat(ctx), input.name, request)) };
}

export async function launchStack(ctx: ScopedContext, input: LaunchStackRequest): Promise<{ stack: { id: string; name: string } }> {
  const request = await prepareLaunch(ctx, input);
  try {
    return { stack: await withHeatFields(() => createStack(heat(ctx), input.name, request)) };
  } catch (error) {
    if (error instanceof OpenStackError && error.status === 409) {
      throw new ApiError({ code: 'stack.exists', status: 409, message: error.message, fields: { name: 'name_taken' }, service: error.service, requestId: error.requestId });
    }
    throw error;
  }
}

export async function loadStackTemplate(ctx: ScopedContext, id: string): Promise<TemplateBundle> {
  const client = heat(ctx);
  return getStackTemplate(client, await getStack(client, id));
}

/** The update's request: PATCH sends changed parameters only; PUT the whole new bundle. */
async function prepareUpdate(ctx: ScopedContext, id: string, input: UpdateStackRequest) {
  const client = heat(ctx);
  const stack = await getStack(client, id);
  const bundle = input.mode === 'replace' ? bundleOf(input) : await getStackTemplate(client, stack);
  const { parameters } = await validateBundle(ctx, bundle);
  // With --existing, a parameter left empty keeps the stack's value rather than the template default.
  const given = input.mode === 'existing' ? Object.fromEntries(Object.entries(input.parameters).filter(([, v]) => v !== '')) : input.parameters;
  const current = Object.fromEntries(stack.parameters.map((p) => [p.name, p.value]));
  // A hidden value Heat shows as ****** cannot be checked; it is only checked when the user gives a new one.
  const checkable = parameters.filter((p) => !(input.mode === 'existing' && p.hidden && !(p.name in given)));
  const checked = checkedParameters(checkable, input.mode === 'existing' ? { ...current, ...given } : given);
  const sent = input.mode === 'existing' ? Object.fromEntries(Object.entries(checked).filter(([k]) => k in given)) : checked;
  const request = input.mode === 'existing' ? { parameters: sent } : { ...bundle, parameters: sent };
  return { client, stack, request: { ...request, timeoutMins: input.timeoutMins, rollback: input.rollback }, existing: input.mode === 'existing' };
}

export async function changeStack(ctx: ScopedContext, id: string, input: UpdateStackRequest): Promise<void> {
  const { client, stack, request, existing } = await prepareUpdate(ctx, id, input);
  await withHeatFields(() => updateStack(client, stack, request, existing));
}

/** Heat's update preview, or null when the cloud does not offer it. */
export async function previewChange(ctx: ScopedContext, id: string, input: UpdateStackRequest): Promise<{ changes: UpdatePreview | null }> {
  const { client, stack, request, existing } = await prepareUpdate(ctx, id, input);
  try {
    return { changes: await withHeatFields(() => previewUpdate(client, stack, request, existing)) };
  } catch (error) {
    if (error instanceof OpenStackError && [404, 405, 501].includes(error.status)) return { changes: null };
    throw error;
  }
}

export async function removeStack(ctx: ScopedContext, id: string): Promise<void> {
  const client = heat(ctx);
  await deleteStack(client, await getStack(client, id));
}

export async function runStackAction(ctx: ScopedContext, id: string, action: StackAction): Promise<void> {
  const client = heat(ctx);
  await stackAction(client, await getStack(client, id), action);
}
