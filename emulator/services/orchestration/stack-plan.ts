// Turns what a client sends (heatclient: template as a parsed document or text, environment
// document, files, parameters) into the HOT engine's plan. Used at create and preview, and again
// on read to resolve parameters and outputs of a stored stack.

import { ApiError } from '../../http/api-error';
import type { Stack, StoredTemplate } from '../../store/schema';
import {
  HotError,
  environmentFromDocument,
  parseEnvironment,
  parseTemplate,
  planStack,
  templateFromDocument,
  type CustomConstraintResolver,
  type StackPlan,
} from './hot/index';

export interface StackInput {
  name: string;
  template: StoredTemplate;
  environment: Record<string, unknown>;
  files: Record<string, string>;
  parameters: Record<string, unknown>;
  timeoutMins: number | null;
  disableRollback: boolean;
  tags: string[];
}

const NAME = /^[a-zA-Z][a-zA-Z0-9_.-]{0,254}$/;

const bad = (message: string, type = 'HTTPBadRequest') => new ApiError(400, message, type);

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a create or preview body; refuses what Heat refuses before the engine sees it. */
export function readStackInput(body: unknown): StackInput {
  if (!isMap(body)) throw bad('The request body must be a JSON object.');
  const name = body.stack_name;
  if (typeof name !== 'string' || name === '') throw bad('No stack name specified');
  if (!NAME.test(name)) {
    throw bad(
      `Invalid stack name ${name} must contain only alphanumeric or "_-." characters, must start with alpha and must be 255 characters or less.`,
      'StackValidationFailed',
    );
  }
  let template: StoredTemplate;
  if (typeof body.template === 'string') template = { kind: 'text', value: body.template };
  else if (isMap(body.template)) template = { kind: 'document', value: body.template };
  else if (body.template_url !== undefined) throw bad('Could not retrieve template: template_url is not supported by this cloud; send the template itself.');
  else throw bad('No template specified');
  let environment: Record<string, unknown> = {};
  if (typeof body.environment === 'string') environment = { __text: body.environment };
  else if (isMap(body.environment)) environment = body.environment;
  else if (body.environment !== undefined && body.environment !== null) throw bad('The environment is not a JSON object.');
  const files: Record<string, string> = {};
  if (isMap(body.files)) for (const [k, v] of Object.entries(body.files)) files[k] = typeof v === 'string' ? v : JSON.stringify(v);
  const parameters = isMap(body.parameters) ? body.parameters : {};
  const timeout = body.timeout_mins;
  const tags = typeof body.tags === 'string' ? body.tags.split(',').filter((t) => t !== '') : Array.isArray(body.tags) ? body.tags.map(String) : [];
  return {
    name,
    template,
    environment,
    files,
    parameters,
    timeoutMins: typeof timeout === 'number' || (typeof timeout === 'string' && timeout !== '') ? Number(timeout) : null,
    disableRollback: body.disable_rollback === undefined ? true : body.disable_rollback === true || body.disable_rollback === 'true',
    tags,
  };
}

/** The engine's errors become Heat's 400 with the engine's type and message. */
export function hotToApi(e: unknown): never {
  if (e instanceof HotError) throw new ApiError(400, e.message, e.type);
  throw e;
}

/** Plans the stack; every check happens here, before anything is created. */
export async function planInput(
  input: Pick<StackInput, 'template' | 'environment' | 'files' | 'parameters'>,
  identity: { stackId: string; stackName: string; projectId: string },
  resolver?: CustomConstraintResolver,
): Promise<StackPlan> {
  try {
    const template =
      input.template.kind === 'text'
        ? parseTemplate(String(input.template.value), { files: input.files })
        : templateFromDocument(input.template.value, input.files);
    const text = input.environment.__text;
    const environment = text === undefined ? environmentFromDocument(input.environment) : parseEnvironment(String(text));
    return await planStack({ template, environment, parameters: input.parameters, identity, resolver });
  } catch (e) {
    return hotToApi(e);
  }
}

export function planStored(stack: Stack): Promise<StackPlan> {
  return planInput(stack, { stackId: stack.id, stackName: stack.name, projectId: stack.projectId });
}
