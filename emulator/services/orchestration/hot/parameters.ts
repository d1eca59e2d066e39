import { HotError } from './hot-error';
import type { HotEnvironment } from './parse-environment';
import type { HotTemplate } from './parse-template';
import { checkStaticConstraint, constraintList, type CustomConstraintResolver } from './parameter-constraints';
import { isMap } from './yaml-load';

export type ParameterType = 'string' | 'number' | 'comma_delimited_list' | 'json' | 'boolean';
const TYPES: ReadonlySet<string> = new Set(['string', 'number', 'comma_delimited_list', 'json', 'boolean']);
const DECL_KEYS = new Set(['type', 'label', 'description', 'default', 'hidden', 'constraints', 'immutable', 'tags']);

export interface ResolvedParameter {
  name: string;
  type: ParameterType;
  value: unknown;
  hidden: boolean;
  description?: string;
  label?: string;
}

export interface StackIdentity {
  stackId: string;
  stackName: string;
  projectId: string;
}

export const PSEUDO_PARAMETERS = ['OS::stack_id', 'OS::stack_name', 'OS::project_id'] as const;

function invalid(name: string, why: string): HotError {
  return new HotError('StackValidationFailed', `Parameter '${name}' is invalid: ${why}`);
}

/** Converts a given value (often a string from the CLI) to the parameter's type, as Heat does. */
export function coerceParameter(name: string, type: ParameterType, raw: unknown): unknown {
  switch (type) {
    case 'string':
      if (isMap(raw) || Array.isArray(raw)) throw invalid(name, `Value must be a string; got ${JSON.stringify(raw)}`);
      return raw === null || raw === undefined ? '' : String(raw);
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(n)) throw invalid(name, `Value '${String(raw)}' is not a number`);
      return n;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const s = String(raw).toLowerCase();
      if (['true', 't', 'on', 'yes', 'y', '1'].includes(s)) return true;
      if (['false', 'f', 'off', 'no', 'n', '0'].includes(s)) return false;
      throw invalid(name, `Unrecognized value "${String(raw)}", acceptable values are: true, false.`);
    }
    case 'comma_delimited_list':
      if (Array.isArray(raw)) return raw.map(String);
      if (raw === '' || raw === null || raw === undefined) return [];
      return String(raw)
        .split(',')
        .map((s) => s.trim());
    case 'json':
      if (typeof raw === 'string') {
        try {
          return raw.trim() === '' ? {} : JSON.parse(raw);
        } catch {
          throw invalid(name, `Value must be valid JSON: ${raw}`);
        }
      }
      if (!isMap(raw) && !Array.isArray(raw)) throw invalid(name, `Value must be valid JSON: ${String(raw)}`);
      return raw;
  }
}

function declType(name: string, decl: Record<string, unknown>): ParameterType {
  for (const k of Object.keys(decl)) {
    if (!DECL_KEYS.has(k)) throw new HotError('StackValidationFailed', `Invalid key '${k}' for parameter (${name})`);
  }
  if (!('type' in decl)) throw new HotError('StackValidationFailed', `Missing parameter type for parameter: ${name}`);
  if (typeof decl.type !== 'string' || !TYPES.has(decl.type)) {
    throw new HotError('StackValidationFailed', `Invalid type (${String(decl.type)})`);
  }
  return decl.type as ParameterType;
}

/**
 * Resolves every parameter: the values given, then the environment's parameters and parameter_defaults,
 * then the template default. Checks all of them (types, constraints, custom constraints through the
 * resolver) before anything is created, and adds the pseudo parameters.
 */
export async function resolveParameters(
  template: HotTemplate,
  env: HotEnvironment,
  given: Record<string, unknown>,
  identity: StackIdentity,
  resolver?: CustomConstraintResolver,
): Promise<Record<string, ResolvedParameter>> {
  for (const name of Object.keys({ ...given, ...env.parameters })) {
    if (!(name in template.parameters)) {
      throw new HotError('StackValidationFailed', `The Parameter (${name}) was not defined in template.`);
    }
  }
  const out: Record<string, ResolvedParameter> = {};
  for (const [name, decl] of Object.entries(template.parameters)) {
    const type = declType(name, decl);
    const sources = [given, env.parameters, env.parameterDefaults];
    const from = sources.find((s) => Object.hasOwn(s, name));
    const raw = from ? from[name] : decl.default;
    if (raw === undefined) throw new HotError('UserParameterMissing', `The Parameter (${name}) was not provided.`);
    const value = coerceParameter(name, type, raw);
    for (const c of constraintList(decl, name)) {
      const message = checkStaticConstraint(c, value);
      if (message) throw invalid(name, message);
      if (typeof c.custom_constraint === 'string') {
        if (!resolver) continue;
        const values = Array.isArray(value) ? value : [value];
        for (const v of values) {
          const err = await resolver.check(c.custom_constraint, String(v));
          if (err) throw invalid(name, `Error validating value '${String(v)}': ${err}`);
        }
      }
    }
    out[name] = {
      name,
      type,
      value,
      hidden: decl.hidden === true || decl.hidden === 'true',
      description: typeof decl.description === 'string' ? decl.description : undefined,
      label: typeof decl.label === 'string' ? decl.label : undefined,
    };
  }
  const pseudo: Record<string, string> = {
    'OS::stack_id': identity.stackId,
    'OS::stack_name': identity.stackName,
    'OS::project_id': identity.projectId,
  };
  for (const [name, value] of Object.entries(pseudo)) out[name] = { name, type: 'string', value, hidden: false };
  return out;
}

/** Parameter values as `stack show` displays them: strings, hidden ones masked. */
export function displayParameters(params: Record<string, ResolvedParameter>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of Object.values(params)) {
    if (p.hidden) out[p.name] = '******';
    else if (p.type === 'comma_delimited_list') out[p.name] = (p.value as string[]).join(',');
    else if (p.type === 'json') out[p.name] = JSON.stringify(p.value);
    else out[p.name] = String(p.value);
  }
  return out;
}
