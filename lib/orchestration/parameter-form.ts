import { z } from 'zod';

import type { TemplateParameter } from '../openstack/heat/types';

/**
 * The launch and update forms' model of a template's parameters (from Heat's validate): which input each
 * one gets, its starting value, the checks Heat will make (as one zod schema, used by the form and by the
 * BFF before it calls Heat) and the values sent to Heat. Every value is held as text, as Heat takes it.
 * Error messages are i18n keys under "stacks.errors" with arguments after "|", or the template author's
 * own constraint description (shown as written).
 */
export const RESOURCE_CONSTRAINTS = ['nova.flavor', 'glance.image', 'nova.keypair', 'neutron.network'] as const;
export type ResourceConstraint = (typeof RESOURCE_CONSTRAINTS)[number];

export type ParameterField =
  | { kind: 'select'; options: string[] }
  | { kind: 'resource'; constraint: ResourceConstraint }
  | { kind: 'boolean' }
  | { kind: 'number' }
  | { kind: 'json' }
  | { kind: 'list' }
  | { kind: 'password' }
  | { kind: 'text' };

const asText = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : Array.isArray(value) && value.every((v) => typeof v !== 'object') ? value.join(',') : JSON.stringify(value);

export function fieldFor(param: TemplateParameter): ParameterField {
  const allowed = param.constraints.find((c) => c.kind === 'allowed_values');
  if (allowed && allowed.kind === 'allowed_values' && param.type !== 'comma_delimited_list') return { kind: 'select', options: allowed.values.map(asText) };
  const custom = param.constraints.find((c) => c.kind === 'custom_constraint');
  if (custom && custom.kind === 'custom_constraint' && (RESOURCE_CONSTRAINTS as readonly string[]).includes(custom.name)) {
    return { kind: 'resource', constraint: custom.name as ResourceConstraint };
  }
  if (param.hidden) return { kind: 'password' };
  if (param.type === 'boolean') return { kind: 'boolean' };
  if (param.type === 'number') return { kind: 'number' };
  if (param.type === 'json') return { kind: 'json' };
  if (param.type === 'comma_delimited_list') return { kind: 'list' };
  return { kind: 'text' };
}

/** Whether Heat has a value without one from the user (a hidden default shows as ****** but exists). */
export const hasDefault = (param: TemplateParameter): boolean => param.default !== undefined && param.default !== null;

/** Starting values: defaults as text; hidden defaults are not shown (left empty means "keep the default"). */
export function initialValues(params: TemplateParameter[], current: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(params.map((p) => [p.name, current[p.name] ?? (p.hidden ? '' : asText(p.default))]));
}

const BOOLEAN = /^(true|false|t|f|yes|no|y|n|on|off|1|0)$/i;

function listOf(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

function sizeOf(param: TemplateParameter, value: string): number {
  if (param.type === 'comma_delimited_list') return listOf(value).length;
  if (param.type === 'json') {
    try {
      const parsed: unknown = JSON.parse(value);
      return Array.isArray(parsed) ? parsed.length : parsed && typeof parsed === 'object' ? Object.keys(parsed).length : value.length;
    } catch {
      return value.length;
    }
  }
  return [...value].length;
}

/** The first problem with one value, or null. */
export function checkParameter(param: TemplateParameter, value: string): string | null {
  if (value === '') return hasDefault(param) ? null : 'param_required';
  if (param.type === 'number' && (value.trim() === '' || !Number.isFinite(Number(value)))) return 'param_number';
  if (param.type === 'boolean' && !BOOLEAN.test(value.trim())) return 'param_boolean';
  if (param.type === 'json') {
    try {
      JSON.parse(value);
    } catch {
      return 'param_json';
    }
  }
  for (const c of param.constraints) {
    const own = c.description;
    if (c.kind === 'range' && param.type === 'number') {
      const n = Number(value);
      if ((c.min !== null && n < c.min) || (c.max !== null && n > c.max)) return own ?? `param_range|${c.min ?? '−∞'}|${c.max ?? '∞'}`;
    }
    if (c.kind === 'length') {
      const n = sizeOf(param, value);
      if ((c.min !== null && n < c.min) || (c.max !== null && n > c.max)) return own ?? `param_length|${c.min ?? 0}|${c.max ?? '∞'}`;
    }
    if (c.kind === 'allowed_values') {
      const allowed = c.values.map(asText);
      const given = param.type === 'comma_delimited_list' ? listOf(value) : [value];
      const ok = given.every((v) => allowed.includes(v) || (param.type === 'number' && allowed.some((a) => Number(a) === Number(v))));
      if (!ok) return own ?? `param_allowed|${allowed.join(', ')}`;
    }
    if (c.kind === 'allowed_pattern') {
      // Heat matches the pattern at the start and requires it to cover the whole value.
      let re: RegExp | null = null;
      try {
        re = new RegExp(`^(?:${c.pattern})$`, 'u');
      } catch {
        re = null;
      }
      if (re && !re.test(value)) return own ?? `param_pattern|${c.pattern}`;
    }
  }
  return null;
}

/** One schema for all values: an issue per parameter at its name. */
export function parameterValuesSchema(params: TemplateParameter[]) {
  return z.record(z.string(), z.string()).superRefine((values, ctx) => {
    for (const param of params) {
      const problem = checkParameter(param, values[param.name] ?? '');
      if (problem) ctx.addIssue({ code: 'custom', path: [param.name], message: problem });
    }
  });
}

/** What Heat gets: each parameter the user gave; empty values of defaulted parameters are left to Heat. */
export function heatParameters(params: TemplateParameter[], values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const param of params) {
    const value = values[param.name] ?? '';
    if (value === '' && hasDefault(param)) continue;
    out[param.name] = value;
  }
  return out;
}

/** "param_range|1|5" → the key and its arguments, for translating a message; other text is shown as is. */
export function splitMessage(message: string): { key: string; args: string[] } {
  const [key = '', ...args] = message.split('|');
  return { key, args };
}

/** Values an environment gives (parameters and parameter_defaults), as text, to start the form from. */
export function environmentValues(environment: unknown): Record<string, string> {
  if (!environment || typeof environment !== 'object' || Array.isArray(environment)) return {};
  const env = environment as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const section of ['parameter_defaults', 'parameters']) {
    const values = env[section];
    if (values && typeof values === 'object' && !Array.isArray(values)) {
      for (const [k, v] of Object.entries(values)) out[k] = asText(v);
    }
  }
  return out;
}
